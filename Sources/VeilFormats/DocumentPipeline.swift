package import VeilCore

/// Runs an engine over input files in their own format: scanning (findings per document) or
/// anonymizing (the same format back, with the text rewritten and every other byte kept).
///
/// A document that cannot be read or scanned is never written out unscanned: with
/// ``ErrorPolicy/fail`` the run stops and the caller discards its output; with ``ErrorPolicy/skip``
/// the document is left out and reported through `onError`.
package struct DocumentPipeline {
    package let anonymizer: Anonymizer
    package var format: InputFormat?
    /// The field rules for records; nil: the policy's.
    package var fieldRules: FieldRules?
    /// The field (JSON) or column (CSV) naming each record in reports.
    package var idField: String
    /// The CSV delimiter (default: comma for CSV, tab for TSV).
    package var delimiter: UInt8?
    package var errorPolicy: ErrorPolicy
    /// The values of the run's entity fields, found in other records' text too (``firstPass(over:)``).
    package var known = KnownValues.empty
    /// Whether records are processed on every core (output order is the same either way).
    package var parallel = true
    /// Plain text is read in sections of about this many bytes (cut at line breaks), so memory stays
    /// bounded whatever the file's length; the people a section names are carried to the next.
    package var textSectionSize = TextSections.defaultSize
    /// Records link to the records before them in blocks of this many bytes of their input
    /// (``DocumentContext/recordBlockSize``; smaller only in tests).
    package var recordBlockSize = DocumentContext.recordBlockSize
    /// Called for every document left out under ``ErrorPolicy/skip``.
    package var onError: (InputError) -> Void
    /// Called with the findings of every document (or record) written or reported, in order.
    package var onDocument: ([Finding]) -> Void = { _ in }
    /// The people the texts of this pipeline have named so far: a text (a file of a transcript
    /// split in two) links 老卢 to the 卢立兵 of an earlier one, as the sections of one file do.
    /// Records do not carry it (``RecordLinks``).
    private let carried = CarriedContext()

    package init(
        anonymizer: Anonymizer, format: InputFormat? = nil, fieldRules: FieldRules? = nil, idField: String = "id",
        delimiter: UInt8? = nil, errorPolicy: ErrorPolicy = .fail, onError: @escaping (InputError) -> Void = { _ in }
    ) {
        self.anonymizer = anonymizer
        self.format = format
        self.fieldRules = fieldRules
        self.idField = idField
        self.delimiter = delimiter
        self.errorPolicy = errorPolicy
        self.onError = onError
    }

    package var engine: Engine { anonymizer.engine }

    /// One scanned document (or record).
    package struct ScannedDocument {
        package let id: String
        /// The id as a JSON value, for JSON records.
        package let rawID: String?
        package let findings: [Finding]
        /// The field each finding is in (nil for text documents).
        package let fields: [String?]
        /// Whether this is a later section of the plain text before it (one document, reported in
        /// parts), not a document of its own.
        package var continuesText = false
    }

    /// Scans every document in `reader`, calling `emit` for each in order.
    package func scan(_ reader: LineReader, emit: (ScannedDocument) throws -> Void) throws {
        let format = format ?? InputFormat.inferred(from: reader.path)
        guard format != .text else {
            // A long text is reported in parts, one per section, with offsets into the whole file.
            return try eachTextSection(reader) { section, recognized, context in
                let findings = engine.scan(recognized, context: &context)
                    .map { $0.shifted(bytes: section.byteOffset, scalars: section.scalarOffset, lines: section.lineOffset) }
                onDocument(findings)
                try emit(
                    ScannedDocument(
                        id: reader.path, rawID: nil, findings: findings, fields: findings.map { _ in nil }, continuesText: section.byteOffset > 0))
            }
        }
        var source = recordSource(reader, format: format)
        let anonymizer = anonymizer
        var names = StructureNames(engine: engine)
        var links = RecordLinks(blockSize: recordBlockSize)
        try BatchRunner.run(
            &source, parallel: parallel, process: { record in try anonymizer.recognize(record: record.values) },
            emit: { record, result in
                guard !record.isVerbatim else { return }
                guard let recognized = try guarded({ try result.mapError { Self.located($0, record) }.get() }) else { return }
                let perValue = links.settling(record) { anonymizer.scan(recognized, known: known, context: &$0) }
                var findings: [Finding] = [], fields: [String?] = []
                for (name, found) in zip(record.fieldNames, perValue) {
                    findings += found
                    let safe = names.safe(name)
                    fields += found.map { _ in safe }
                }
                onDocument(findings)
                // A record's id and its fields' names are echoed to say where a finding is; one that
                // is itself personal data (a phone number as an id or a key) is not.
                if names.holdsPersonalData(record.rawID ?? record.id) {
                    try emit(ScannedDocument(id: "\(record.file):\(record.line)", rawID: nil, findings: findings, fields: fields))
                } else {
                    try emit(ScannedDocument(id: record.id, rawID: record.rawID, findings: findings, fields: fields))
                }
            }, readError: { error in _ = try guarded { throw error } })
    }

    /// Anonymizes every document in `reader`, passing the output to `write` in order: its bytes
    /// and, for reveal, where each reversible change lies in them.
    package func anonymize(_ reader: LineReader, write: (OutputPiece) throws -> Void) throws {
        let format = format ?? InputFormat.inferred(from: reader.path)
        guard format != .text else {
            return try eachTextSection(reader) { section, recognized, context in
                let result = try self.anonymizer.anonymize(recognized, context: &context)
                onDocument(result.findings)
                try write(OutputPiece.splicing(recognized.document.bytes[...], result.rewrites))
            }
        }
        var source = recordSource(reader, format: format)
        let anonymizer = anonymizer
        var links = RecordLinks(blockSize: recordBlockSize)
        // Records are recognized on every core, then settled and rewritten in their order, each
        // knowing the people of the records before it in its block of the input (``RecordLinks``).
        try BatchRunner.run(
            &source, parallel: parallel,
            process: { record in
                record.isVerbatim ? nil : try anonymizer.recognize(record: record.values)
            },
            emit: { record, result in
                guard let recognized = try guarded({ try result.mapError { Self.located($0, record) }.get() }) else { return }
                guard let recognized else { return try write(record.render([])) }
                guard
                    let rewritten = try guarded({
                        try Self.located(record) { try links.settling(record) { try anonymizer.anonymize(recognized, known: known, context: &$0) } }
                    })
                else { return }
                onDocument(rewritten.findings.flatMap { $0 })
                try write(record.render(rewritten.rewrites))
            }, readError: { error in _ = try guarded { throw error } })
        try write(OutputPiece(bytes: source.trailer))
    }

    /// Reads the input files at `paths` once before any is recognized, for two things: the values
    /// of their entity fields (every `author`), so that the run finds them where any record's text
    /// names them; and — when an error stops the run (``ErrorPolicy/fail``) — the first record that
    /// cannot be read or the first invalid UTF-8 of a text, so that a run bound to fail does so
    /// before the expensive work, before any output and before it claims a pseudonym in a vault.
    /// Standard input, which can be read only once, is checked as the run reads it; a caller that
    /// reads only a sample of each file (`veil review`) passes `checking: false`.
    /// With `collecting: false` (the values were collected elsewhere: `--known-values`), the pass
    /// only checks, and returns no values.
    package func firstPass(over paths: [String], checking: Bool? = nil, collecting: Bool = true) throws -> KnownValues {
        let checking = checking ?? (errorPolicy == .fail)
        let collecting = collecting && collectsEntityValues
        var values = EntityValues()
        for path in paths where path != "-" {
            let format = format ?? InputFormat.inferred(from: path)
            if format == .text {
                guard checking else { continue }
                var sections = TextSections(try LineReader(path: path), size: textSectionSize)
                while let section = try sections.next() { _ = try textDocument(section, path: path) }
                continue
            }
            guard collecting || checking else { continue }
            try collectEntityValues(from: try LineReader(path: path), into: &values, checking: checking, collecting: collecting)
        }
        return collecting ? try knownValues(values) : .empty
    }

    /// The known values of `values` (``Anonymizer/knownValues(_:)``), or none when the rules name no
    /// entity field.
    package func knownValues(_ values: EntityValues) throws -> KnownValues {
        collectsEntityValues ? try anonymizer.knownValues(values.all) : .empty
    }

    /// Whether the field rules name an entity field, whose values the first pass collects.
    package var collectsEntityValues: Bool {
        (fieldRules ?? engine.policy.fields).entries.contains(where: { if case .entity = $0.rule { true } else { false } })
    }

    /// Adds the values of the entity fields of `reader`'s records to `values`; with `checking`, a
    /// record that cannot be read stops it with its error, else such a record is passed over.
    package func collectEntityValues(from reader: LineReader, into values: inout EntityValues, checking: Bool, collecting: Bool = true) throws {
        let format = format ?? InputFormat.inferred(from: reader.path)
        guard format != .text else { return }
        let collecting = collecting && collectsEntityValues
        var source = recordSource(reader, format: format)
        // In batches that a JSONL file's reader makes on every core, taken in the file's order.
        while case let batch = source.nextRecords(upTo: BatchRunner.batchRecords), !batch.isEmpty {
            for read in batch {
                let record: SourceRecord
                do { record = try read.get() } catch let error as InputError where error.canBeSkipped && !checking { continue }
                guard collecting else { continue }
                for value in record.values {
                    guard case .entity(let entity) = value.rule else { continue }
                    values.insert(value.text, entity: entity)
                }
            }
        }
    }

    /// The records of `reader` in `format`.
    package func recordSource(_ reader: LineReader, format: InputFormat) -> any RecordSource {
        let rules = fieldRules ?? engine.policy.fields
        switch format {
        case .csv: return CSVRecordSource(reader, dialect: CSVDialect(delimiter: delimiter ?? UInt8(ascii: ","), quoting: true), rules: rules, idColumn: idField)
        case .tsv: return CSVRecordSource(reader, dialect: CSVDialect(delimiter: delimiter ?? 0x09, quoting: false), rules: rules, idColumn: idField)
        case .json: return JSONRecordSource(reader, layout: .document, rules: rules, idField: idField)
        case .jsonl, .text: return JSONRecordSource(reader, layout: .lines, rules: rules, idField: idField)
        }
    }

    /// A record that could not be anonymized, as an error naming its place.
    static func located(_ error: any Error, _ record: SourceRecord) -> InputError {
        if let error = error as? InputError { return error }
        return InputError(file: record.file, line: record.line, message: "could not scan the record: \(error)")
    }

    /// Runs a step on a record; its error becomes one naming the record's place.
    static func located<T>(_ record: SourceRecord, _ step: () throws -> T) throws -> T {
        do { return try step() } catch { throw located(error, record) }
    }

    // MARK: Steps

    private func textDocument(_ section: TextSections.Section, path: String) throws -> DocumentText {
        do { return try DocumentText(validating: section.bytes) } catch {
            var positions = TextPositions(section.bytes)
            let position = positions.position(ofByte: error.byteOffset)
            throw InputError(
                file: path, line: position.line + section.lineOffset, column: position.column,
                message: "invalid UTF-8 (byte \(section.byteOffset + error.byteOffset) of the file)")
        }
    }

    /// Calls `handle` with each section of a plain text, recognized, in order, with the context the
    /// sections carry from one to the next. The next section is read and recognized (on every core
    /// if ``parallel``) while `handle` settles and writes the current one.
    private func eachTextSection(
        _ reader: LineReader,
        _ handle: (TextSections.Section, RecognizedDocument, inout DocumentContext) throws -> Void
    ) throws {
        var sections = TextSections(reader, size: textSectionSize)
        var context = carried.context
        defer { carried.context = context }
        let engine = engine, parallel = parallel
        // The blocks are recognized in the background (on every core); the search for what they
        // found written again runs here, beside the next section's blocks.
        typealias Pending = (section: TextSections.Section, document: DocumentText, job: BackgroundJob<[Detection]>)
        func start(_ section: TextSections.Section?) throws -> Pending? {
            guard let section else { return nil }
            guard let document = try guarded({ try textDocument(section, path: reader.path) }) else { return try start(sections.next()) }
            let unchecked = UncheckedDocument(document: document)
            return (section, document, BackgroundJob { try engine.report(unchecked.document, parallel: parallel) })
        }
        var pending: Pending?
        defer { _ = try? pending?.job.wait() }
        pending = try start(sections.next())
        while let current = pending {
            let next = try sections.next()
            let line = current.section.byteOffset == 0 ? nil : current.section.lineOffset + 1
            let reported = try guarded { try located(reader.path, line) { try current.job.wait() } }
            pending = try start(next)
            guard let reported else { continue }
            let recognized = engine.recognized(current.document, reported)
            _ = try guarded { try located(reader.path, line) { try handle(current.section, recognized, &context) } }
        }
    }

    /// Runs a step on a text; an error other than an ``InputError`` becomes one naming the file.
    private func located<T>(_ file: String, _ line: Int?, _ step: () throws -> T) throws -> T {
        do { return try step() } catch let error as InputError { throw error } catch {
            throw InputError(file: file, line: line, message: "could not scan the document: \(error)")
        }
    }

    /// Runs a step; under `.skip` an `InputError` is reported and nil returned.
    private func guarded<T>(_ step: () throws -> T) throws -> T? {
        do { return try step() } catch let error as InputError {
            guard errorPolicy == .skip, error.canBeSkipped else { throw error }
            onError(error)
            return nil
        }
    }
}

