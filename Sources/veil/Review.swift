import ArgumentParser
import Foundation
import VeilCore
import VeilFormats

/// `veil review`: the one output with originals — an HTML page to check every change before release.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an HTML page that shows the original text of each file with every change highlighted, to check before release.",
        discussion: "The page contains the original personal data, and says so at its top. It is one self-contained file: no network, nothing loaded from elsewhere.")

    @OptionGroup var engineOptions: EngineOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Argument(help: "Plain-text files to review.")
    var files: [String]

    func run() throws {
        try reportingErrors {
            let engine = try engineOptions.makeEngine()
            let anonymizer = try engineOptions.makeAnonymizer(engine)
            var documents: [ReviewPage.Document] = []
            for path in files {
                guard InputFormat.inferred(from: path) == .text else {
                    throw InputError(file: path, message: "veil review reads plain-text files; for CSV and JSON use veil scan, or review a text export")
                }
                let bytes = try LineReader(path: path).readAll()
                let document: DocumentText
                do throws(InvalidUTF8Error) { document = try DocumentText(validating: bytes) } catch {
                    throw error.located(in: bytes, file: path)
                }
                let reviewed: (text: String, changes: [Anonymizer.Change])
                do { reviewed = try anonymizer.review(document, parallel: true) } catch {
                    throw InputError(file: path, message: "could not scan the document: \(error)")
                }
                documents.append(ReviewPage.Document(file: path, original: bytes, changes: reviewed.changes))
            }
            let file = try AtomicOutput(destination: output)
            do {
                try file.write(ReviewPage.render(documents, policy: engine.policy))
                try file.commit()
            } catch {
                file.abandon()
                throw error
            }
            let changes = documents.reduce(0) { $0 + $1.changes.count }
            Console.error("veil: wrote \(output): \(changes) change\(changes == 1 ? "" : "s") in \(documents.count) file\(documents.count == 1 ? "" : "s"). It contains the original text: keep it private.")
        }
    }
}
