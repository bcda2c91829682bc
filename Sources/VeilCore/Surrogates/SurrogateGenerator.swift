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

/// The surrogate generators compiled into Veil, by id.
package enum Surrogates {
    package static let all: [any SurrogateGenerator] = [
        PhoneCNSurrogate(), PhoneIntlSurrogate(), QQSurrogate(), ShapeSurrogate(), EmailSurrogate(), URLSurrogate(),
        IPSurrogate(), ResidentIDSurrogate(), BankCardSurrogate(), PlateSurrogate(), HKIDSurrogate(), TWIDSurrogate(), AddressSurrogate(),
        LocalPlaceSurrogate()
    ]
    package static let byID: [String: any SurrogateGenerator] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The id of the generator that draws places from a plugin's own gazetteer (see ``PlaceRecognizer``).
    package static let placeID = "place"

    /// Generators a plugin's own recognizer provides (they need its data).
    package static let recognizerProvided: Set<String> = [placeID, "person-zh", "person-pinyin", "person-en"]

    /// Generators built for one policy from their plugin's data and the policy's rules, by id;
    /// they take the place of the shared generator of the same id.
    package static let factories: [String: @Sendable (SurrogateFactoryInput) throws(ConfigurationError) -> any SurrogateGenerator] = [
        "phone-cn": PhoneCNSurrogate.make
    ]

    /// For a person found by a plugin with no name generator (a process plugin): the name plugins
    /// whose generators take over, by script.
    package static let personNames = PersonNameFallbacks(han: ["person-zh"], latin: ["person-en", "person-pinyin"])

    /// Every id a manifest may name in `surrogate:`.
    package static let ids: Set<String> = Set(byID.keys).union(recognizerProvided)

    /// Every facet any generator can keep, for checking policies.
    package static let allFacets: Set<String> = all.reduce(into: []) { $0.formUnion($1.keepableFacets) }
}
