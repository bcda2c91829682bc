import Synchronization
package import VeilCore

/// The records of a JSONL file (one JSON object per line) or a JSON file (an array of records,
/// streamed element by element, or one record): each string or number under a field rule that rewrites it is a value; members
/// under `drop` are left out; every other byte is written back as it was.
package struct JSONRecordSource: RecordSource {
    package enum Layout: Sendable { case lines, document }

    private let lines: LineReader
    private let layout: Layout
    /// What makes a record of a line or an element: the same on every thread.
    private let parser: Parser
    /// For a JSON file: its top-level array's elements, streamed.
    private var array: JSONArrayReader

    package var trailer: [UInt8] { array.trailer }

    package init(_ lines: LineReader, layout: Layout, rules: FieldRules, idField: String = "id") {
        self.lines = lines
        self.layout = layout
        self.parser = Parser(path: lines.path, rules: rules, idField: idField)
        self.array = JSONArrayReader(lines)
    }

    package var path: String { lines.path }

    package mutating func next() throws -> SourceRecord? {
        switch layout {
        case .lines:
            guard let line = try lines.nextLine() else { return nil }
            return try parser.record(ofLine: line, number: lines.lineNumber, offset: lines.lineStart, newline: lines.lineHadNewline)
        case .document:
            guard let element = try array.next() else { return nil }
            let record = try parser.record(element.bytes, line: element.line, offset: element.offset, mustBeObject: false, suffix: [])
            let prefix = element.prefix, render = record.render
            return SourceRecord(
                file: record.file, line: record.line, offset: record.offset, id: record.id, rawID: record.rawID, values: record.values,
                fieldNames: record.fieldNames, render: { Self.prefixed(prefix, render($0)) })
        }
    }

    /// Up to `count` records (and about a batch's bytes, ``BatchRunner/batchBytes``): a JSONL
    /// file's lines are read in turn and made into records on every core. A line that cannot be
    /// read ends the batch with its error, after the records before it.
    package mutating func nextRecords(upTo count: Int) -> [Result<SourceRecord, any Error>] {
        guard layout == .lines else { return readRecords(upTo: count) }
        var read: [(line: [UInt8], number: Int, offset: Int, newline: Bool)] = []
        var failure: (any Error)?
        var bytes = 0
        while read.count < count && bytes < BatchRunner.batchBytes {
            do {
                guard let line = try lines.nextLine() else { break }
                bytes += line.count
                read.append((line, lines.lineNumber, lines.lineStart, lines.lineHadNewline))
            } catch {
                failure = error
                break
            }
        }
        let parser = parser, batch = read
        var records = ParallelLoop.map(batch.count) { index in
            let read = batch[index]
            return Result { try parser.record(ofLine: read.line, number: read.number, offset: read.offset, newline: read.newline) }
        }
        if let failure { records.append(.failure(failure)) }
        return records
    }
}

extension JSONRecordSource {
    /// Makes records of lines and elements; shared by every thread of a batch.
    struct Parser: Sendable {
        let path: String
        let rules: FieldRules
        let idField: String
        /// Each leaf path's rule and rendered name: records of one file repeat the same few paths.
        let paths = PathCache()

        /// The record of a JSONL line (a blank one is written back as it is).
        func record(ofLine line: [UInt8], number: Int, offset: Int, newline hadNewline: Bool) throws -> SourceRecord {
            let newline: [UInt8] = hadNewline ? [0x0A] : []
            // A byte order mark before the first line (as Windows tools write it) is kept as it was.
            if number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) {
                let record = try record(Array(line.dropFirst(3)), line: number, offset: offset, mustBeObject: true, suffix: newline)
                let render = record.render
                return SourceRecord(
                    file: record.file, line: record.line, offset: record.offset, id: record.id, rawID: record.rawID, values: record.values,
                    fieldNames: record.fieldNames, render: { JSONRecordSource.prefixed([0xEF, 0xBB, 0xBF], render($0)) })
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .verbatim(line + newline, file: path, line: number, offset: offset) }
            return try record(line, line: number, offset: offset, mustBeObject: true, suffix: newline)
        }

