/// What to do with one field of a record (a CSV column, a JSON value): the policy's `fields:`.
package enum FieldRule: Sendable, Hashable {
    /// Free text: find the personal data it mentions and rewrite that, as in a text document.
    case scan
    /// The whole value is one mention of `entity` (a poster's name, a phone column), rewritten by
    /// that entity's action wherever else the record mentions the same value.
    case entity(EntityType)
    /// Kept byte for byte (ids, dates, categories).
    case keep
    /// Left out of the output: the column, or the JSON member.
    case drop
    /// Replaced by a keyed hash of the whole value (the first `length` hex digits), so rows can
    /// still be joined on it.
    case hash(length: Int)

    /// The names a policy writes.
    package static let names = ["scan", "entity", "keep", "drop", "hash"]
}

/// A field rule as a policy states it: for which fields, and where it is written.
package struct FieldRuleEntry: Sendable, Hashable {
    package var path: FieldPath
    package var rule: FieldRule
    package var location: Policy.Location?

    package init(path: FieldPath, rule: FieldRule, location: Policy.Location? = nil) {
        self.path = path
        self.rule = rule
        self.location = location
    }
}

/// The field rules of a policy, frozen: which rule each field gets.
package struct FieldRules: Sendable, Hashable {
    package var entries: [FieldRuleEntry]
    /// The rule for fields no entry names.
    package var otherFields: FieldRule

    package init(entries: [FieldRuleEntry] = [], otherFields: FieldRule = .scan) {
        self.entries = entries
        self.otherFields = otherFields
    }

    /// The rule for the value at `path`: the entry naming the longest part of it (a rule for
    /// `$.author` covers `$.author.name`), the first written if two name as much; else `otherFields`.
    package func rule(for path: [FieldPath.Step]) -> FieldRule {
        var best: (length: Int, rule: FieldRule)?
        for entry in entries {
            guard let length = entry.path.matchedLength(of: path), length > (best?.length ?? -1) else { continue }
            best = (length, entry.rule)
        }
        return best?.rule ?? otherFields
    }

    /// Whether no entry names anything (every field follows `otherFields`).
    package var isEmpty: Bool { entries.isEmpty }

    /// The entries that have their fields read (`scan`, `entity`) when every other field is passed
    /// over (`keep`, `drop`, `hash`), or none: then a record none of whose fields they name would be
    /// written unread — a typo in a field's name (`bdoy`) must stop that record, not pass it.
    package var entriesThatMustMatch: [FieldRuleEntry] {
        switch otherFields {
        case .scan, .entity: return []
        case .keep, .drop, .hash:
            return entries.filter { entry in
                switch entry.rule {
                case .scan, .entity: return true
                case .keep, .drop, .hash: return false
                }
            }
        }
    }

    /// The error for a record none of whose fields (`paths`) an entry that must match names, or nil.
    package func unmatchedError(fields paths: [[FieldPath.Step]]) -> String? {
        let required = entriesThatMustMatch
        guard !required.isEmpty, !paths.contains(where: { path in required.contains { $0.path.matchedLength(of: path) != nil } }) else { return nil }
        let named = required.map(\.path.description).joined(separator: ", ")
        return "no field of this record is read: the fields to scan (\(named)) are not in it, and every other field is passed over unread"
    }
}
