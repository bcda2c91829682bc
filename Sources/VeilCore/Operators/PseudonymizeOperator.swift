/// `pseudonymize`: a realistic surrogate from the plugin's surrogate generator, the same for every
/// mention of the same original in the run, written in each mention's own layout.
struct PseudonymizeOperator: Operator {
    let keep: Set<String>

    func replacement(for mention: Mention, in context: OperatorContext) throws -> String {
        let detection = mention.detection
        let generator = context.engine.surrogate(for: detection, mention: mention.text)
        if let places = generator as? PlaceSurrogate {
            let surrogate = try placeSurrogate(detection.canonical, places, entity: detection.entity, in: context)
            return places.render(surrogate, canonical: detection.canonical, mention: mention.text)
        }
        let key = context.engine.key.derived(for: "pseudonym:\(detection.entity.rawValue)")
        let facets = keep.intersection(generator.keepableFacets)
        // A person's pseudonym is kept under its key (the same for 卢立兵 and "Lu Libing").
        let original = detection.attributes["key"] ?? detection.canonical
        let surrogate = try context.table.surrogate(entity: detection.entity, canonical: original) { attempt in
            var random = SurrogateRandom(key: key, value: original, attempt: attempt)
            return generator.surrogate(for: original, keeping: facets, random: &random)
        }
        return generator.render(surrogate, canonical: detection.canonical, mention: mention.text)
    }

    /// A place's pseudonym, its parent's settled first (outside the table's lock) so the child can be
    /// drawn from among the parent pseudonym's children.
    private func placeSurrogate(_ id: String, _ places: PlaceSurrogate, entity: EntityType, in context: OperatorContext) throws -> String {
        let parentSurrogate = try places.parent(of: id).map { try placeSurrogate($0, places, entity: entity, in: context) }
        let key = context.engine.key.derived(for: "pseudonym:\(entity.rawValue)")
        return try context.table.surrogate(entity: entity, canonical: id) { attempt in
            var random = SurrogateRandom(key: key, value: id, attempt: attempt)
            return places.surrogate(for: id, parentSurrogate: parentSurrogate, random: &random)
        }
    }
}
