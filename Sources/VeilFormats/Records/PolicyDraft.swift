import Foundation
package import VeilCore

/// A first policy for a dataset (`veil policy init`): samples its records, looks at each field's
/// name and values, and suggests a rule per field with the reason, as a commented YAML draft to
/// edit. Never writes a value it sampled.
package struct PolicyDraft {
    /// One field and what is suggested for it.
    package struct Suggestion: Sendable, Hashable {
        package let field: String
        package let rule: FieldRule
        package let reason: String
        /// Whether the field's name itself holds an identifier (a phone number as a JSON key):
        /// then the draft does not write it, and the field falls under `other_fields`.
        package var nameHoldsIdentifier = false
    }

    package let suggestions: [Suggestion]
    package let sampled: Int

    /// Samples up to `limit` records of `source` and scans each value of each field on its own.
    package init(_ source: inout some RecordSource, engine: Engine, limit: Int = 200) throws {
        var samples: [String: [String]] = [:]
        var order: [String] = []
        var count = 0
        while count < limit, let record = try source.next() {
            guard !record.isVerbatim else { continue }
            count += 1
            for (name, value) in zip(record.fieldNames, record.values) {
                let field = Self.generalized(name)
                if samples[field] == nil { order.append(field) }
                samples[field, default: []].append(value.text)
            }
        }
        sampled = count
        let names = StructureNames(engine: engine)
        suggestions = try order.map { field in
            var suggestion = try Self.suggest(field, samples[field] ?? [], engine: engine)
            suggestion.nameHoldsIdentifier = names.holdsPersonalData(field)
            return suggestion
        }
    }

    /// `$.replies[*].text` for `$.replies[3].text`; a column name stays as it is.
    static func generalized(_ name: String) -> String {
        guard name.hasPrefix("$") else { return name }
        var out = ""
        var inIndex = false
        for character in name {
            if character == "[" { inIndex = true; out.append(character); continue }
            if inIndex {
                if character == "]" { inIndex = false; out += out.hasSuffix("[") ? "*]" : "]" } else if !character.isNumber { out.append(character) }
                continue
            }
            out.append(character)
        }
        return out
    }

    static let nameHints: [(words: [String], entity: EntityType)] = [
        (["author", "user", "username", "name", "poster", "nickname", "姓名", "作者", "用户", "昵称", "发帖人"], .person),
        (["phone", "mobile", "tel", "telephone", "电话", "手机"], .phoneNumber),
        (["qq"], .qqNumber),
        (["wechat", "weixin", "微信"], .wechatID),
        (["email", "mail", "邮箱"], .emailAddress),
        (["ip"], .ipAddress)
    ]
    static let keepHints = [
        "id", "date", "time", "created", "updated", "timestamp", "category", "type", "status", "count", "likes",
        "日期", "时间", "类别", "编号"
    ]

    static func suggest(_ field: String, _ values: [String], engine: Engine) throws -> Suggestion {
        let name = field.split(whereSeparator: { ".[]$'*".contains($0) }).last.map { $0.lowercased() } ?? field.lowercased()
        let present = values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !present.isEmpty else { return Suggestion(field: field, rule: .scan, reason: "empty in the sample; scanned to be safe") }
        // What the values are, each scanned on its own.
        var whole: [EntityType: Int] = [:]
        var withFindings = 0
        for value in present {
            let findings = try engine.scan(value)
            if !findings.isEmpty { withFindings += 1 }
            if let finding = findings.first, findings.count == 1, finding.end - finding.start >= value.unicodeScalars.count * 9 / 10 {
                whole[finding.entity, default: 0] += 1
            }
        }
        let percent = { (part: Int) in part * 100 / present.count }
        if let (entity, hits) = whole.max(by: { $0.value < $1.value }), percent(hits) >= 60 {
            return Suggestion(field: field, rule: .entity(entity), reason: "\(percent(hits))% of \(present.count) sampled values are one \(entity.rawValue)")
        }
        let words = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " }).map(String.init)
        if let hint = nameHints.first(where: { hint in hint.words.contains { word in words.contains(word) || name == word } }) {
            return Suggestion(field: field, rule: .entity(hint.entity), reason: "its name suggests \(hint.entity.rawValue); check the values")
        }
        let averageLength = present.reduce(0) { $0 + $1.count } / present.count
        if withFindings == 0, keepHints.contains(where: { words.contains($0) || name == $0 || name.hasSuffix("_" + $0) }) {
            return Suggestion(field: field, rule: .keep, reason: "its name suggests an id, date or category, and nothing was found in the sample")
        }
        if withFindings == 0, averageLength <= 12, Set(present).count <= max(3, present.count / 10) {
            return Suggestion(field: field, rule: .keep, reason: "\(Set(present).count) distinct short values in the sample, nothing found: a category")
        }
        return Suggestion(
            field: field, rule: .scan,
            reason: withFindings > 0 ? "free text; personal data found in \(percent(withFindings))% of sampled values" : "text; scanned to be safe")
    }

    /// The draft policy as commented YAML.
    package func yaml(for dataPath: String) -> String {
        var out = """
            # Draft policy for \(dataPath), suggested by `veil policy init` from \(sampled) sampled record\(sampled == 1 ? "" : "s").
            # Check every rule before use: a column wrongly kept is published as it is.
            #   {entity: NAME}  the whole value is one NAME, rewritten as the entity's action says, and
            #                   wherever the record's free text repeats it
            #   scan            free text: what it mentions is found and rewritten
            #   keep / drop     written as it is / left out
            #   hash            a keyed hash of the value, so rows still join on it
            version: 1
            extends: default
            pseudonyms:
              key: env:VEIL_KEY          # the same key gives the same pseudonyms in every run
              # vault: \(dataPath.split(separator: "/").last.map { String($0) } ?? "data").vault   # to reveal pseudonyms later (`veil reveal`)
            fields:

            """
        for (index, suggestion) in suggestions.enumerated() {
            guard !suggestion.nameHoldsIdentifier else {
                out += "  # field \(index + 1) of the sample is not written here: its name holds personal data; other_fields applies\n"
                continue
            }
            let key =
                suggestion.field.contains(":") || suggestion.field.contains("#") || suggestion.field.hasPrefix(" ")
                ? "'" + suggestion.field.replacingOccurrences(of: "'", with: "''") + "'" : suggestion.field
            out += "  \(key): \(Self.render(suggestion.rule))   # \(suggestion.reason)\n"
        }
        out += "other_fields: scan          # fields not listed above\n"
        return out
    }

    static func render(_ rule: FieldRule) -> String {
        switch rule {
        case .scan: return "scan"
        case .keep: return "keep"
        case .drop: return "drop"
        case .hash(let length): return "{hash: \(length)}"
        case .entity(let entity): return "{entity: \(entity.rawValue)}"
        }
    }
}
