/// `pseudonymize`: a realistic surrogate from the plugin's surrogate generator, the same for every
/// mention of the same original in the run, written in each mention's own layout.
struct PseudonymizeOperator: Operator {
    let keep: Set<String>

    func replacement(for mention: Mention, in context: OperatorContext) throws -> String {
        context.claims?.note(mention)
        let detection = mention.detection
        switch try draw(detection, writtenAs: mention.text, in: context) {
        case .place(let places, let surrogate): return places.render(surrogate, canonical: detection.canonical, mention: mention.text)
        case .whole(let pseudonym): return pseudonym
        case .value(let generator, let surrogate): return generator.render(surrogate, canonical: detection.canonical, mention: mention.text)
        }
    }

    /// What a mention's pseudonym is drawn as, before it is written in the mention's layout.
    enum Drawn {
        /// A place's surrogate, from its plugin's places.
        case place(PlaceSurrogate, String)
        /// The pseudonym as written (a value holding another's: a QQ mail address).
        case whole(String)
        /// A surrogate canonical value from `generator`.
        case value(any SurrogateGenerator, String)
    }

    /// Draws the pseudonym of `detection` (claiming it in the run's table); `mention` is its text as
    /// written, whose script chooses a person's generator when its plugin has none.
    func draw(_ detection: Detection, writtenAs mention: String, in context: OperatorContext) throws -> Drawn {
        let generator = context.surrogates.generator(for: detection, mention: mention)
        if let places = generator as? PlaceSurrogate {
            return .place(places, try placeSurrogate(detection.canonical, places, entity: detection.entity, in: context))
        }
        if let embedded = generator.embeddedValue(in: detection.canonical), let inner = context.surrogates.generator(id: embedded.generatorID) {
            // The inner value takes its own pseudonym (a QQ mail address's number, the QQ number's).
            let innerSurrogate = try pseudonym(of: embedded.value, entity: embedded.entity, generator: inner, in: context)
            return .whole(
                try context.table.surrogate(entity: detection.entity, canonical: detection.canonical, drawer: "embedded:" + generator.id) { _ in
                    embedded.prefix + innerSurrogate + embedded.suffix
                })
        }
        // A person's pseudonym is kept under its key (the same for 卢立兵 and "Lu Libing").
        let original = detection.facts.pseudonymKey ?? detection.canonical
        return .value(generator, try pseudonym(of: original, entity: detection.entity, generator: generator, in: context))
    }

    /// The run's pseudonym for `original`, drawn under the entity's key the first time.
    private func pseudonym(of original: String, entity: EntityType, generator: any SurrogateGenerator, in context: OperatorContext) throws -> String {
        let key = context.surrogates.key.derived(for: "pseudonym:\(entity.rawValue)")
        let facets = keep.intersection(generator.keepableFacets)
        return try context.table.surrogate(entity: entity, canonical: original, drawer: generator.id) { attempt in
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
            entity: entity, canonical: id, drawer: places.id,
            candidate: { attempt in
                if candidates == nil { candidates = places.candidates(for: id, parentSurrogate: parentSurrogate, key: key) }
                return attempt < candidates!.count ? candidates![attempt] : nil
            })
    }
}