/// A document handed to the thread that recognizes it, and back: never used by two at once.
private struct UncheckedDocument: @unchecked Sendable {
    let document: DocumentText
}

/// The names a scan's output echoes from a dataset's structure — record ids, field names, CSV
/// headers — checked with the engine before they are printed: a name that holds an identifier
/// has it replaced by its entity (`$['[PHONE_NUMBER]']`), an id that holds one is not printed.
struct StructureNames {
    let engine: Engine
    /// Field names seen, and what is printed for each (records of one file repeat a few names).
    private var safeNames: [String: String] = [:]

    /// What is looked for in names: identifiers (a phone number, a QQ number, an e-mail address as
    /// an id or a key). Names of people and places are not: a header's words (方便联系) read as a
    /// name too often, and a mangled header breaks every join on it.
    private static let nameLike: Set<EntityType> = [.person, .location, .organization, .address, .dateTime, .age]

    /// `engine` with only the plugins that report something other than names and places: an id is
    /// checked at every record, and the name taggers cost most of a short text's scan.
    init(engine: Engine) {
        self.engine = engine.restricted(excluding: Self.nameLike)
    }

    private func identifiers(in text: String) -> [Finding]? {
        guard let findings = try? engine.scan(text) else { return nil }
        return findings.filter { !Self.nameLike.contains($0.entity) }
    }

