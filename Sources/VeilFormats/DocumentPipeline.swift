import VeilCore

/// Runs an engine over input files in their own format: scanning (findings per document) or
/// anonymizing (the same format back, with the text rewritten and every other byte kept).
///
/// A document that cannot be read or scanned is never written out unscanned: with
/// ``ErrorPolicy/fail`` the run stops and the caller discards its output; with ``ErrorPolicy/skip``
/// the document is left out and reported through `onError`.
public struct DocumentPipeline {
    public let anonymizer: Anonymizer
    public var format: InputFormat?
    public var fields: RecordFields
    public var errorPolicy: ErrorPolicy
    /// Called for every document left out under ``ErrorPolicy/skip``.
    public var onError: (InputError) -> Void

    public init(anonymizer: Anonymizer, format: InputFormat? = nil, fields: RecordFields = RecordFields(),
                errorPolicy: ErrorPolicy = .fail, onError: @escaping (InputError) -> Void = { _ in }) {
        self.anonymizer = anonymizer
        self.format = format
        self.fields = fields
        self.errorPolicy = errorPolicy
        self.onError = onError
    }

    public var engine: Engine { anonymizer.engine }

    /// One scanned document.
    public struct ScannedDocument {
        public let id: String
        /// The id as a JSON value, for JSONL records.
        public let rawID: String?
        public let findings: [Finding]
    }

    /// Scans every document in `reader`, calling `emit` for each in order.
    public func scan(_ reader: LineReader, emit: (ScannedDocument) throws -> Void) throws {
        switch format ?? InputFormat.inferred(from: reader.path) {
        case .text:
            let bytes = try reader.readAll()
            guard let document = try guarded({ try textDocument(bytes, path: reader.path) }) else { return }
            guard let findings = try guarded({ try scanned(document, file: reader.path, line: nil) }) else { return }
            try emit(ScannedDocument(id: reader.path, rawID: nil, findings: findings))
        case .jsonl:
            while let line = try reader.nextLine() {
                let number = reader.lineNumber
                if isBlank(line) { continue }
                guard let (record, document) = try guarded({ try jsonlDocument(line, file: reader.path, line: number) }) else { continue }
                guard let document else { try emit(ScannedDocument(id: id(of: record, line: number, file: reader.path), rawID: record.rawValue(fields.id), findings: [])); continue }
                guard let findings = try guarded({ try scanned(document, file: reader.path, line: number) }) else { continue }
                try emit(ScannedDocument(id: id(of: record, line: number, file: reader.path), rawID: record.rawValue(fields.id), findings: findings))
            }
        }
    }

    /// Anonymizes every document in `reader`, passing the output bytes to `write` in order.
    public func anonymize(_ reader: LineReader, write: ([UInt8]) throws -> Void) throws {
        switch format ?? InputFormat.inferred(from: reader.path) {
        case .text:
            let bytes = try reader.readAll()
            guard let document = try guarded({ try textDocument(bytes, path: reader.path) }) else { return }
            guard let result = try guarded({ try anonymized(document, file: reader.path, line: nil) }) else { return }
            try write(Array(result.text.utf8))
        case .jsonl:
            while let line = try reader.nextLine() {
                let number = reader.lineNumber
                if isBlank(line) { try write(line + [0x0A]); continue }
                guard let (record, document) = try guarded({ try jsonlDocument(line, file: reader.path, line: number) }) else { continue }
                guard let document else { try write(line + [0x0A]); continue }
                guard let result = try guarded({ try anonymized(document, file: reader.path, line: number) }) else { continue }
                try write(record.replacing(fields.text, with: result.text) + [0x0A])
            }
        }
    }

    // MARK: Steps

    private func textDocument(_ bytes: [UInt8], path: String) throws -> DocumentText {
        do { return try DocumentText(validating: bytes) } catch { throw error.located(in: bytes, file: path) }
    }

    /// The record and its text document (nil when the text field is null).
    private func jsonlDocument(_ line: [UInt8], file: String, line number: Int) throws -> (JSONRecord, DocumentText?) {
        if let offset = DocumentText.firstInvalidUTF8Offset(in: line) {
            throw InvalidUTF8Error(byteOffset: offset).located(in: line, file: file, lineOffset: number - 1)
        }
        let record: JSONRecord
        do { record = try JSONRecord(line) } catch {
            throw InputError(file: file, line: number, column: column(of: error.offset, in: line), message: "invalid JSON: \(error.message)")
        }
        guard let field = record.fields[fields.text] else {
            throw InputError(file: file, line: number, message: "the record has no '\(fields.text)' field (choose one with --text-field)")
        }
        if !field.isString {
            if record.rawValue(fields.text) == "null" { return (record, nil) }
            throw InputError(file: file, line: number, column: column(of: field.range.lowerBound, in: line),
                             message: "the '\(fields.text)' field is not a string")
        }
        let text: String
        do { text = try record.string(fields.text) ?? "" } catch {
            throw InputError(file: file, line: number, column: column(of: error.offset, in: line), message: "invalid JSON: \(error.message)")
        }
        return (record, DocumentText(text))
    }

    private func scanned(_ document: DocumentText, file: String, line: Int?) throws -> [Finding] {
        do { return try engine.scan(document) } catch let error as InputError { throw error } catch {
            throw InputError(file: file, line: line, message: "could not scan the document: \(error)")
        }
    }

    private func anonymized(_ document: DocumentText, file: String, line: Int?) throws -> Anonymizer.Result {
        do { return try anonymizer.anonymize(document) } catch {
            throw InputError(file: file, line: line, message: "could not scan the document: \(error)")
        }
    }

    /// Runs a step; under `.skip` an `InputError` is reported and nil returned.
    private func guarded<T>(_ step: () throws -> T) throws -> T? {
        do { return try step() } catch let error as InputError {
            guard errorPolicy == .skip else { throw error }
            onError(error)
            return nil
        }
    }

    private func id(of record: JSONRecord, line: Int, file: String) -> String {
        (try? record.string(fields.id)) ?? record.rawValue(fields.id) ?? "\(file):\(line)"
    }

    private func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private func column(of offset: Int, in line: [UInt8]) -> Int {
        var positions = TextPositions(line)
        return positions.position(ofByte: min(offset, line.count)).column
    }
}
