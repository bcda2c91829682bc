import VeilCore

/// The `veil scan --format jsonl` contract: one line per document,
/// `{"id": …, "findings": [{"start": …, "end": …, "entity": …, "score": …, "plugin": …}]}`, offsets
/// in Unicode code points, end exclusive. Never contains the original text.
public enum FindingsJSON {
    /// One document's line (without the newline). `rawID` is a JSON value written as is (a JSONL
    /// record's id); otherwise `id` is written as a string.
    public static func line(id: String, rawID: String? = nil, findings: [Finding]) -> String {
        var out = "{\"id\": " + (rawID ?? String(decoding: JSONRecord.encodeString(id), as: UTF8.self)) + ", \"findings\": ["
        out += findings.map(object).joined(separator: ", ")
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
