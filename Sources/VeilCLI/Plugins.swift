import ArgumentParser
import Foundation
import VeilCore

/// `veil plugins list|test`.
struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the available plugins, or check them against their own examples.",
        subcommands: [List.self, Test.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every plugin with its entities and where it came from.")
        @OptionGroup var pluginOptions: PluginOptions

        func run() throws {
            try reportingErrors {
                let catalog = try pluginOptions.catalog()
                var rows: [[String]] = [["ID", "KIND", "ENTITIES", "SOURCE", "SUMMARY"]]
                for plugin in catalog.sorted {
                    let manifest = plugin.manifest
                    let source = plugin.origin.description + (plugin.overridesBuiltin ? " (replaces the built-in)" : "")
                    rows.append([manifest.id, manifest.kind.rawValue, manifest.entities.map(\.rawValue).joined(separator: ","), source, manifest.summary])
                }
                Console.output(TextTable(rows: rows).rendered())
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Run each plugin's own match and no_match examples.")
        @OptionGroup var pluginOptions: PluginOptions
        @Argument(help: "Plugin ids to test (default: all).")
        var ids: [String] = []

        func run() throws {
            try reportingErrors {
                let catalog = try pluginOptions.catalog()
                let chosen =
                    ids.isEmpty
                    ? catalog.sorted
                    : try ids.map { id in
                        guard let plugin = catalog[id] else {
                            throw ValidationError("unknown plugin '\(id)'; available: \(catalog.sorted.map(\.id).joined(separator: ", "))")
                        }
                        return plugin
                    }
                var failedPlugins = 0, examples = 0, failures = 0
                for plugin in chosen {
                    let problems = PluginExamples.check(plugin, in: catalog)
                    let protocolChecks = plugin.manifest.process == nil ? 0 : ProcessConformance.checks.count
                    let count = plugin.manifest.matchExamples.count + plugin.manifest.noMatchExamples.count + protocolChecks
                    examples += count
                    failures += problems.count
                    if problems.isEmpty {
                        Console.output("ok    \(plugin.id) (\(protocolChecks > 0 ? "\(protocolChecks) protocol checks, " : "")\(count - protocolChecks) examples)\n")
                    } else {
                        failedPlugins += 1
                        Console.output("FAIL  \(plugin.id)\n")
                        for problem in problems { Console.error(problem.description) }
                    }
                }
                Console.output("\(examples - failures) passed, \(failures) failed\n")
                if failedPlugins > 0 { throw ExitCode(3) }
            }
        }
    }
}
