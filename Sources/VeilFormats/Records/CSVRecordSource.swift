import Foundation
package import VeilCore

/// The records of a CSV or TSV file: the first is the header, naming the columns the policy's
/// field rules refer to; each later record's cells are values under their column's rule.
/// Cells left alone are written back byte for byte; in a changed cell only the rewritten mentions
/// change (a quoted cell stays quoted; an unquoted one is quoted when a replacement needs it); a
/// dropped column is left out of every row, header included.
package struct CSVRecordSource: RecordSource {
    private let reader: CSVReader
    private let fieldRules: FieldRules
    private let idColumn: String?
    private var header: [String]?
    private var columnRules: [FieldRule] = []

    package init(_ lines: LineReader, dialect: CSVDialect, rules: FieldRules, idColumn: String? = nil) {
        self.reader = CSVReader(lines, dialect: dialect)
        self.fieldRules = rules
        self.idColumn = idColumn
    }

    package var path: String { reader.path }

    package mutating func next() throws -> SourceRecord? {
        guard let record = try reader.nextRecord() else { return nil }
        let dialect = reader.dialect
        guard let header else {
            let names = record.fields.map(\.value)
            if let message = fieldRules.unmatchedError(fields: names.map { [.key($0)] }) {
                throw InputError(file: path, line: record.line, message: message.replacingOccurrences(of: "no field of this record", with: "no column of this file"))
            }
            self.header = names
            columnRules = names.map { fieldRules.rule(for: [.key($0)]) }
            let rules = columnRules
            let bom: [UInt8] = reader.hadByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
            return .verbatim(
                bom + Self.join(record, keeping: rules.map { $0 != .drop }, rewrites: nil, dialect: dialect).bytes + record.terminator,
                file: path, line: record.line, offset: record.offset)
        }
        // A blank line is no row; it is written back as it was.
        if record.bytes.isEmpty { return .verbatim(record.terminator, file: path, line: record.line, offset: record.offset) }
        guard record.fields.count == header.count else {
            throw InputError(
                file: path, line: record.line,
                message: "the row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); the header has \(header.count)")
        }
        let rules = columnRules
        let values = zip(zip(record.fields, rules), header).map { RecordValue($0.0.value, rule: $0.1, name: $1) }
        let id = idColumn.flatMap { header.firstIndex(of: $0) }.map { record.fields[$0].value } ?? "\(path):\(record.line)"
        return SourceRecord(file: path, line: record.line, offset: record.offset, id: id, rawID: nil, values: values, fieldNames: header) { rewrites in
            var piece = Self.join(record, keeping: rules.map { $0 != .drop }, rewrites: rewrites, dialect: dialect)
            piece.bytes += record.terminator
            return piece
        }
    }

    /// The record's fields joined by the delimiter, those not kept left out, each field's
    /// `rewrites` spliced in.
    static func join(_ record: CSVRecord, keeping: [Bool], rewrites: [[Rewrite]?]?, dialect: CSVDialect) -> OutputPiece {
        var out = OutputPiece(bytes: [])
        out.bytes.reserveCapacity(record.bytes.count)
        var first = true
        for (index, field) in record.fields.enumerated() where index >= keeping.count || keeping[index] {
            if !first { out.bytes.append(dialect.delimiter) }
            first = false
            if let rewrites, index < rewrites.count, let changes = rewrites[index], !changes.isEmpty {
                out.append(cell(field, in: record, changes, dialect: dialect))
            } else {
                out.bytes += record.bytes[field.range]
            }
        }
        return out
    }

    /// A changed cell: its rewrites spliced into the cell as written. An unquoted CSV cell that a
    /// replacement's delimiter, quote or line break forces into quotes is written anew.
    static func cell(_ field: CSVRecord.Field, in record: CSVRecord, _ rewrites: [Rewrite], dialect: CSVDialect) -> OutputPiece {
        let quote = UInt8(ascii: "\"")
        let raw = record.bytes[field.range]
        guard dialect.quoting else {
            // TSV cannot hold tabs or line breaks; they become spaces.
            let written = WrittenValue(plain: raw).splicing(rewrites) { text in
                text.utf8.map { $0 == dialect.delimiter || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            }
            return written ?? OutputPiece(bytes: Array(raw))
        }
        if field.quoted, raw.count >= 2,
            let inner = WrittenValue(csvQuoted: raw.dropFirst().dropLast()).splicing(
                rewrites,
                encode: { text in
                    text.utf8.flatMap { $0 == quote ? [quote, quote] : [$0] }
                })
        {
            var piece = OutputPiece(bytes: [quote])
            piece.append(inner)
            piece.bytes.append(quote)
            return piece
        }
        let needsQuotes = rewrites.contains { $0.replacement.utf8.contains { $0 == dialect.delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D } }
        if !field.quoted, !needsQuotes, let piece = WrittenValue(plain: raw).splicing(rewrites, encode: { Array($0.utf8) }) {
            return piece
        }
        let text = OutputPiece.splicing(Array(field.value.utf8)[...], rewrites).bytes
        var bytes: [UInt8] = [quote]
        for byte in text {
            bytes.append(byte)
            if byte == quote { bytes.append(quote) }
        }
        bytes.append(quote)
        return WrittenValue.replacedWhole(raw, by: bytes, rewrites)
    }
}
