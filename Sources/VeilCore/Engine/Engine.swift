import Foundation

/// A policy and its plugins compiled once into an immutable value that every thread can share.
///
/// ```swift
/// let engine = try Engine(policy: PolicyReader.builtin(), catalog: PluginCatalog.standard())
/// let findings = try engine.scan("电话13812345678微信同号")
/// let anonymizer = Anonymizer(engine: engine)
/// let result = try anonymizer.anonymize("电话13812345678微信同号")
/// ```
public struct Engine: Sendable {
    public let policy: Policy
    public let catalog: PluginCatalog
    /// The key pseudonyms and hashes are derived from.
    public let key: PseudonymKey
    let recognizers: [any Recognizer]
    let resolution: Resolution
    let surrogateByPlugin: [String: any SurrogateGenerator]
    let gazetteers: [String: Gazetteer]

    /// Compiles `policy` against `catalog`. The key is `key` if given, else the policy's
    /// `pseudonyms.key`, else a random key for this run (``PseudonymKey/isEphemeral``).
    public init(policy: Policy, catalog: PluginCatalog, key: PseudonymKey? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) {
        var diagnostics: [Diagnostic] = []
        var recognizers: [any Recognizer] = []
        var lexicon: [LexiconRecognizer.Entry] = []
        var priorities: [String: Int] = [:]
        var surrogates: [String: any SurrogateGenerator] = [:]
        var gazetteers: [String: Gazetteer] = [:]
        for id in policy.plugins {
            guard let plugin = catalog[id] else {
                let location = policy.pluginLocations[id]
                diagnostics.append(Diagnostic(file: location?.file ?? policy.path, line: location?.line, column: location?.column,
                                              message: "unknown plugin '\(id)'; available: \(catalog.sorted.map(\.id).joined(separator: ", "))"))
                continue
            }
            let recognizer: (any Recognizer)?
            do { recognizer = try plugin.makeRecognizer() } catch {
                diagnostics += error.diagnostics
                continue
            }
            if let recognizer { recognizers.append(recognizer) }
            lexicon += plugin.lexiconEntries
            priorities[id] = plugin.manifest.priority
            if let places = recognizer as? any PlaceRecognizer { gazetteers[id] = places.gazetteer }
            if plugin.manifest.surrogate == Surrogates.placeID, let gazetteer = gazetteers[id] {
                surrogates[id] = PlaceSurrogate(gazetteer: gazetteer)
            } else if let provider = recognizer as? any SurrogateProvidingRecognizer, provider.surrogate.id == plugin.manifest.surrogate {
                surrogates[id] = provider.surrogate
            } else if let surrogate = plugin.manifest.surrogate.flatMap({ Surrogates.byID[$0] }) {
                surrogates[id] = surrogate
            }
        }
        for (entity, words) in policy.deny.sorted(by: { $0.key < $1.key }) {
            lexicon += words.map { LexiconRecognizer.Entry(word: $0, entity: entity, score: 1, pluginID: "policy", lexicon: "deny") }
        }
        if !lexicon.isEmpty { recognizers.append(LexiconRecognizer(pluginID: "lexicons", entries: lexicon)) }

        var resolvedKey = key
        if resolvedKey == nil, let spec = policy.key {
            do {
                resolvedKey = try PseudonymKey(spec: spec, environment: environment)
            } catch {
                let location = policy.keyLocation
                diagnostics.append(Diagnostic(file: location?.file ?? policy.path, line: location?.line, column: location?.column, message: error.description))
            }
        }
        if !diagnostics.isEmpty { throw ConfigurationError(diagnostics) }

        self.policy = policy
        self.catalog = catalog
        self.key = resolvedKey ?? .ephemeral()
        self.recognizers = recognizers
        self.surrogateByPlugin = surrogates
        self.gazetteers = gazetteers
        self.resolution = Resolution(thresholds: policy.rules.compactMapValues(\.threshold), defaultThreshold: policy.threshold,
                                     allow: Set(policy.allow.map { $0.lowercased() }), priorities: priorities)
    }

    /// The resolved detections of one document, sorted by position. Throws (and the caller must not
    /// write the document out) if any recognizer could not scan it.
    public func analyze(_ document: DocumentText) throws -> [Detection] {
        var detections: [Detection] = []
        for recognizer in recognizers { detections += try recognizer.recognize(document) }
        return PersonLinker.link(resolution.resolve(detections, in: document.bytes))
    }

    /// The findings in `text`, with code point offsets.
    public func scan(_ text: String) throws -> [Finding] {
        let document = DocumentText(text)
        return Finding.from(try analyze(document), in: document.bytes)
    }

    /// The findings in `document`, with code point offsets.
    public func scan(_ document: DocumentText) throws -> [Finding] {
        Finding.from(try analyze(document), in: document.bytes)
    }

    /// The gazetteer behind `pluginID`'s findings, if its recognizer has one.
    func gazetteer(for pluginID: String) -> Gazetteer? { gazetteers[pluginID] }

    /// The surrogate generator for findings of `pluginID` (the plugin's own, else by shape).
    func surrogate(for pluginID: String) -> any SurrogateGenerator {
        surrogateByPlugin[pluginID] ?? ShapeSurrogate()
    }
}
