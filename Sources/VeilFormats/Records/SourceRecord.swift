package import VeilCore

/// One record read from a dataset, ready to anonymize: its values with their rules, and how to
/// write it back once they are rewritten. A class: records are handed between threads in batches,
/// and a reference costs one retain where a copy of every field costs seven.
package final class SourceRecord: Sendable {
    /// The file and line it starts on, for errors and reports.
    package let file: String
    package let line: Int
    /// Where it starts, in bytes from the start of its input: which block of the input it is in
    /// (``DocumentContext/recordBlockSize``), and so which records before it it links to.
    package let offset: Int
    /// Its id for `veil scan` (a JSON value written as is, when `rawID`), else `file:line`.
    package let id: String
    package let rawID: String?
    package let values: [RecordValue]
    /// Each value's field, as reports name it (`body`, `$.replies[0].text`).
    package let fieldNames: [String]
    /// The record's bytes with each value's rewrites (nil: the value is dropped) spliced in, and
    /// what reveal may undo there.
    package let render: @Sendable ([[Rewrite]?]) -> OutputPiece

    package init(
        file: String, line: Int, offset: Int, id: String, rawID: String?, values: [RecordValue], fieldNames: [String],
        render: @escaping @Sendable ([[Rewrite]?]) -> OutputPiece
    ) {
        self.file = file
        self.line = line
        self.offset = offset
        self.id = id
        self.rawID = rawID
        self.values = values
        self.fieldNames = fieldNames
        self.render = render
    }

    /// A record with nothing to anonymize, written back as it is (a header, a blank line).
    static func verbatim(_ bytes: [UInt8], file: String, line: Int, offset: Int) -> SourceRecord {
        SourceRecord(
            file: file, line: line, offset: offset, id: "\(file):\(line)", rawID: nil, values: [], fieldNames: [],
            render: { _ in OutputPiece(bytes: bytes) })
    }

    /// Whether the record is only written back, not scanned or reported.
    package var isVerbatim: Bool { values.isEmpty && fieldNames.isEmpty }
}

/// Reads the records of one input in order. A malformed record is an ``InputError`` naming its
/// place; the source can go on with the next record after it.
package protocol RecordSource {
    var path: String { get }
    mutating func next() throws -> SourceRecord?
    /// Up to `count` records in order, each one read or the error reading it (empty at the end);
    /// a source may make them on every core. After an error the source can go on, as after
    /// ``next()``.
    mutating func nextRecords(upTo count: Int) -> [Result<SourceRecord, any Error>]
    /// Bytes written once after the last record (the end of a JSON array).
    var trailer: [UInt8] { get }
}

extension RecordSource {
    package var trailer: [UInt8] { [] }

    package mutating func nextRecords(upTo count: Int) -> [Result<SourceRecord, any Error>] { readRecords(upTo: count) }

    /// ``nextRecords(upTo:)`` one ``next()`` at a time, ending the batch at an error.
    package mutating func readRecords(upTo count: Int) -> [Result<SourceRecord, any Error>] {
        var records: [Result<SourceRecord, any Error>] = []
        while records.count < count {
            do {
                guard let record = try next() else { break }
                records.append(.success(record))
            } catch {
                records.append(.failure(error))
                break
            }
        }
        return records
    }
}
