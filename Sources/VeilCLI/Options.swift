import ArgumentParser
import Foundation
import Synchronization
import VeilCore
import VeilFormats
import VeilRecognizers
import VeilReports
import VeilServer

/// `--plugins`: the extra plugin folders every command that loads the catalog takes.
struct PluginOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of extra plugins (repeatable; also VEIL_PLUGIN_PATH).", valueName: "dir"))
    var plugins: [String] = []

    /// The built-in plugins, those of VEIL_PLUGIN_PATH and those of --plugins.
    func catalog() throws -> PluginCatalog {
        try PluginCatalog.standard(extraDirectories: plugins)
    }
}

/// Options every command that runs an engine shares.
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: "The policy file (default: the built-in default policy).")
    var policy: String?

    @OptionGroup var pluginOptions: PluginOptions

    @Option(name: .long, help: ArgumentHelp("The pseudonym key: env:NAME or file:PATH (overrides the policy's).", valueName: "spec"))
    var key: String?

    @Option(name: .long, help: ArgumentHelp("The mapping vault, a SQLite file (overrides the policy's pseudonyms.vault).", valueName: "file"))
    var vault: String?

    /// The vault of --vault or the policy, if any; `mustExist` for reading one (`reveal`).
    func openVault(_ engine: Engine, mustExist: Bool = false) throws -> PseudonymVault? {
        guard let path = vault ?? engine.policy.vaultPath else { return nil }
        return try PseudonymVault(path: path, key: engine.key, mustExist: mustExist)
    }

    /// Loads plugins and policy and compiles the engine. A command that writes no pseudonym
    /// (`scan`) passes `pseudonymizing: false`: the policy's key is then not read, so a scan needs
    /// no key even under a policy whose key variable is not set.
    func makeEngine(pseudonymizing: Bool = true) throws -> Engine {
        try makeEngine(policyFile: policy, pseudonymizing: pseudonymizing)
    }

    /// The same for the policy file `policyFile` (nil: the built-in default), with these options'
    /// plugins and key (`veil serve` compiles each policy it serves so).
    func makeEngine(policyFile: String?, pseudonymizing: Bool = true) throws -> Engine {
        let catalog = try pluginOptions.catalog()
        let policy = try policyFile.map { try PolicyReader.read(path: $0, deferringProblems: true) } ?? PolicyReader.builtin()
        var pseudonymKey: PseudonymKey? = pseudonymizing ? nil : .ephemeral()
        if let key {
            guard let spec = KeySpec(key) else { throw ValidationError("--key must be env:NAME or file:PATH") }
            pseudonymKey = try PseudonymKey(spec: spec)
        }
        let engine = try Engine(policy: policy, catalog: catalog, key: pseudonymKey)
        EngineOptions.kept.withLock { $0.append(engine) }
        return engine
    }

    /// The engines this process made, never released: the memory of their recognizers (hundreds of
    /// thousands of strings and arrays) goes back to the system when the process exits, and freeing
    /// it piece by piece first cost a tenth of a short run. Engines hold no resource a release
    /// would close: process plugins are stopped by ``ProcessPlugins/stopAll()``, vaults are not theirs.
    private static let kept = Mutex<[Engine]>([])
}

