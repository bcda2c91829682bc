import ArgumentParser
import VeilCore
import VeilFormats

/// `veil values`: the run-wide first pass on its own — the distinct values of the policy's entity
/// fields — for a dataset anonymized in parts (a Spark job gathers them from every partition and
/// hands them to each part's `veil anonymize --known-values`).
struct Values: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "Write the distinct values of the policy's entity fields (JSON lines), for `anonymize --known-values`.",
        discussion: """
            The output holds original values (every author's name): keep it as you keep the data, and \
            delete it after the run. Records that cannot be read are passed over here; the run that \
            anonymizes them reports them.
            """)

    @OptionGroup var engineOptions: EngineOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        try reportingErrors {
            let engine = try engineOptions.makeEngine(pseudonymizing: false)
            let pipeline = input.pipeline(Anonymizer(engine: engine)) { _ in }
            var values = EntityValues()
            for reader in try input.readers() {
                try pipeline.collectEntityValues(from: reader, into: &values, checking: false)
            }
            for (text, entity) in values.all { Console.output(EntityValuesFile.line(text, entity: entity)) }
        }
    }
}
