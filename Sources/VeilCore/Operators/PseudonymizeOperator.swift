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
        if detection.entity == .emailAddress, let (number, domain) = Self.qqMail(detection.canonical), let qq = Surrogates.byID["qq"] {
            // A QQ mail address's local part is the QQ number: it takes that number's pseudonym, so
            // 12345678@qq.com and a bare 12345678 stay one account after pseudonymization.
            let numberSurrogate = try pseudonym(of: number, entity: .qqNumber, generator: qq, in: context)
            return try context.table.surrogate(entity: .emailAddress, canonical: detection.canonical) { _ in numberSurrogate + "@" + domain }
        }
        // A person's pseudonym is kept under its key (the same for 卢立兵 and "Lu Libing").
        let original = detection.attributes["key"] ?? detection.canonical
        let surrogate = try pseudonym(of: original, entity: detection.entity, generator: generator, in: context)
        return generator.render(surrogate, canonical: detection.canonical, mention: mention.text)
    }

    /// The run's pseudonym for `original`, drawn under the entity's key the first time.
    private func pseudonym(of original: String, entity: EntityType, generator: any SurrogateGenerator, in context: OperatorContext) throws -> String {
        let key = context.engine.key.derived(for: "pseudonym:\(entity.rawValue)")
        let facets = keep.intersection(generator.keepableFacets)
        return try context.table.surrogate(entity: entity, canonical: original) { attempt in
            var random = SurrogateRandom(key: key, value: original, attempt: attempt)
            return generator.surrogate(for: original, keeping: facets, random: &random)
        }
    }

    /// The QQ number and domain of a QQ mail address (digits at qq.com, vip.qq.com or foxmail.com).
    static func qqMail(_ email: String) -> (number: String, domain: String)? {
        guard let at = email.lastIndex(of: "@") else { return nil }
        let local = email[..<at], domain = String(email[email.index(after: at)...])
        guard ["qq.com", "vip.qq.com", "foxmail.com"].contains(domain), (5...11).contains(local.count),
              local.first != "0", local.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (String(local), domain)
    }

    /// A place's pseudonym, its parent's settled first (outside the table's lock) so the child can be
    /// drawn from among the parent pseudonym's children.
    private func placeSurrogate(_ id: String, _ places: PlaceSurrogate, entity: EntityType, in context: OperatorContext) throws -> String {
        let parentSurrogate = try places.parent(of: id).map { try placeSurrogate($0, places, entity: entity, in: context) }
        let key = context.engine.key.derived(for: "pseudonym:\(entity.rawValue)")
        var candidates: [String]?
        return try context.table.surrogateFromList(entity: entity, canonical: id, candidate: { attempt in
            if candidates == nil { candidates = places.candidates(for: id, parentSurrogate: parentSurrogate, key: key) }
            return attempt < candidates!.count ? candidates![attempt] : nil
        })
    }
}
