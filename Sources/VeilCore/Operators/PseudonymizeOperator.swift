/// `pseudonymize`: a realistic surrogate from the plugin's surrogate generator, the same for every
/// mention of the same original in the run, written in each mention's own layout.
struct PseudonymizeOperator: Operator {
    let keep: Set<String>

    func replacement(for mention: Mention, in context: OperatorContext) -> String {
        let detection = mention.detection
        let generator = context.engine.surrogate(for: detection.pluginID)
        let key = context.engine.key.derived(for: "pseudonym:\(detection.entity.rawValue)")
        let facets = keep.intersection(generator.keepableFacets)
        let surrogate = context.table.surrogate(entity: detection.entity, canonical: detection.canonical) { attempt in
            var random = SurrogateRandom(key: key, value: detection.canonical, attempt: attempt)
            return generator.surrogate(for: detection.canonical, keeping: facets, random: &random)
        }
        return generator.render(surrogate, canonical: detection.canonical, mention: mention.text)
    }
}
