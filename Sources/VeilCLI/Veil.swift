import ArgumentParser
import Foundation

@main
struct Veil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "veil",
        abstract: "Find personal data in Chinese and English text and rewrite it before release.",
        discussion: """
            With no --policy, the built-in default policy runs every shipped plugin. Exit status: 0 done, \
            1 a document could not be processed, 2 bad configuration or usage, 3 plugin examples failed.
            """,
        version: "0.1.0",
        subcommands: [Scan.self, Anonymize.self, Review.self, Reveal.self, Eval.self, Plugins.self, PolicyCommand.self, Serve.self, Values.self, Settle.self]
    )

    /// Runs the command the arguments name. A usage error (an unknown subcommand or option, a
    /// missing or invalid value) exits 2 like every other configuration error, not with
    /// argument-parser's own EX_USAGE (64); help and version requests still exit 0.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
