/// Makes a realistic stand-in for an original value, in the original's shape.
///
/// Every implementation must:
/// - derive the surrogate only from the canonical value and `random` (never from the mention's
///   layout), so every mention of one original gets the same surrogate;
/// - return a value of the same kind that passes the same checks (a mobile number on a real segment,
///   an ID number with the right check character, a card number passing Luhn);
/// - honour the facets in `keeping` it lists in ``keepableFacets`` (a policy's `keep: [province]`).
package protocol SurrogateGenerator: Sendable {
    /// The id manifests name in `surrogate:`.
    var id: String { get }
    /// Parts of the original a policy may ask to keep (`keep: [birth-year]`).
    var keepableFacets: Set<String> { get }
    /// Canonical values this generator is checked on by the test suite.
    var examples: [String] { get }
    /// The validator every surrogate must pass, if there is one.
    var validatorID: String? { get }
    /// A surrogate canonical value for `canonical`.
    func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String
    /// `surrogate` written the way `mention` writes `canonical` (separators, country code, full-width
    /// or Chinese-numeral digits).
    func render(_ surrogate: String, canonical: String, mention: String) -> String
    /// The value of another entity that `canonical` holds, which takes that value's pseudonym.
    func embeddedValue(in canonical: String) -> EmbeddedValue?
}

extension SurrogateGenerator {
    package var keepableFacets: Set<String> { [] }
    package var validatorID: String? { nil }
    package func embeddedValue(in canonical: String) -> EmbeddedValue? { nil }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String {
        MentionLayout.render(surrogate, canonical: canonical, mention: mention)
    }
}

/// A recognizer that brings its own surrogate generator (a name recognizer's statistics make the
/// pseudonyms). A manifest selects it with `surrogate: <the generator's id>`.
package protocol SurrogateProvidingRecognizer: Recognizer {
    /// The id of the generator ``makeSurrogate()`` makes.
    var surrogateID: String { get }
    /// The generator; an engine makes it when first asked for a pseudonym (a scan never is).
    func makeSurrogate() -> any SurrogateGenerator
}
