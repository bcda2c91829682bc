/// Places: another place of the same level — inside the pseudonym of the original's parent, so a
/// county and its prefecture stay consistent (赣州市于都县 → 吉安市泰和县, never a county of another
/// prefecture) — written in the mention's form (full, short or romanized).
///
/// Canonical values are gazetteer place ids. The parent's pseudonym must be settled before the
/// child's; ``PseudonymizeOperator`` does that by asking for ``parent(of:)`` first.
public struct PlaceSurrogate: SurrogateGenerator {
    public let id = Surrogates.placeID
    public let examples: [String] = []
    let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// The place whose pseudonym decides where this place's pseudonym is drawn from.
    public func parent(of canonical: String) -> String? { gazetteer[canonical]?.parent }

    public func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        surrogate(for: canonical, parentSurrogate: gazetteer[canonical]?.parent, random: &random)
    }

    /// A place of the same level under `parentSurrogate` (the parent's pseudonym).
    func surrogate(for canonical: String, parentSurrogate: String?, random: inout SurrogateRandom) -> String {
        guard let place = gazetteer[canonical] else { return canonical }
        var choices = gazetteer.siblings(level: place.level, under: parentSurrogate)
        if choices.count > 1 { choices.removeAll { $0 == canonical } }
        return choices.isEmpty ? canonical : random.pick(choices)
    }

    public func render(_ surrogate: String, canonical: String, mention: String) -> String {
        guard let place = gazetteer[surrogate] else { return surrogate }
        return gazetteer.name(of: place, in: gazetteer.form(of: mention, for: canonical))
    }
}
