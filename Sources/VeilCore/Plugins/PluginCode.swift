/// The Swift code that plugin manifests name: recognizers (`recognizer:`), validators (`validate:`)
/// and pseudonym generators (`surrogate:`). The core knows the shipped plugins only through this
/// value, which VeilRecognizers supplies (`PluginCode.builtin`); frozen once built, it travels with
/// the ``PluginCatalog`` it was loaded with.
///
/// ```swift
/// var code = PluginCode.builtin
/// code.register(recognizer: "shouting") { input in Shouting(pluginID: input.manifest.id) }
/// let catalog = try PluginCatalog.load(from: [(.directory(folder), folder)], code: code)
/// ```
package struct PluginCode: Sendable {
    /// What a recognizer factory is given: the manifest (its options, its folder) and the paths of
    /// its data files.
    package struct RecognizerInput: Sendable {
        package let manifest: PluginManifest
        /// Absolute paths of the manifest's `data:` files, in order.
        package let dataFiles: [String]
    }

    package typealias RecognizerFactory = @Sendable (RecognizerInput) throws -> any Recognizer
    package typealias SurrogateFactory = @Sendable (SurrogateFactoryInput) throws(ConfigurationError) -> any SurrogateGenerator

    /// Recognizers by the id a `recognizer:` manifest names.
    package private(set) var recognizers: [String: RecognizerFactory]
    /// The recognizers that can be kept as binary images between runs (``RecognizerImages``), by
    /// the same ids: a built-in plugin's recognizer is then copied from its image, not built.
    package private(set) var imageTypes: [String: any ImageRecognizer.Type]
    /// Validators by the id a pattern's `validate:` names.
    package private(set) var validators: [String: any Validator]
    /// Generators that need no plugin's data, by the id a `surrogate:` names (a value inside
    /// another value takes the inner value's own generator: ``SurrogateGenerator/embeddedValue(in:)``).
    package private(set) var surrogates: [String: any SurrogateGenerator]
    /// Generators built for one policy from their plugin's data and the policy's rules, by id; they
    /// take the place of the shared generator of the same id.
    package private(set) var surrogateFactories: [String: SurrogateFactory]
    /// Ids of the generators a plugin's own recognizer provides (a ``SurrogateProvidingRecognizer``,
    /// or a ``PlaceRecognizer``'s gazetteer for ``PlaceSurrogate/generatorID``).
    package private(set) var recognizerSurrogates: Set<String>
    /// Whose generator names a person found by a plugin without one of its own.
    package var personNames: PersonNameFallbacks

    package init(
        recognizers: [String: RecognizerFactory] = [:], imageTypes: [String: any ImageRecognizer.Type] = [:], validators: [any Validator] = [],
        surrogates: [any SurrogateGenerator] = [ShapeSurrogate()],
        surrogateFactories: [String: SurrogateFactory] = [:], recognizerSurrogates: Set<String> = [],
        personNames: PersonNameFallbacks = PersonNameFallbacks(han: [], latin: [])
    ) {
        self.recognizers = recognizers
        self.imageTypes = imageTypes
        self.validators = Dictionary(uniqueKeysWithValues: validators.map { ($0.id, $0) })
        self.surrogates = Dictionary(uniqueKeysWithValues: surrogates.map { ($0.id, $0) })
        self.surrogateFactories = surrogateFactories
        self.recognizerSurrogates = recognizerSurrogates.union([PlaceSurrogate.generatorID])
        self.personNames = personNames
    }

    /// Adds (or replaces) the recognizer a manifest names `id`.
    package mutating func register(recognizer id: String, factory: @escaping RecognizerFactory) {
        recognizers[id] = factory
        imageTypes[id] = nil
    }

    /// Every id a manifest may name in `surrogate:`.
    package var surrogateIDs: Set<String> { Set(surrogates.keys).union(surrogateFactories.keys).union(recognizerSurrogates) }

    /// What is wrong with naming `id` in `surrogate:` (nil when a generator has that id): the
    /// message a manifest and a plugin registered in code both report.
    package func surrogateProblem(_ id: String) -> String? {
        let known = surrogateIDs
        return known.contains(id) ? nil : "unknown surrogate '\(id)'; expected one of: \(known.sorted().joined(separator: ", "))"
    }

    /// Every facet a generator can keep, for checking policies (`keep: [province]`).
    package var facets: Set<String> { surrogates.values.reduce(into: []) { $0.formUnion($1.keepableFacets) } }
}
