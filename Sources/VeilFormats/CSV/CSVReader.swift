import VeilCore

/// How a delimited file is written: its delimiter, and whether fields may be quoted (RFC 4180 CSV)
/// or never are (TSV, where a field holds no tab or line break).
package struct CSVDialect: Sendable, Hashable {
    package var delimiter: UInt8
    package var quoting: Bool

    package init(delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true) {
        self.delimiter = delimiter
        self.quoting = quoting
    }

    package static let csv = CSVDialect()
    package static let tsv = CSVDialect(delimiter: 0x09, quoting: false)
}

/// One record of a delimited file, with its bytes as written so that fields left alone are written
/// back exactly.
package struct CSVRecord: Sendable {
    package struct Field: Sendable {
        /// The field as written, quotes included, in ``CSVRecord/bytes``.
        package let range: Range<Int>
        package let quoted: Bool
        /// The value (quotes removed, doubled quotes undone).
        package let value: String
    }

    /// The line the record starts on (1-based).
    package let line: Int
    /// Where that line starts, in bytes from the start of the input.
    package let offset: Int
    /// The record's bytes without its line break.
    package let bytes: [UInt8]
    /// The line break after it: `\r\n`, `\n`, or nothing at the end of a file without one.
    package let terminator: [UInt8]
    package let fields: [Field]
}

/// Reads the records of a CSV (RFC 4180: quoted fields with delimiters, doubled quotes and line
/// breaks inside) or TSV file one at a time, so memory stays flat however large the file is.
///
/// A quote inside an unquoted field is taken literally (5" screen), as most CSV writers produce
/// it. Errors name the file, line and column: a quoted field not closed by the end of the file, text
/// after a closing quote, invalid UTF-8.
package final class CSVReader {
    package let dialect: CSVDialect
    private let lines: LineReader
    /// Whether the file began with a UTF-8 byte order mark (removed from the first record).
    package private(set) var hadByteOrderMark = false
    private var first = true

    package init(_ lines: LineReader, dialect: CSVDialect) {
        self.lines = lines
        self.dialect = dialect
    }

    package var path: String { lines.path }

    /// The next record, or nil at the end of the file.
    package func nextRecord() throws -> CSVRecord? {
        guard var bytes = try lines.nextLine() else { return nil }
        let startLine = lines.lineNumber, startOffset = lines.lineStart
        if first {
            first = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                hadByteOrderMark = true
                bytes.removeFirst(3)
            }
        }
        // Quoted fields may hold line breaks: take lines until every quote is closed.
        var lineStart = 0
        var quotes = QuoteState()
        while dialect.quoting && quotes.endsInside(bytes, from: lineStart, delimiter: dialect.delimiter) {
            guard lines.lineHadNewline, let next = try lines.nextLine() else {
                throw InputError(file: path, line: startLine, message: "a quoted field opened in this record is not closed by the end of the file")
            }
            bytes.append(0x0A)
            lineStart = bytes.count
            bytes += next
        }
        var terminator: [UInt8] = lines.lineHadNewline ? [0x0A] : []
        if bytes.last == 0x0D {
            bytes.removeLast()
            terminator.insert(0x0D, at: 0)
        }
        if let offset = DocumentText.firstInvalidUTF8Offset(in: bytes) {
            throw place(offset, in: bytes, startLine: startLine, "invalid UTF-8")
        }
        let fields = try parseFields(bytes, startLine: startLine)
        return CSVRecord(line: startLine, offset: startOffset, bytes: bytes, terminator: terminator, fields: fields)
    }

    private func parseFields(_ bytes: [UInt8], startLine: Int) throws -> [CSVRecord.Field] {
        let quote = UInt8(ascii: "\"")
        var fields: [CSVRecord.Field] = []
        var index = 0
        while true {
            let start = index
            if dialect.quoting && index < bytes.count && bytes[index] == quote {
                var value: [UInt8] = []
                index += 1
                while true {
                    // endsInsideQuotes guarantees the closing quote is there.
                    if bytes[index] == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote { value.append(quote); index += 2; continue }
                        index += 1
                        break
                    }
                    value.append(bytes[index])
                    index += 1
                }
                if index < bytes.count && bytes[index] != dialect.delimiter {
                    throw place(
                        index, in: bytes, startLine: startLine,
                        "text after the closing quote of a field (a quote inside a quoted field is written twice: \"\")")
                }
                fields.append(.init(range: start..<index, quoted: true, value: String(decoding: value, as: UTF8.self)))
            } else {
                while index < bytes.count && bytes[index] != dialect.delimiter { index += 1 }
                fields.append(.init(range: start..<index, quoted: false, value: String(decoding: bytes[start..<index], as: UTF8.self)))
            }
            guard index < bytes.count else { return fields }
            guard fields.count < RecordLimits.fields else {
                throw place(index, in: bytes, startLine: startLine, "the record has more than \(RecordLimits.fields) fields")
            }
            index += 1 // the delimiter
        }
    }

    /// Whether the bytes read so far end inside a quoted field, scanning only what was added.
    struct QuoteState {
        var inside = false
        var fieldStart = true
        /// A quote seen inside a quoted field as the last byte: it may be the first of a doubled pair.
        var pendingQuote = false

        mutating func endsInside(_ bytes: [UInt8], from start: Int, delimiter: UInt8) -> Bool {
            let quote = UInt8(ascii: "\"")
            for byte in bytes[start...] {
                if pendingQuote {
                    pendingQuote = false
                    if byte == quote { continue } // a doubled quote: still inside
                    inside = false
                }
                if inside {
                    if byte == quote { pendingQuote = true }
                    continue
                }
                if byte == quote && fieldStart { inside = true; fieldStart = false; continue }
                fieldStart = byte == delimiter
            }
            // A quote closing the field at the very end of the line.
            if pendingQuote { pendingQuote = false; inside = false; fieldStart = false }
            return inside
        }
    }

    /// An error at a byte offset of a record that starts on `startLine`.
    private func place(_ offset: Int, in bytes: [UInt8], startLine: Int, _ message: String) -> InputError {
        var positions = TextPositions(bytes)
        let place = positions.position(ofByte: offset)
        return InputError(file: path, line: startLine + place.line - 1, column: place.column, message: message)
    }
}
