/// A keyed one-to-one map of a gazetteer's places onto places of the same level, that keeps
/// places inside their parent's image where it can (赣州市于都县 → 吉安市泰和县): the pseudonyms of
/// places. A permutation of a finite domain never runs out and never gives two places one
/// pseudonym, however many places a run names (every province of a country, every country).
///
/// Built level by level from the top: the places under one parent are shuffled by the key and
/// laid onto the places under the parent's image, shuffled too; those left over when the image has
/// fewer children go, with every other leftover of the level, onto the places of the level no one
/// took. No place is its own image, nor one written the same way (朝阳区 of Beijing is not mapped to
/// 朝阳区 of Changchun), where the level has another place to give.
struct PlacePermutation: Sendable {
    let image: [String: String]
    /// Each level's places in the key's order: where a place whose image is already claimed (by
    /// an earlier vault) looks next.
    let order: [PlaceLevel: [String]]

    init(_ gazetteer: Gazetteer, key: DerivedKey) {
        func rank(_ id: String) -> [UInt8] { key.authenticationCode(for: Array(("place-order\u{0}" + id).utf8)) }
        func shuffled(_ ids: [String]) -> [String] {
            ids.map { ($0, rank($0)) }.sorted { $0.1.lexicographicallyPrecedes($1.1) }.map(\.0)
        }
        let all = gazetteer.placesInIDOrder
        let names = Dictionary(uniqueKeysWithValues: all.map { ($0.id, Set([$0.full] + $0.short + $0.latin.map { $0.lowercased() })) })
        func alike(_ a: String, _ b: String) -> Bool { a == b || !(names[a] ?? []).isDisjoint(with: names[b] ?? []) }

        var image: [String: String] = [:]
        var order: [PlaceLevel: [String]] = [:]
        let byLevel = Dictionary(grouping: all, by: \.level)
        for level in PlaceLevel.allCases {
            guard let places = byLevel[level], !places.isEmpty else { continue }
            let all = shuffled(places.map(\.id))
            order[level] = all
            var taken = Set<String>()
            var leftovers: [String] = []
            let groups = Dictionary(grouping: all, by: { gazetteer.parent(of: $0) ?? "" })
            for parent in groups.keys.sorted() {
                let members = groups[parent]!
                // Under the parent's image; top-level places (and those whose parent has no image
                // at this level) are laid out after every group has had its own.
                guard !parent.isEmpty, let parentImage = image[parent] else {
                    leftovers += members
                    continue
                }
                var targets = shuffled(gazetteer.siblings(level: level, under: parentImage)).filter { !taken.contains($0) }
                for member in members {
                    guard let index = targets.firstIndex(where: { !alike($0, member) }) else {
                        leftovers.append(member)
                        continue
                    }
                    image[member] = targets.remove(at: index)
                    taken.insert(image[member]!)
                }
            }
            // The rest onto the places nobody took (as many): both in the key's order, each source
            // onto the free place `shift` further on, the first shift where no place is its own
            // image nor one written the same way (shift 1 nearly always).
            let free = all.filter { !taken.contains($0) }
            let sources = shuffled(leftovers)
            let count = min(free.count, sources.count)
            guard count > 0 else { continue }
            var best = (shift: 0, clashes: Int.max)
            for shift in 1...min(count, 64) {
                let clashes = (0..<count).reduce(0) { $0 + (alike(sources[$1], free[($1 + shift) % count]) ? 1 : 0) }
                if clashes < best.clashes { best = (shift, clashes) }
                if clashes == 0 { break }
            }
            for index in 0..<count { image[sources[index]] = free[(index + best.shift) % count] }
        }
        self.image = image
        self.order = order
    }
}
