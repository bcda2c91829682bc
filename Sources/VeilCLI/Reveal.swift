import ArgumentParser
import Foundation
import VeilCore
import VeilFormats

/// `veil reveal`: turns pseudonyms back into the originals, for whoever holds the key of the vault.
struct Reveal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reveal",
        abstract: "Turn pseudonyms back into the originals, from the mapping vault (needs the vault's key).",
        discussion: """
            With --pseudonym, prints what one pseudonym stands for. Otherwise restores each file (or \
            standard input) that a run with this vault wrote: every change the run recorded as \
            reversible (pseudonyms, numbered templates) is put back where the run made it, byte for \
            byte, and nothing else is touched — a name Veil never changed stays as it is even when it \
            reads like a pseudonym. Masked, hashed, generalized and removed values cannot be restored \
            and are counted. In a file edited since the run, only lines that are still as the run \
            wrote them are restored; the others are listed. This output contains the originals: keep \
            it as you keep the source data.
            """)

    @OptionGroup var engineOptions: EngineOptions

    @Option(name: .long, help: "One pseudonym to look up.")
    var pseudonym: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Output file (default: standard output).", valueName: "path"))
    var output: String?

    @Argument(help: "Anonymized files to restore (default: standard input).")
    var files: [String] = []

    func run() throws {
        try reportingErrors {
            if let output { try AtomicOutput.checkDestination(output, inputs: files) }
            let engine = try engineOptions.makeEngine()
            guard let vault = try engineOptions.openVault(engine, mustExist: true) else {
                throw ValidationError("no vault: set pseudonyms.vault in the policy or pass --vault FILE")
            }
            // An empty vault would give the text back unchanged and look like success.
            if try vault.isEmpty { throw InputError(file: vault.path, message: "the vault holds no pseudonyms: nothing can be revealed from it") }
            if let pseudonym {
                let found = try vault.reveal(pseudonym)
                guard !found.isEmpty else {
                    Console.error("veil: the vault has no pseudonym '\(pseudonym)'")
                    throw ExitCode(1)
                }
                for (entity, original) in found { Console.output("\(entity.rawValue)\t\(original)\n") }
                return
            }
            guard try vault.hasOutputs else {
                throw InputError(
                    file: vault.path,
                    message: "the vault holds no record of an output to restore (it was written before Veil kept them); --pseudonym still looks up one pseudonym")
            }
            let readers = files.isEmpty ? [LineReader(standardInputNamed: "<stdin>")] : try files.map { try LineReader(path: $0) }
            var restored: [UInt8] = []
            for reader in readers {
                let bytes = try reader.readAll()
                let (text, summary) = try Self.restore(bytes, from: vault, file: reader.path)
                restored += text
                Self.report(summary, file: reader.path)
            }
            if let output {
                let file = try AtomicOutput(destination: output)
                do {
                    try file.write(restored)
                    try file.commit()
                } catch {
                    file.abandon()
                    throw error
                }
            } else {
                Console.output(restored)
            }
        }
    }
}

extension Reveal {
    /// `bytes` restored from the log of the output they are: the one written exactly so, else the
    /// one most of their lines come from.
    static func restore(_ bytes: [UInt8], from vault: PseudonymVault, file: String) throws -> ([UInt8], RevealSummary) {
        let logs = try vault.outputLogs(matching: bytes, orAny: true)
        let lineCount = OutputLog.lineRanges(bytes).count
        let digest = OutputLog.digest(of: bytes)
        if let exact = logs.first(where: { $0.size == bytes.count && $0.digest == digest }) {
            return exact.restore(bytes)
        }
        let scored = logs.map { (log: $0, shared: $0.overlap(with: bytes)) }
        // Edited, it still holds at least half the lines of the output, or is at least half made of them.
        guard let best = scored.max(by: { $0.shared < $1.shared }), best.shared > 0, best.shared * 2 >= min(lineCount, best.log.lines.count) else {
            throw InputError(file: file, message: "this is not an output the vault recorded (nor an edited one): reveal restores only what a run with this vault wrote")
        }
        return best.log.restore(bytes)
    }

    /// One line per file on standard error: what was restored and what was not. Counts and line
    /// numbers only.
    static func report(_ summary: RevealSummary, file: String) {
        var message = "veil: reveal: \(file): \(summary.restored) change\(summary.restored == 1 ? "" : "s") restored"
        if summary.notReversible > 0 {
            message += "; \(summary.notReversible) left as written (masked, hashed, generalized or removed: not reversible)"
        }
        Console.error(message)
        if !summary.editedLines.isEmpty {
            let shown = summary.editedLines.prefix(10).map(String.init).joined(separator: ", ")
            let more = summary.editedLines.count > 10 ? ", …" : ""
            Console.error(
                "veil: reveal: \(file): warning: \(summary.editedLines.count) line\(summary.editedLines.count == 1 ? " differs" : "s differ") from the output the run wrote (line\(summary.editedLines.count == 1 ? "" : "s") \(shown)\(more)); \(summary.onEditedLines) change\(summary.onEditedLines == 1 ? "" : "s") there left as written"
            )
        }
    }
}
