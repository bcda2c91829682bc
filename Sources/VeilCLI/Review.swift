import ArgumentParser
import Foundation
import VeilCore
import VeilFormats
import VeilReports

/// `veil review`: the one output with originals — an HTML page to check every change before release.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write an HTML page that shows the original text of each file with every change highlighted, to check before release.",
        discussion: "The page contains the original personal data, and says so at its top. It is one self-contained file: no network, nothing loaded from elsewhere.")

    @OptionGroup var engineOptions: EngineOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("For CSV, TSV, JSON and JSONL: review at most this many records of each file.", valueName: "n"))
    var records = 2_000

    func validate() throws {
        if records < 1 { throw ValidationError("--records must be at least 1") }
    }

    @Option(name: .long, help: "text, jsonl, json, csv or tsv (default: from the file extension).")
    var inputFormat: InputFormat?

    @Argument(help: "Files to review: plain text, or datasets (CSV, TSV, JSON, JSONL) under the policy's field rules.")
    var files: [String]

    func run() throws {
        try reportingErrors {
            try AtomicOutput.checkDestination(output, inputs: files)
            let engine = try engineOptions.makeEngine()
            // Pseudonyms claimed in the vault are kept only if the page is written.
            let vault = try engineOptions.openVault(engine)
            vault?.holdClaims()
            defer { try? vault?.releaseClaims() }
            let anonymizer = Anonymizer(engine: engine, vault: vault)
            var documents: [ReviewPage.Document] = []
            let pipeline = DocumentPipeline(anonymizer: anonymizer, format: inputFormat)
            // Only the first records of a dataset are reviewed: the rest is not checked here.
            let known = try pipeline.firstPass(over: files, checking: false)
            // The documents in the run's order, each knowing the people the run lets it know (the
            // texts before it; the records before it in its block of its file), as `veil anonymize`
            // reads them: the page shows the pseudonyms the run writes.
            var context = DocumentContext()
            for path in files {
                let format = inputFormat ?? InputFormat.inferred(from: path)
                guard format == .text else {
                    documents += try recordDocuments(path, format: format, pipeline: pipeline, known: known)
                    continue
                }
                let bytes = try LineReader(path: path).readAll()
                let document: DocumentText
                do throws(InvalidUTF8Error) { document = try DocumentText(validating: bytes) } catch {
                    throw error.located(in: bytes, file: path)
                }
                let reviewed: (text: String, changes: [Anonymizer.Change])
                do { reviewed = try anonymizer.review(document, parallel: true, context: &context) } catch {
                    throw InputError(file: path, message: "could not scan the document: \(error)")
                }
                documents.append(ReviewPage.Document(file: path, original: bytes, changes: reviewed.changes))
            }
            let file = try AtomicOutput(destination: output)
            do {
                try file.write(ReviewPage.render(documents, policy: engine.policy))
                try file.finish()
                try vault?.commitClaims()
                try file.commit()
            } catch {
                file.abandon()
                throw error
            }
            let changes = documents.reduce(0) { $0 + $1.changes.count }
            let files = Set(documents.map(\.file)).count
            Console.error(
                "veil: wrote \(output): \(changes) change\(changes == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s"). It contains the original text: keep it private."
            )
        }
    }

    /// The values of up to `records` records of a dataset, each value the policy scans as one
    /// reviewed document headed by its place and field.
    private func recordDocuments(_ path: String, format: InputFormat, pipeline: DocumentPipeline, known: KnownValues) throws -> [ReviewPage.Document] {
        var source = pipeline.recordSource(try LineReader(path: path), format: format)
        var documents: [ReviewPage.Document] = []
        var links = RecordLinks(blockSize: pipeline.recordBlockSize)
        var count = 0
        while count < records, let record = try source.next() {
            guard !record.isVerbatim else { continue }
            count += 1
            let reviewed: [[Anonymizer.Change]?]
            do {
                let anonymizer = pipeline.anonymizer
                let recognized = try anonymizer.recognize(record: record.values)
                reviewed = try links.settling(record) { try anonymizer.review(recognized, known: known, context: &$0) }
            } catch {
                throw InputError(file: path, line: record.line, message: "could not scan the record: \(error)")
            }
            for ((value, name), changes) in zip(zip(record.values, record.fieldNames), reviewed) {
                guard let changes else { continue }
                documents.append(ReviewPage.Document(file: path, label: "\(path):\(record.line) \(name)", original: Array(value.text.utf8), changes: changes))
            }
        }
        if count == records, try source.next() != nil {
            Console.error("veil: \(path): the page shows its first \(records) records (--records to change)")
        }
        return documents
    }
}
