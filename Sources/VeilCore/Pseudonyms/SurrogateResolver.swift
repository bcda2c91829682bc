/// What operators ask of a compiled policy — the key, each finding's surrogate generator, the
/// gazetteer behind a place plugin's findings — and nothing else of the engine.
package struct SurrogateResolver: Sendable {
    /// The key pseudonyms and hashes are derived from.
    package let key: PseudonymKey
    /// Each plugin's generator, by plugin id.
    let byPlugin: [String: any SurrogateGenerator]
    /// Generators that need no plugin's data, by generator id (a value inside another value takes
    /// the inner value's own generator: ``SurrogateGenerator/embeddedValue(in:)``).
    let shared: [String: any SurrogateGenerator]
    /// The gazetteer of each place plugin, by plugin id.
    let gazetteers: [String: Gazetteer]
    /// Whose generator names a person found by a plugin without one of its own.
    let personNames: PersonNameFallbacks

    /// The generator for `detection`: its plugin's own; else, for a person found by a plugin without
    /// one (a process plugin), the first of the policy's name generators for the mention's script;
    /// else by shape.
    package func generator(for detection: Detection, mention: String) -> any SurrogateGenerator {
        if let own = byPlugin[detection.pluginID] { return own }
        if detection.entity == .person {
            let han = mention.unicodeScalars.contains { $0.properties.isIdeographic }
            if let generator = (han ? personNames.han : personNames.latin).lazy.compactMap({ byPlugin[$0] }).first { return generator }
        }
        return ShapeSurrogate()
    }

    /// The generator called `id` that needs no plugin's data.
    func generator(id: String) -> (any SurrogateGenerator)? { shared[id] }

    /// The gazetteer behind `pluginID`'s findings, if its recognizer has one.
    package func gazetteer(for pluginID: String) -> Gazetteer? { gazetteers[pluginID] }
}

/// For a person found by a plugin with no name generator of its own: the plugins whose generators
/// write names, by the script of the mention, in order of preference.
package struct PersonNameFallbacks: Sendable {
    /// For a mention in Chinese characters.
    package let han: [String]
    /// For any other mention.
    package let latin: [String]

    package init(han: [String], latin: [String]) {
        self.han = han
        self.latin = latin
    }
}

/// A value that holds another entity's value — the QQ number that is a QQ mail address's local
/// part: that part takes the inner value's pseudonym, so `12345678@qq.com` and a bare `12345678`
/// stay one account after pseudonymization.
package struct EmbeddedValue: Sendable, Hashable {
    /// The inner value (canonical), its entity and the id of its generator.
    package let value: String
    package let entity: EntityType
    package let generatorID: String
    /// What surrounds the inner value in the outer one.
    package let prefix: String, suffix: String

    package init(value: String, entity: EntityType, generatorID: String, prefix: String = "", suffix: String = "") {
        self.value = value
        self.entity = entity
        self.generatorID = generatorID
        self.prefix = prefix
        self.suffix = suffix
    }
}

/// What a factory is given to build a plugin's generator for one policy.
package struct SurrogateFactoryInput: Sendable {
    package let manifest: PluginManifest
    /// The policy's action for places (LOCATION), or nil when none of its plugins finds places.
    package let placeAction: Action?
}
