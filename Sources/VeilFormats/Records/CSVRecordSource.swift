import VeilCore

/// The records of a CSV or TSV file: the first is the header, naming the columns the policy's
/// field rules refer to; each later record's cells are values under their column's rule.
/// Cells left alone are written back byte for byte; a changed cell is quoted if it was, or if its
/// new text needs it; a dropped column is left out of every row, header included.
public struct CSVRecordSource: RecordSource {
    private let reader: CSVReader
    private let fieldRules: FieldRules
    private let idColumn: String?
    private var header: [String]?
    private var columnRules: [FieldRule] = []

    public init(_ lines: LineReader, dialect: CSVDialect, rules: FieldRules, idColumn: String? = nil) {
        self.reader = CSVReader(lines, dialect: dialect)
        self.fieldRules = rules
        self.idColumn = idColumn
    }

    public var path: String { reader.path }

    public mutating func next() throws -> SourceRecord? {
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
            return .verbatim(bom + Self.join(record, keeping: rules.map { $0 != .drop }, texts: nil, dialect: dialect) + record.terminator,
                             file: path, line: record.line)
        }
        // A blank line is no row; it is written back as it was.
        if record.bytes.isEmpty { return .verbatim(record.terminator, file: path, line: record.line) }
        guard record.fields.count == header.count else {
            throw InputError(file: path, line: record.line,
                             message: "the row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); the header has \(header.count)")
        }
        let rules = columnRules
        let values = zip(zip(record.fields, rules), header).map { RecordValue($0.0.value, rule: $0.1, name: $1) }
        let id = idColumn.flatMap { header.firstIndex(of: $0) }.map { record.fields[$0].value } ?? "\(path):\(record.line)"
        return SourceRecord(file: path, line: record.line, id: id, rawID: nil, values: values, fieldNames: header) { texts in
            Self.join(record, keeping: rules.map { $0 != .drop }, texts: texts, dialect: dialect) + record.terminator
        }
    }

    /// The record's fields joined by the delimiter, those not kept left out, `texts` put in where
    /// they differ from the values.
    static func join(_ record: CSVRecord, keeping: [Bool], texts: [String?]?, dialect: CSVDialect) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(record.bytes.count)
        var first = true
        for (index, field) in record.fields.enumerated() where index >= keeping.count || keeping[index] {
            if !first { out.append(dialect.delimiter) }
            first = false
            if let texts, let text = texts[index], text != field.value {
                out += encode(text, wasQuoted: field.quoted, dialect: dialect)
            } else {
                out += record.bytes[field.range]
            }
        }
        return out
    }

    /// A new cell's bytes: quoted when the old one was or when the text holds the delimiter, a quote
    /// or a line break. TSV cannot hold tabs or line breaks; they become spaces.
    static func encode(_ text: String, wasQuoted: Bool, dialect: CSVDialect) -> [UInt8] {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "\"")
        guard dialect.quoting else {
            return bytes.map { $0 == dialect.delimiter || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        }
        let needsQuotes = wasQuoted || bytes.contains { $0 == dialect.delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return bytes }
        var out: [UInt8] = [quote]
        for byte in bytes {
            out.append(byte)
            if byte == quote { out.append(quote) }
        }
        out.append(quote)
        return out
    }
}
