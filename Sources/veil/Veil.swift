import ArgumentParser

@main
struct Veil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "veil",
        abstract: "Find personal data in Chinese and English text and rewrite it before release.",
        discussion: """
        With no --policy, the built-in default policy runs every shipped plugin. Exit status: 0 done, \
        1 a document could not be processed, 2 bad configuration or usage, 3 plugin examples failed.
        """,
        version: "0.1.0",
        subcommands: [Scan.self, Anonymize.self, Review.self, Reveal.self, Eval.self, Plugins.self, PolicyCommand.self]
    )
}