    /// Whether the engine finds an identifier in `text` (or cannot scan it).
    func holdsPersonalData(_ text: String) -> Bool {
        // Short ids (1, 42, a7) hold nothing a plugin reports; most ids are skipped here.
        guard text.unicodeScalars.count >= 5 else { return false }
        return identifiers(in: text)?.isEmpty != true
    }

    /// `name` with what the engine finds in it replaced by the entity's name in brackets.
    mutating func safe(_ name: String) -> String {
        if let known = safeNames[name] { return known }
        var result = name
        let found = identifiers(in: name)
        if let findings = found, !findings.isEmpty {
            let scalars = Array(name.unicodeScalars)
            var out = String.UnicodeScalarView()
            var cursor = 0
            for finding in findings.sorted(by: { $0.start < $1.start }) where finding.start >= cursor {
                out.append(contentsOf: scalars[cursor..<finding.start])
                out.append(contentsOf: "[\(finding.entity.rawValue)]".unicodeScalars)
                cursor = finding.end
            }
            out.append(contentsOf: scalars[cursor...])
            result = String(out)
        } else if found == nil {
            result = "[field]"
        }
        if safeNames.count < 4_096 { safeNames[name] = result }
        return result
    }
}

/// The context texts hand on to the next text of a pipeline (texts are handled one at a time).
private final class CarriedContext {
    var context = DocumentContext()
}
