import ArgumentParser
import VeilCore
import VeilFormats

/// `veil settle`: the pseudonym collisions of a dataset anonymized in parts, settled as one run over
/// the whole dataset settles them (``Settlement``).
struct Settle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Settle the pseudonym collisions of a dataset anonymized in parts, from each part's --claims (in input order).",
        discussion: """
            Each part first runs `veil anonymize --claims FILE` (with --known-values and --input-offset); \
            `veil settle` replays the claims of every part, in input order, and writes which originals do \
            not take their first draw (by keyed hash, never by value); each part then runs \
            `veil anonymize --settlement FILE` and writes what a run over the whole dataset writes. \
            The Spark integration (Integrations/spark) runs these steps.
            """)

    @OptionGroup var engineOptions: EngineOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The settlement file (default: standard output).", valueName: "file"))
    var output: String?

    @Argument(help: "The parts' claims files, in input order.")
    var claims: [String]

    func run() throws {
        try reportingErrors {
            let engine = try engineOptions.makeEngine()
            if engine.key.isEphemeral {
                throw ValidationError("settling needs the run's pseudonym key (pseudonyms.key in the policy, or --key)")
            }
            let claims = try self.claims.flatMap(ClaimsFile.read)
            if let output { try AtomicOutput.checkDestination(output, inputs: self.claims) }
            try JSONLines.write(SettlementFile.lines(try Anonymizer(engine: engine).settle(claims)), to: output)
        }
    }
}
