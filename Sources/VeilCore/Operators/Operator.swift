/// Rewrites one mention of an entity. One operator per action, each in its own file.
///
/// Every implementation must be deterministic for a given key and run (the same mention of the same
/// original always gets the same text) and must not log or keep the original.
protocol Operator: Sendable {
    func replacement(for mention: Mention, in context: OperatorContext) throws -> String
}

/// One mention being rewritten: its text as written and what was found.
struct Mention {
    let text: String
    let detection: Detection
}

/// What operators share within a run: the engine (key, surrogates), the run's pseudonym table, and
/// where the mentions that draw pseudonyms are noted, when the run is one part of a dataset
/// whose collisions are settled afterwards (``ClaimRecorder``).
struct OperatorContext {
    let surrogates: SurrogateResolver
    let table: PseudonymTable
    var claims: ClaimRecorder? = nil
}

extension Action {
    /// The operator that carries out this action.
    var makeOperator: any Operator {
        switch self {
        case .keep: return KeepOperator()
        case .redact: return RedactOperator()
        case .replace(let template): return ReplaceOperator(template: template)
        case .mask(let character, let first, let last): return MaskOperator(character: character, keepFirst: first, keepLast: last)
        case .hash(let length): return HashOperator(length: length)
        case .pseudonymize(let keep): return PseudonymizeOperator(keep: keep)
        case .generalize(let level): return GeneralizeOperator(level: level)
        case .generalizeDate(let precision): return DateGeneralizeOperator(precision: precision)
        }
    }
}
