/// What a policy does with every mention of an entity.
package enum Action: Sendable, Hashable {
    /// Leave the text as it is (the finding is still reported).
    case keep
    /// Remove the text.
    case redact
    /// Put a template in its place; `{entity}` is the entity type, `{n}` the number of the linked
    /// group within its entity (1, 2, …), stable for the run.
    case replace(template: String)
    /// Replace characters with `character`, keeping the first and last few; separators stay.
    case mask(character: Character, keepFirst: Int, keepLast: Int)
    /// A keyed HMAC-SHA256 of the canonical value, `length` hex digits: stable, not reversible.
    case hash(length: Int)
    /// A realistic surrogate of the same shape, consistent across the run (and across runs with a
    /// key), keeping the listed facets of the original.
    case pseudonymize(keep: Set<String>)
    /// A place written as the place that contains it at `to` (赣州 → 江西 for `province`), in the
    /// mention's own form (full, short or romanized).
    case generalize(to: PlaceLevel)
    /// A date written to the month or the year only, in its own layout (2023年11月2日 → 2023年11月,
    /// 2023-11-02 → 2023-11, November 2, 2023 → November 2023): `generalize: {to: month}`.
    case generalizeDate(to: DatePrecision)

    /// How much of a date `generalize` keeps.
    package enum DatePrecision: String, Sendable, Hashable, CaseIterable {
        case month, year
    }

    /// The action names a policy may use.
    package static let names = ["keep", "redact", "replace", "mask", "hash", "pseudonymize", "generalize"]

    /// Whether the action always writes something other than the mention (`keep` does not, and
    /// `generalize` may write a place at its own level as it was).
    package var rewrites: Bool {
        switch self {
        case .redact, .replace, .mask, .hash, .pseudonymize: return true
        case .keep, .generalize, .generalizeDate: return false
        }
    }

    /// Whether reveal may put the original back where the action wrote: pseudonyms and numbered
    /// templates stand for one original each; masks, hashes, generalized places and removals do not.
    package var isReversible: Bool {
        switch self {
        case .pseudonymize: return true
        case .replace: return isNumbered
        case .keep, .redact, .mask, .hash, .generalize, .generalizeDate: return false
        }
    }

    /// Whether the action numbers originals in the order a run meets them (`{n}` in a template).
    package var isNumbered: Bool {
        if case .replace(let template) = self { return template.contains("{n}") }
        return false
    }

    package var name: String {
        switch self {
        case .keep: return "keep"
        case .redact: return "redact"
        case .replace: return "replace"
        case .mask: return "mask"
        case .hash: return "hash"
        case .pseudonymize: return "pseudonymize"
        case .generalize, .generalizeDate: return "generalize"
        }
    }
}

/// A policy's rule for one entity type.
package struct EntityRule: Sendable, Hashable {
    package var action: Action
    /// Overrides the policy's threshold for this entity.
    package var threshold: Double?
    package init(action: Action, threshold: Double? = nil) {
        self.action = action
        self.threshold = threshold
    }
}
