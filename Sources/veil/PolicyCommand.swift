import ArgumentParser
import VeilCore

/// `veil policy check`.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "policy", abstract: "Work with policy files.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a policy file: syntax, actions, plugin ids, key; every problem as file:line:col: error: ….")
        @Option(name: .long, help: ArgumentHelp("A folder of extra plugins (repeatable).", valueName: "dir"))
        var plugins: [String] = []
        @Argument(help: "The policy file.")
        var file: String

        func run() throws {
            try reportingErrors {
                let catalog = try PluginCatalog.standard(extraDirectories: plugins)
                let policy = try PolicyReader.read(path: file)
                let engine = try Engine(policy: policy, catalog: catalog)
                Console.output("\(file): ok: policy '\(policy.name)', \(policy.plugins.count) plugins, threshold \(policy.threshold)"
                               + (engine.key.isEphemeral ? ", no key (pseudonyms differ between runs)" : ", key \(policy.key?.description ?? "")") + "\n")
            }
        }
    }
}
