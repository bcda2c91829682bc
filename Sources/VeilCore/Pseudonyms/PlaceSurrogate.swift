import Synchronization

/// Places: another place of the same level — inside the pseudonym of the original's parent, so a
/// county and its prefecture stay consistent (赣州市于都县 → 吉安市泰和县, never a county of another
/// prefecture) — written in the mention's form (full, short or romanized).
///
/// Canonical values are gazetteer place ids. The parent's pseudonym must be settled before the
/// child's; ``PseudonymizeOperator`` does that by asking for ``parent(of:)`` first.
package struct PlaceSurrogate: SurrogateGenerator {
    /// The id manifests name in `surrogate:` for places drawn from their own recognizer's gazetteer.
    package static let generatorID = "place"
    package let id = generatorID
    package let examples: [String] = []
    let gazetteer: Gazetteer
    /// The other place plugins' gazetteers of the policy: where a place finds its pseudonym when
    /// its own has no other place of its level (中国 is the one country of `location-cn`; it
    /// becomes a country of `location-world`). Such a pseudonym is written `@N:id`.
    var alternates: [Gazetteer] = []
    /// The keyed permutation of the places, built once per key.
    private let permutations = PermutationCache()

    package init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// The place a pseudonym names, in its own gazetteer or, written `@N:id`, in alternate N.
    private func place(_ surrogate: String) -> Place? {
        if let own = gazetteer[surrogate] { return own }
        guard surrogate.hasPrefix("@"), let colon = surrogate.firstIndex(of: ":"),
            let index = Int(surrogate[surrogate.index(after: surrogate.startIndex)..<colon]), alternates.indices.contains(index)
        else { return nil }
        return alternates[index][String(surrogate[surrogate.index(after: colon)...])]
    }

    typealias Place = Gazetteer.Place

    /// The pseudonyms a place may be given, to be tried in order until one is free: first its
    /// image under the key's permutation (``PlacePermutation``) when that lies under
    /// `parentSurrogate`; then the places of its level under `parentSurrogate` (a prefecture with
    /// more counties than its pseudonym has children fills those first); then its image wherever
    /// it lies, which no other place has as its own; then the rest of its level from its own
    /// place on, then the policy's other gazetteers.
    func candidates(for canonical: String, parentSurrogate: String?, key: DerivedKey) -> [String] {
        guard let place = gazetteer[canonical] else { return [canonical] }
        let permutation = permutations.permutation(of: gazetteer, number: -1, key: key)
        let level = permutation.order[place.level] ?? []
        let position = level.firstIndex(of: canonical) ?? 0
        let image = permutation.image[canonical].flatMap { $0 == canonical ? nil : $0 }
        let imageFits = image.map { parentSurrogate == nil || gazetteer.parent(of: $0) == parentSurrogate } ?? false
        var candidates: [String] = imageFits ? [image!] : []
        if let parentSurrogate {
            let under = level.filter { gazetteer.parent(of: $0) == parentSurrogate && $0 != canonical && $0 != image }
            if !under.isEmpty { candidates += (0..<under.count).map { under[(position + $0) % under.count] } }
        }
        if let image, !imageFits { candidates.append(image) }
        // From the place's own position on, so that places walking the level do not all meet the
        // same taken ones first.
        candidates += (1..<max(level.count, 1)).map { level[(position + $0) % level.count] }
        for (number, alternate) in alternates.enumerated() {
            candidates += (permutations.permutation(of: alternate, number: number, key: key).order[place.level] ?? []).map { "@\(number):\($0)" }
        }
        return candidates
    }

    /// The place whose pseudonym decides where this place's pseudonym is drawn from.
    package func parent(of canonical: String) -> String? { gazetteer.parent(of: canonical) }

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        surrogate(for: canonical, parentSurrogate: gazetteer.parent(of: canonical), random: &random)
    }

    /// A place of the same level under `parentSurrogate` (the parent's pseudonym).
    func surrogate(for canonical: String, parentSurrogate: String?, random: inout SurrogateRandom) -> String {
        guard let place = gazetteer[canonical] else { return canonical }
        var choices = gazetteer.siblings(level: place.level, under: parentSurrogate)
        if choices.count > 1 { choices.removeAll { $0 == canonical } }
        return choices.isEmpty ? canonical : random.pick(choices)
    }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String {
        guard let place = place(surrogate) else { return surrogate }
        return gazetteer.name(of: place, in: gazetteer.form(of: mention, for: canonical))
    }
}

/// The permutations of a place surrogate's gazetteer (-1) and of its alternates (0, 1, …), by key
/// (a run has one key; a library user may have more).
private final class PermutationCache: Sendable {
    private struct Slot: Hashable {
        let number: Int
        let key: DerivedKey
    }
    private let built = Mutex<[Slot: PlacePermutation]>([:])

    func permutation(of gazetteer: Gazetteer, number: Int, key: DerivedKey) -> PlacePermutation {
        let slot = Slot(number: number, key: key)
        if let known = built.withLock({ $0[slot] }) { return known }
        let permutation = PlacePermutation(gazetteer, key: key)
        built.withLock { $0[slot] = permutation }
        return permutation
    }
}
