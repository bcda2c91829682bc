package import VeilCore

/// The `veil scan --format jsonl` contract: one line per document,
/// `{"id": …, "findings": [{"start": …, "end": …, "entity": …, "score": …, "plugin": …}]}`, offsets
/// in Unicode code points, end exclusive. Never contains the original text.
package enum FindingsJSON {
    /// One document's line (without the newline). `rawID` is a JSON value written as is (a JSONL
    /// record's id); otherwise `id` is written as a string.
    /// `fields` names the field of a record each finding is in (written as `"field"`; offsets are
    /// then into that field's value).
    package static func line(id: String, rawID: String? = nil, findings: [Finding], fields: [String?] = []) -> String {
        // Written as bytes: appending Strings piece by piece cost more than finding the values.
        var out: [UInt8] = []
        out.reserveCapacity(32 + findings.count * 140)
        out.append(contentsOf: #"{"id": "#.utf8)
        if let rawID { out.append(contentsOf: rawID.utf8) } else { out.append(contentsOf: JSONDocument.encodeString(id)) }
        out.append(contentsOf: #", "findings": ["#.utf8)
        for (index, finding) in findings.enumerated() {
            if index > 0 { out.append(contentsOf: ", ".utf8) }
            let field = index < fields.count ? fields[index] : nil
            append(finding, field: field, to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// One finding's object, after `"field": …` when the finding is in a record's field.
    package static func append(_ finding: Finding, field: String?, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let field {
            out.append(contentsOf: #""field": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(field))
            out.append(contentsOf: ", ".utf8)
        }
        out.append(contentsOf: #""start": "#.utf8)
        appendInteger(finding.start, to: &out)
        out.append(contentsOf: #", "end": "#.utf8)
        appendInteger(finding.end, to: &out)
        out.append(contentsOf: #", "entity": ""#.utf8)
        out.append(contentsOf: finding.entity.rawValue.utf8)
        out.append(contentsOf: #"", "score": "#.utf8)
        out.append(contentsOf: score(finding.score).utf8)
        out.append(contentsOf: #", "plugin": ""#.utf8)
        out.append(contentsOf: finding.plugin.utf8)
        out.append(contentsOf: #"", "rule": ""#.utf8)
        out.append(contentsOf: finding.rule.utf8)
        out.append(contentsOf: #"", "line": "#.utf8)
        appendInteger(finding.line, to: &out)
        out.append(contentsOf: #", "column": "#.utf8)
        appendInteger(finding.column, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    /// A score rounded to three decimals, written without float noise.
    package static func score(_ value: Double) -> String {
        // In thousandths, by integer arithmetic (printing a Double costs more than the rest of a finding).
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000, fraction = abs(thousandths % 1000)
        let sign = thousandths < 0 && whole == 0 ? "-" : ""
        guard fraction != 0 else { return sign + String(whole) + ".0" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }
}