/// Options for reading input files.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "text, jsonl, json, csv or tsv (default: from the file extension; stdin is text).")
    var inputFormat: InputFormat?

    @Option(name: .long, help: "The field (JSON) or column (CSV) that names each record in reports.")
    var idField: String = "id"

    @Option(name: .long, help: "Scan only this JSON field and keep every other one (instead of the policy's field rules).")
    var textField: String?

    @Option(name: .long, help: ArgumentHelp("The delimiter of a CSV file (default: comma; tab for TSV).", valueName: "char"))
    var delimiter: String?

    @Option(name: .long, help: "On a document or record that cannot be read: fail (stop, write nothing) or skip (leave it out, report it, exit 1).")
    var onError: ErrorPolicy = .fail

    @Flag(name: .long, help: "Process records on one core only (the output is the same).")
    var singleCore = false

    @Flag(name: .long, help: "No progress line on standard error (it is shown only when standard error is a terminal).")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write a JSON report: counts per entity, plugin and action for each input, what was left out and where, the policy's hash, the key's fingerprint. Never a value from the input.",
            valueName: "file"))
    var report: String?

    @Argument(help: "Input files (default: standard input).")
    var files: [String] = []

    func validate() throws {
        if let delimiter, delimiter.utf8.count != 1 || delimiter == "\"" || delimiter == "\n" || delimiter == "\r" {
            throw ValidationError("--delimiter must be one ASCII character other than a quote or a line break")
        }
    }

    /// The pipeline these options describe.
    func pipeline(_ anonymizer: Anonymizer, onError: @escaping (InputError) -> Void) -> DocumentPipeline {
        let rules = textField.map { FieldRules(entries: [FieldRuleEntry(path: FieldPath(member: $0), rule: .scan)], otherFields: .keep) }
        var pipeline = DocumentPipeline(
            anonymizer: anonymizer, format: inputFormat, fieldRules: rules, idField: idField,
            delimiter: delimiter?.utf8.first, errorPolicy: self.onError, onError: onError)
        pipeline.parallel = !singleCore
        return pipeline
    }

    /// Runs a command's `body` with the report `--report` asks for (its path checked first), so that
    /// the report is written whichever way the run stops — also when it stops before any input is
    /// read (a policy that does not load, an input that cannot be opened), which it then names.
    func withReport(_ command: String, _ body: (RunReport?) throws -> Void) throws {
        try checkReportPath()
        let runReport = report.map { _ in RunReport(command: command) }
        do { try body(runReport) } catch {
            if let runReport, !runReport.isWritten {
                runReport.error = "\(error)"
                try writeReport(runReport)?.commit()
            }
            throw error
        }
    }

    /// What a run keeps besides its output: the report and the progress line.
    func tracking(_ report: RunReport?, engine: Engine, readers: [LineReader]) -> RunTracking {
        report?.engine = engine
        return RunTracking(report: report, progress: Progress(sizes: readers.map(\.size), quiet: quiet))
    }

    /// Runs `each` over every reader, tracked, then `commit` (which puts the outputs in place),
    /// and writes the report — also when the run stops on an error, which the report then names.
    /// The report is written before the outputs are committed, so a report that cannot be written
    /// stops the run with no output in place.
    func run(
        _ readers: [LineReader], tracking: RunTracking, _ each: (_ index: Int, _ reader: LineReader) throws -> Void,
        commit: () throws -> Void = {}
    ) throws {
        defer { tracking.progress.clear() }
        do {
            for (index, reader) in readers.enumerated() {
                tracking.report?.begin(reader.path)
                tracking.reader = reader
                try each(index, reader)
                tracking.progress.finishInput(size: reader.bytesRead)
            }
        } catch {
            tracking.progress.clear()
            tracking.report?.error = "\(error)"
            try writeReport(tracking.report)?.commit()
            throw error
        }
        let report = try writeReport(tracking.report)
        try commit()
        try report?.commit()
    }

    /// Refuses a `--report` path that is an input or not a regular file, before the run starts.
    private func checkReportPath() throws {
        if let report { try AtomicOutput.checkDestination(report, inputs: files, option: "--report") }
    }

    /// The report, written and finished but not yet in place.
    private func writeReport(_ runReport: RunReport?) throws -> AtomicOutput? {
        guard let runReport, let report else { return nil }
        let file = try AtomicOutput(destination: report)
        try file.write(runReport.json())
        try file.finish()
        runReport.isWritten = true
        return file
    }

    /// A reader per input; standard input when no files are named or a file is `-`. Each input is
    /// the part of a larger one that starts at byte `offset` of it.
    func readers(startingAt offset: Int = 0) throws -> [LineReader] {
        if files.isEmpty { return [LineReader(standardInputNamed: "<stdin>", startingAt: offset)] }
        return try files.map { $0 == "-" ? LineReader(standardInputNamed: "<stdin>", startingAt: offset) : try LineReader(path: $0, startingAt: offset) }
    }
}

/// The report and progress line of one run, and the input being read.
final class RunTracking {
    let report: RunReport?
    let progress: Progress
    var reader: LineReader?

    init(report: RunReport?, progress: Progress) {
        self.report = report
        self.progress = progress
    }

    /// Feeds the report and the progress line from `pipeline` as documents are done.
    func attach(to pipeline: inout DocumentPipeline) {
        pipeline.onDocument = { [self] findings in
            report?.count(findings)
            if let reader { progress.update(current: reader.bytesRead) }
        }
    }

    /// Notes a document left out: cleared progress line, counted in the report.
    func skipped(_ error: InputError) {
        progress.clear()
        report?.skipped(error)
    }
}

extension InputFormat: ExpressibleByArgument {}
extension ErrorPolicy: ExpressibleByArgument {}

/// Writes to standard error.
/// Standard output and error. Output is buffered (64 KB at a time, and whatever is left when the
/// command ends or before an error is printed), so a run of many small records does not make a
/// system call per record.
enum Console {
    private static let pending = Mutex([UInt8]())

    static func error(_ message: String) {
        flush()
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func output(_ text: String) {
        output(Array(text.utf8))
    }

    static func output(_ bytes: [UInt8]) {
        let full = pending.withLock { pending -> [UInt8]? in
            pending += bytes
            guard pending.count >= 1 << 16 else { return nil }
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        if let full { FileHandle.standardOutput.write(Data(full)) }
    }

    /// Writes what is buffered.
    static func flush() {
        let rest = pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        if !rest.isEmpty { FileHandle.standardOutput.write(Data(rest)) }
    }
}

/// Runs a command body, printing Veil's own errors compiler-style and exiting with the documented
/// status instead of a stack of Swift error text. Every error a command throws passes here: usage
/// errors (`ValidationError`) and exit codes go on to `Veil.main`, which exits 2 for the former;
/// any other error (a file that cannot be written, a failing rewrite) is printed and exits 1.
func reportingErrors(_ body: () throws -> Void) throws {
    defer {
        Console.flush()
        // Plugin programs are stopped before Veil exits; what they held back is said now.
        ProcessPlugins.stopAll()
    }
    do {
        try body()
    } catch let error as ConfigurationError {
        Console.error(error.description)
        throw ExitCode(2)
    } catch let error as KeyError {
        Console.error("veil: error: \(error)")
        throw ExitCode(2)
    } catch let error as InputError {
        Console.error(error.description)
        throw ExitCode(1)
    } catch let error as VaultError {
        Console.error(error.description)
        throw ExitCode(2)
    } catch let error as ServerSetupError {
        Console.error("veil: error: \(error)")
        throw ExitCode(2)
    } catch let error as ValidationError {
        throw error
    } catch let error as ExitCode {
        throw error
    } catch {
        Console.error("veil: error: \(error)")
        throw ExitCode(1)
    }
}
