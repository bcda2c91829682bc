/// How input files are read.
package enum InputFormat: String, Sendable, CaseIterable {
    /// The whole file is one document.
    case text
    /// One JSON object per line: a record.
    case jsonl
    /// A JSON file: an array of records, or one record.
    case json
    /// Comma-separated values (RFC 4180) with a header row: a record per row.
    case csv
    /// Tab-separated values with a header row.
    case tsv

    /// The format a file name suggests: `.jsonl` / `.ndjson`, `.json`, `.csv`, `.tsv` / `.tab`;
    /// anything else is text.
    package static func inferred(from path: String) -> InputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
        return .text
    }
}

/// Which JSONL fields hold the id and the text.
package struct RecordFields: Sendable, Hashable {
    package var id: String
    package var text: String
    package init(id: String = "id", text: String = "text") {
        self.id = id
        self.text = text
    }
}

/// What to do with a document that cannot be read or scanned.
package enum ErrorPolicy: String, Sendable, CaseIterable {
    /// Stop; nothing is written (the default).
    case fail
    /// Leave the document out of the output, report it with its place, and go on; the run still
    /// ends with a failure status.
    case skip
}
