import ArgumentParser
import Foundation
import VeilCore
import VeilFormats

/// `veil anonymize`: writes the documents back in their own format with personal data rewritten.
struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Rewrite personal data as the policy says and write the result (stdout, a file, or a folder).")

    @OptionGroup var engineOptions: EngineOptions
    @OptionGroup var input: InputOptions
    @OptionGroup(title: "A part of a dataset") var part: PartOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Output file, or folder (for several inputs). Default: standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        try reportingErrors {
            try input.withReport("anonymize") { report in
                let engine = try engineOptions.makeEngine()
                if engine.key.isEphemeral {
                    Console.error(
                        "veil: note: no pseudonym key given; pseudonyms are consistent within this run only (set pseudonyms.key in the policy or pass --key env:NAME)")
                }
                var failed = 0
                let readers = try input.readers(startingAt: part.inputOffset)
                // Where everything goes is settled before any input is read.
                let destinations = try destinations(for: readers)
                let tracking = input.tracking(report, engine: engine, readers: readers)
                // Pseudonyms claimed in the vault are held until the outputs are in place, and released
                // if the run fails with nothing written (what standard output got is already out).
                try part.check(engine, hasVault: engineOptions.vault ?? engine.policy.vaultPath != nil)
                let vault = try engineOptions.openVault(engine)
                vault?.holdClaims()
                let anonymizer = try part.anonymizer(engine, vault: vault)
                var pipeline = input.pipeline(anonymizer) { error in
                    failed += 1
                    tracking.skipped(error)
                    Console.error(error.description)
                }
                tracking.attach(to: &pipeline)
                pipeline.known = try part.knownValues(pipeline, files: input.files)
                // With several inputs, every output is put in place only once all are done: a run that
                // stops on its third input leaves no output of the first two either.
                var outputs: [AtomicOutput] = []
                defer { for output in outputs { output.abandon() } }
                // With a vault, each output's reversible changes are kept by place, for reveal; all
                // that goes to standard output is one output.
                var standardOutput = OutputLog()
                do {
                    try input.run(
                        readers, tracking: tracking,
                        { index, reader in
                            if let destination = destinations[index] {
                                let file = try AtomicOutput(destination: destination)
                                outputs.append(file)
                                var log = OutputLog()
                                try pipeline.anonymize(reader) { piece in
                                    try file.write(piece.bytes)
                                    if vault != nil { log.append(piece) }
                                }
                                try file.finish()
                                try vault?.recordOutput(log)
                            } else {
                                // Standard output: nothing is printed until the document (or, for JSONL, the line) is done.
                                try pipeline.anonymize(reader) { piece in
                                    Console.output(piece.bytes)
                                    if vault != nil { standardOutput.append(piece) }
                                }
                            }
                        },
                        commit: {
                            try part.writeClaims(of: anonymizer)
                            if destinations.contains(nil) { try vault?.recordOutput(standardOutput) }
                            try vault?.commitClaims()
                            for output in outputs { try output.commit() }
                        })
                } catch {
                    if destinations.contains(nil) {
                        // What standard output got is out: its pseudonyms stay, and so does what reveal needs.
                        try? vault?.recordOutput(standardOutput)
                        try? vault?.commitClaims()
                    } else {
                        try? vault?.releaseClaims()
                    }
                    throw error
                }
                if failed > 0 {
                    Console.error("veil: \(failed) document\(failed == 1 ? "" : "s") or record\(failed == 1 ? "" : "s") left out (each is listed above with its place)")
                    throw ExitCode(1)
                }
            }
        }
    }

    /// Where each input goes: stdout (nil), the -o file, or a file of the same name in the -o folder.
    private func destinations(for readers: [LineReader]) throws -> [String?] {
        guard let output else { return readers.map { _ in nil } }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if readers.count > 1 || (exists && isDirectory.boolValue) || output.hasSuffix("/") {
            if !exists {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } else if !isDirectory.boolValue {
                throw ValidationError("-o \(output) must be a folder when there are several inputs")
            }
            var used = Set<String>()
            return try readers.map { reader in
                let name = reader.path == "<stdin>" ? "stdin.txt" : (reader.path as NSString).lastPathComponent
                guard used.insert(name).inserted else { throw ValidationError("two inputs are called \(name); -o would write both to one file") }
                let destination = (output as NSString).appendingPathComponent(name)
                try AtomicOutput.checkDestination(destination, inputs: input.files)
                return destination
            }
        }
        try AtomicOutput.checkDestination(output, inputs: input.files)
        return [output]
    }
}
