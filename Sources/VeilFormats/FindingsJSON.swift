import VeilCore

/// The `veil scan --format jsonl` contract: one line per document,
/// `{"id": …, "findings": [{"start": …, "end": …, "entity": …, "score": …, "plugin": …}]}`, offsets
/// in Unicode code points, end exclusive. Never contains the original text.
public enum FindingsJSON {
    /// One document's line (without the newline). `rawID` is a JSON value written as is (a JSONL
    /// record's id); otherwise `id` is written as a string.
    /// `fields` names the field of a record each finding is in (written as `"field"`; offsets are
    /// then into that field's value).
    public static func line(id: String, rawID: String? = nil, findings: [Finding], fields: [String?] = []) -> String {
        var out = "{\"id\": " + (rawID ?? String(decoding: JSONDocument.encodeString(id), as: UTF8.self)) + ", \"findings\": ["
        out += findings.enumerated().map { index, finding in
            guard index < fields.count, let field = fields[index] else { return object(finding) }
            return "{\"field\": " + String(decoding: JSONDocument.encodeString(field), as: UTF8.self) + ", " + object(finding).dropFirst()
        }.joined(separator: ", ")
        out += "]}"
        return out
    }

    static func object(_ finding: Finding) -> String {
        "{\"start\": \(finding.start), \"end\": \(finding.end), \"entity\": \"\(finding.entity.rawValue)\", "
            + "\"score\": \(score(finding.score)), \"plugin\": \"\(finding.plugin)\", \"rule\": \"\(finding.rule)\", "
            + "\"line\": \(finding.line), \"column\": \(finding.column)}"
    }

    /// A score rounded to three decimals, written without float noise.
    static func score(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) + ".0" : String(rounded)
    }
}
