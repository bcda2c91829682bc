import ArgumentParser
import VeilCore
import VeilFormats

/// `veil policy check`.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "policy", abstract: "Work with policy files.", subcommands: [Check.self, Init.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a policy file: syntax, actions, plugin ids, key; every problem as file:line:col: error: ….")
        @OptionGroup var pluginOptions: PluginOptions
        @Argument(help: "The policy file.")
        var file: String

        func run() throws {
            try reportingErrors {
                let catalog = try pluginOptions.catalog()
                let policy = try PolicyReader.read(path: file, deferringProblems: true)
                let engine = try Engine(policy: policy, catalog: catalog)
                Console.output(
                    "\(file): ok: policy '\(policy.name)', \(policy.plugins.count) plugins, threshold \(policy.threshold)"
                        + (engine.key.isEphemeral ? ", no key (pseudonyms differ between runs)" : ", key \(policy.key?.description ?? "")") + "\n")
            }
        }
    }

    /// `veil policy init DATA`: a commented draft policy for a dataset.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Sample a dataset (CSV, TSV, JSON, JSONL) and write a commented draft policy with a rule for each field.")
        @OptionGroup var engineOptions: EngineOptions
        @Option(name: .long, help: "text, jsonl, json, csv or tsv (default: from the file extension).")
        var inputFormat: InputFormat?
        @Option(name: .long, help: "How many records to sample.")
        var sample: Int = 200
        @Option(name: [.short, .long], help: ArgumentHelp("Where to write the draft (default: standard output).", valueName: "path"))
        var output: String?
        @Argument(help: "The dataset.")
        var file: String

        func run() throws {
            try reportingErrors {
                let engine = try engineOptions.makeEngine()
                let format = inputFormat ?? InputFormat.inferred(from: file)
                guard format != .text else { throw ValidationError("\(file) is not a dataset: name a .csv, .tsv, .json or .jsonl file, or pass --input-format") }
                let pipeline = DocumentPipeline(anonymizer: Anonymizer(engine: engine), format: format, fieldRules: FieldRules())
                var source = pipeline.recordSource(try LineReader(path: file), format: format)
                let draft = try PolicyDraft(&source, engine: engine, limit: sample)
                let yaml = draft.yaml(for: file)
                if let output {
                    let destination = try AtomicOutput(destination: output)
                    try destination.write(Array(yaml.utf8))
                    try destination.commit()
                } else {
                    Console.output(yaml)
                }
            }
        }
    }
}
