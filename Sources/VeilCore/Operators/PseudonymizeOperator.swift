/// `pseudonymize`: a realistic surrogate from the plugin's surrogate generator, the same for every
/// mention of the same original in the run, written in each mention's own layout.
struct PseudonymizeOperator: Operator {
    let keep: Set<String>

    func replacement(for mention: Mention, in context: OperatorContext) throws -> String {
        let detection = mention.detection
        let generator = context.surrogates.generator(for: detection, mention: mention.text)
        if let places = generator as? PlaceSurrogate {
            let surrogate = try placeSurrogate(detection.canonical, places, entity: detection.entity, in: context)
            return places.render(surrogate, canonical: detection.canonical, mention: mention.text)
        }
        if let embedded = generator.embeddedValue(in: detection.canonical), let inner = context.surrogates.generator(id: embedded.generatorID) {
            // The inner value takes its own pseudonym (a QQ mail address's number, the QQ number's).
            let innerSurrogate = try pseudonym(of: embedded.value, entity: embedded.entity, generator: inner, in: context)
            return try context.table.surrogate(entity: detection.entity, canonical: detection.canonical) { _ in
                embedded.prefix + innerSurrogate + embedded.suffix
            }
        }
        // A person's pseudonym is kept under its key (the same for 卢立兵 and "Lu Libing").
        let original = detection.facts.pseudonymKey ?? detection.canonical
        let surrogate = try pseudonym(of: original, entity: detection.entity, generator: generator, in: context)
        return generator.render(surrogate, canonical: detection.canonical, mention: mention.text)
    }

    /// The run's pseudonym for `original`, drawn under the entity's key the first time.
    private func pseudonym(of original: String, entity: EntityType, generator: any SurrogateGenerator, in context: OperatorContext) throws -> String {
        let key = context.surrogates.key.derived(for: "pseudonym:\(entity.rawValue)")
        let facets = keep.intersection(generator.keepableFacets)
        return try context.table.surrogate(entity: entity, canonical: original) { attempt in
            var random = SurrogateRandom(key: key, value: original, attempt: attempt)
            return generator.surrogate(for: original, keeping: facets, random: &random)
        }
    }

    /// A place's pseudonym, its parent's settled first (outside the table's lock) so the child can be
    /// drawn from among the parent pseudonym's children.
    private func placeSurrogate(_ id: String, _ places: PlaceSurrogate, entity: EntityType, in context: OperatorContext) throws -> String {
        let parentSurrogate = try places.parent(of: id).map { try placeSurrogate($0, places, entity: entity, in: context) }
        let key = context.surrogates.key.derived(for: "pseudonym:\(entity.rawValue)")
        var candidates: [String]?
        return try context.table.surrogateFromList(
            entity: entity, canonical: id,
            candidate: { attempt in
                if candidates == nil { candidates = places.candidates(for: id, parentSurrogate: parentSurrogate, key: key) }
                return attempt < candidates!.count ? candidates![attempt] : nil
            })
    }
}
