/// How input files are read.
public enum InputFormat: String, Sendable, CaseIterable {
    /// The whole file is one document.
    case text
    /// One JSON object per line; one field holds the text, another the document id.
    case jsonl

    /// The format a file name suggests: `.jsonl` / `.ndjson` are JSONL, everything else text.
    public static func inferred(from path: String) -> InputFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .text
    }
}

/// Which JSONL fields hold the id and the text.
public struct RecordFields: Sendable, Hashable {
    public var id: String
    public var text: String
    public init(id: String = "id", text: String = "text") {
        self.id = id
        self.text = text
    }
}

/// What to do with a document that cannot be read or scanned.
public enum ErrorPolicy: String, Sendable, CaseIterable {
    /// Stop; nothing is written (the default).
    case fail
    /// Leave the document out of the output, report it with its place, and go on; the run still
    /// ends with a failure status.
    case skip
}
