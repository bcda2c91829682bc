import Foundation

/// Reads a plugin's word files and tables: one entry per line, `#` comments, tab-separated columns.
/// Works on the file's bytes (a plugin's data is read at every start-up, and some lists are long).
package enum WordList {
    /// The first column of each line, trimmed; blank lines and `#` comments skipped.
    package static func read(_ path: String) throws(ConfigurationError) -> [String] {
        words(in: try bytes(path, what: "the word list"))
    }

    /// The words of a word list's bytes already read (``bytes(_:what:)``), as ``read(_:)`` gives them.
    static func words(in bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: true).compactMap { raw in
            let line = raw.last == 0x0D ? raw.dropLast() : raw
            let word = trimmed(line.prefix { $0 != 0x09 })
            return word.isEmpty || word.first == UInt8(ascii: "#") ? nil : String(decoding: word, as: UTF8.self)
        }
    }

    /// The tab-separated columns of each line; blank lines and `#` comments skipped.
    package static func readRows(_ path: String) throws(ConfigurationError) -> [[String]] {
        var rows: [[String]] = []
        try forEachRow(path) { _, columns in rows.append(columns) }
        return rows
    }

    /// Calls `body` with the line number (from 1, for errors) and the tab-separated columns of each
    /// line of the file at `path` that is neither blank nor a `#` comment; `what` names the file in
    /// errors ("the places file"). One pass over the bytes, each column made a string straight from
    /// them, into one array reused from row to row: a caller that keeps the values and not the
    /// array allocates no array per row (some tables have two hundred thousand rows, read at every
    /// start-up; making and freeing their rows' arrays had cost a fifth of it).
    package static func forEachRow(
        _ path: String, what: String = "the file", _ body: (_ line: Int, _ columns: [String]) throws(ConfigurationError) -> Void
    ) throws(ConfigurationError) {
        let bytes = try bytes(path, what: what)
        try bytes.withUnsafeBufferPointer { (text) throws(ConfigurationError) in
            var columns: [String] = []
            var lineStart = 0, number = 0
            while lineStart < text.count {
                var lineEnd = lineStart
                while lineEnd < text.count && text[lineEnd] != 0x0A { lineEnd += 1 }
                number += 1
                defer { lineStart = lineEnd + 1 }
                let end = lineEnd > lineStart && text[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
                guard end > lineStart, text[lineStart] != UInt8(ascii: "#"),
                    (lineStart..<end).contains(where: { text[$0] != 0x20 && text[$0] != 0x09 && text[$0] != 0x0D })
                else { continue }
                // Kept at its capacity; when the caller kept the last row, a new one of that size.
                columns.removeAll(keepingCapacity: true)
                var columnStart = lineStart
                for index in lineStart...end where index == end || text[index] == 0x09 {
                    columns.append(String(decoding: UnsafeBufferPointer(rebasing: text[columnStart..<index]), as: UTF8.self))
                    columnStart = index + 1
                }
                try body(number, columns)
            }
        }
    }

    /// The bytes of a plugin's data file, checked to be UTF-8 (an error names `what` and the line
    /// and column of the first bad byte). Every data file is read through here.
    package static func bytes(_ path: String, what: String) throws(ConfigurationError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(Diagnostic(file: path, message: "cannot read \(what)"))
        }
        let bytes = [UInt8](data)
        if let offset = DocumentText.firstInvalidUTF8Offset(in: bytes) {
            var positions = TextPositions(bytes)
            let place = positions.position(ofByte: offset)
            throw ConfigurationError(Diagnostic(file: path, line: place.line, column: place.column, message: "\(what) is not UTF-8 text"))
        }
        return bytes
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[first...last]
    }
}
