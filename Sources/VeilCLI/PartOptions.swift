import ArgumentParser
import Foundation
import VeilCore
import VeilFormats

/// Options for a run over one part of a dataset — a Spark partition piped through `veil` — that
/// must write what a run over the whole dataset writes for that part.
struct PartOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The input starts at this byte of the file it was cut from (records link to the records before them in the same 4 MiB block of their file).",
            valueName: "bytes"))
    var inputOffset: Int = 0

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The values of the whole dataset's entity fields, as `veil values` writes them, instead of those of the inputs given.",
            valueName: "file"))
    var knownValues: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the mentions that drew pseudonyms, in order, to this file (JSON lines, original values), for `veil settle`.",
            valueName: "file"))
    var claims: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Draw pseudonyms as this settlement (from `veil settle`) says.", valueName: "file"))
    var settlement: String?

    func validate() throws {
        if inputOffset < 0 { throw ValidationError("--input-offset must be 0 or more") }
        if claims != nil && settlement != nil { throw ValidationError("--claims is for a part's first run, --settlement for its second: not both") }
    }

    /// Whether this run is one part of a dataset.
    var isPart: Bool { knownValues != nil || inputOffset > 0 || claims != nil || settlement != nil }

    /// The anonymizer of this run: drawing as `--settlement` says, noting claims for `--claims`.
    func anonymizer(_ engine: Engine, vault: PseudonymVault?) throws -> Anonymizer {
        let settled = try settlement.map { try SettlementFile.read($0, key: engine.key) }
        return Anonymizer(engine: engine, vault: vault, settlement: settled, recordingClaims: claims != nil)
    }

    /// Writes the claims `anonymizer` noted to `--claims`, if asked.
    func writeClaims(of anonymizer: Anonymizer) throws {
        guard let claims, let recorder = anonymizer.claims else { return }
        try JSONLines.write(recorder.claims.map(JSONLines.line), to: claims)
    }

    /// Refuses, for a part, what only a run over the whole dataset can do: draw pseudonyms with a
    /// key of its own (every part would draw other ones), keep a vault (one SQLite file the parts
    /// cannot share), or number originals in the order met (`{n}`: every part would start at 1).
    func check(_ engine: Engine, hasVault: Bool) throws {
        guard isPart else { return }
        if engine.key.isEphemeral {
            throw ValidationError(
                "a part of a dataset needs the run's pseudonym key (pseudonyms.key in the policy, or --key): with a key of its own, each part would give a person another pseudonym"
            )
        }
        if hasVault { throw ValidationError("a part of a dataset cannot keep a vault: the parts of a run cannot share one SQLite file") }
        var numbered = engine.policy.rules.filter { $0.value.action.isNumbered }.map(\.key.rawValue).sorted()
        if engine.policy.defaultRule.action.isNumbered { numbered.append("default") }
        if !numbered.isEmpty {
            throw ValidationError(
                "a part of a dataset cannot number originals in the order met ({n} in the rule for \(numbered.joined(separator: ", "))): each part would start again at 1"
            )
        }
    }

    /// The known values of the run: from `--known-values`, else the first pass over `files`.
    func knownValues(_ pipeline: DocumentPipeline, files: [String]) throws -> KnownValues {
        guard let knownValues else { return try pipeline.firstPass(over: files) }
        // The inputs are still checked before the run, as without the option.
        _ = try pipeline.firstPass(over: files, collecting: false)
        return try pipeline.knownValues(try EntityValuesFile.read(knownValues))
    }
}