        /// One record's values and how to write it back.
        func record(_ bytes: [UInt8], line: Int, offset: Int, mustBeObject: Bool, suffix: [UInt8]) throws -> SourceRecord {
            if let offset = DocumentText.firstInvalidUTF8Offset(in: bytes) {
                throw InvalidUTF8Error(byteOffset: offset).located(in: bytes, file: path, lineOffset: line - 1)
            }
            let document: JSONDocument
            do { document = try JSONDocument(bytes) } catch {
                var positions = TextPositions(bytes)
                let place = positions.position(ofByte: error.offset)
                throw InputError(file: path, line: line + place.line - 1, column: place.column, message: "invalid JSON: \(error.message)")
            }
            if mustBeObject && !document.isObject { throw InputError(file: path, line: line, message: "a JSONL line must be a JSON object") }
            if let message = rules.unmatchedError(fields: document.members.map(\.path) + document.leaves.map(\.path)) {
                throw InputError(file: path, line: line, message: message)
            }
            var values: [RecordValue] = [], names: [String] = [], ranges: [(range: Range<Int>, isString: Bool)] = []
            values.reserveCapacity(document.leaves.count)
            names.reserveCapacity(document.leaves.count)
            ranges.reserveCapacity(document.leaves.count)
            let dropped = document.members.filter { member in rules.rule(for: member.path) == .drop }
            let droppedRanges = dropped.map(\.range)
            let kinds = JSONRecordSource.kinds(in: document)
            for leaf in document.leaves {
                let (rule, name) = paths.entry(for: leaf.path, rules: rules)
                guard rule != .keep, rule != .drop, !droppedRanges.contains(where: { $0.contains(leaf.range.lowerBound) }) else { continue }
                let text: String
                do { text = try document.text(of: leaf) } catch {
                    var positions = TextPositions(bytes)
                    let place = positions.position(ofByte: error.offset)
                    throw InputError(file: path, line: line + place.line - 1, column: place.column, message: "invalid JSON: \(error.message)")
                }
                // {"type": "wechat", "value": "abc_123"}: the sibling that names the kind labels the value too.
                let kind = kinds[leaf.path.dropLast()].flatMap { $0.key == leaf.path.last ? nil : $0.text }
                values.append(RecordValue(text, rule: rule, name: kind.map { "\(name) \($0)" } ?? name))
                names.append(name)
                ranges.append((leaf.range, leaf.isString))
            }
            let idValue = document.isObject ? document.fields[idField] : nil
            let rawID = idValue.map { String(decoding: bytes[$0.range], as: UTF8.self) }
            let leafRanges = ranges, originals = values.map(\.text)
            return SourceRecord(
                file: path, line: line, offset: offset, id: rawID ?? "\(path):\(line)", rawID: rawID, values: values, fieldNames: names
            ) { rewrites in
                var replacements: [(range: Range<Int>, piece: OutputPiece)] = []
                for ((range, isString), (changes, original)) in zip(leafRanges, zip(rewrites, originals)) {
                    guard let changes, !changes.isEmpty else { continue }
                    replacements.append((range, JSONRecordSource.leaf(document.bytes[range], isString: isString, text: original, changes)))
                }
                var piece = document.rewritten(replacing: replacements, dropping: dropped)
                piece.bytes += suffix
                return piece
            }
        }
    }
}

extension JSONRecordSource {
    /// A rewritten leaf: the rewrites spliced into the string as written, each replacement escaped
    /// the way the string is (`\uXXXX` throughout when it writes nothing but ASCII). A number
    /// stays a number when its new text is one (a pseudonymized QQ number); otherwise it becomes a
    /// string.
    static func leaf(_ literal: ArraySlice<UInt8>, isString: Bool, text: String, _ rewrites: [Rewrite]) -> OutputPiece {
        if isString, literal.count >= 2 {
            let content = literal.dropFirst().dropLast()
            let asciiOnly = content.allSatisfy { $0 < 0x80 } && !text.utf8.allSatisfy { $0 < 0x80 }
            if let inner = WrittenValue(jsonString: content).splicing(rewrites, encode: { JSONDocument.encodeContent($0, asciiOnly: asciiOnly) }) {
                var piece = OutputPiece(bytes: [UInt8(ascii: "\"")])
                piece.append(inner)
                piece.bytes.append(UInt8(ascii: "\""))
                return piece
            }
        }
        let newText = String(decoding: OutputPiece.splicing(Array(text.utf8)[...], rewrites).bytes, as: UTF8.self)
        let asNumber = !isString && !newText.isEmpty && newText.utf8.allSatisfy { (0x30...0x39).contains($0) } && (newText == "0" || !newText.hasPrefix("0"))
        if asNumber, let piece = WrittenValue(plain: literal).splicing(rewrites, encode: { Array($0.utf8) }) { return piece }
        return WrittenValue.replacedWhole(literal, by: JSONDocument.encodeString(newText), rewrites)
    }

    static func prefixed(_ prefix: [UInt8], _ piece: OutputPiece) -> OutputPiece {
        var out = OutputPiece(bytes: prefix)
        out.append(piece)
        return out
    }
}

extension JSONRecordSource {
    /// The keys under which an object names the kind of its other members (`{"type": "qq", "value": …}`).
    static let kindKeys: Set<String> = [
        "type", "kind", "label", "category", "channel", "platform", "method", "key", "field",
        "contact_type", "contactType", "类型", "类别", "方式"
    ]

    /// For each object with a short string member under a kind key, that member's key and text.
    static func kinds(in document: JSONDocument) -> [ArraySlice<FieldPath.Step>: (key: FieldPath.Step, text: String)] {
        var kinds: [ArraySlice<FieldPath.Step>: (key: FieldPath.Step, text: String)] = [:]
        for leaf in document.leaves where leaf.isString && leaf.range.count <= 34 {
            guard case .key(let key)? = leaf.path.last, kindKeys.contains(key) else { continue }
            // A string that cannot be decoded is reported with its place when its value is read.
            guard let text = try? document.text(of: leaf) else { continue }
            kinds[leaf.path.dropLast()] = (.key(key), text)
        }
        return kinds
    }
}

/// The rule and the rendered name of each leaf path seen, kept for the next records (up to a bound,
/// for files whose records differ in shape). Shared by the threads that make a batch's records.
final class PathCache: Sendable {
    private let entries = Mutex<[[FieldPath.Step]: (rule: FieldRule, name: String)]>([:])

    func entry(for path: [FieldPath.Step], rules: FieldRules) -> (rule: FieldRule, name: String) {
        if let entry = entries.withLock({ $0[path] }) { return entry }
        let entry = (rule: rules.rule(for: path), name: FieldPath.render(path))
        entries.withLock { entries in
            if entries.count >= 4_096 { entries.removeAll(keepingCapacity: true) }
            entries[path] = entry
        }
        return entry
    }
}
