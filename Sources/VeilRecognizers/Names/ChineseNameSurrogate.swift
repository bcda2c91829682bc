package import VeilCore

/// Chinese names: a realistic name of the same length, its surname drawn by how common surnames
/// are and its given name from common given-name characters (never the original surname), written
/// in the mention's own form — 王建国 → 陈志明, 王先生 → 陈先生, 老王 → 老陈, 建国 → 志明.
///
/// A canonical value is a full name (王建国), a surname alone (王, for 王先生 with no full name in
/// the document), or a transliterated foreign name (克林顿), which gets characters of the same kind.
package struct ChineseNameSurrogate: SurrogateGenerator {
    package static let generatorID = "person-zh"
    package let id = generatorID
    package let examples: [String] = []
    let statistics: ChineseNameStatistics
    /// Pinyin spelling → surnames in characters, to draw for a romanized key ("lu li bing").
    let spellings: [String: [String]]

    /// Draw tables, made once: for each surname length the 201 most common (weight compressed),
    /// and the 400 most common given-name characters.
    private let surnamePools: [Int: WeightedPool<String>]
    private let givenPool: WeightedPool<Character>
    /// The same characters that read as a woman's (share ≥ 0.6) and as a man's (≤ 0.4), when the
    /// statistics know gender.
    private let givenPoolFemale: WeightedPool<Character>?
    private let givenPoolMale: WeightedPool<Character>?
    /// Every surname of the tables by length, most common first.
    private let allSurnames: [Int: [String]]
    /// Draws by chance before a surname alone walks through all surnames.
    static let chanceDraws = 16

    init(statistics: ChineseNameStatistics, spellings: [String: [String]] = [:]) {
        self.statistics = statistics
        self.spellings = spellings
        var pools: [Int: [(String, Int)]] = [:]
        for entry in statistics.surnamesByFrequency where pools[entry.surname.count, default: []].count < 201 {
            pools[entry.surname.count, default: []].append((entry.surname, Self.compressed(max(entry.weight, 1))))
        }
        surnamePools = pools.mapValues { WeightedPool($0) }
        allSurnames = Dictionary(grouping: statistics.surnames.sorted { ($0.value.inNames, $1.key) > ($1.value.inNames, $0.key) }.map(\.key), by: \.count)
        let given = statistics.givenByFrequency.prefix(400).map { ($0.character, Self.compressed($0.weight)) }
        givenPool = WeightedPool(given)
        let share = { (character: Character) in character.unicodeScalars.first.flatMap { statistics.femaleShare[$0.value] } ?? 0.5 }
        let female = given.filter { share($0.0) >= 0.6 }, male = given.filter { share($0.0) <= 0.4 }
        givenPoolFemale = female.count >= 20 ? WeightedPool(female) : nil
        givenPoolMale = male.count >= 20 ? WeightedPool(male) : nil
    }

    /// Weights are compressed (square root) so rarer choices still come up.
    private static func compressed(_ weight: Int) -> Int { max(1, Int(Double(weight).squareRoot() * 10)) }

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        if canonical.unicodeScalars.allSatisfy(\.isASCII) {
            // A person's key in syllables ("lu li bing", "ouyang na na"): a name of that shape.
            let syllables = canonical.split(separator: " ").map(String.init)
            guard let first = syllables.first else { return canonical }
            let surname = spellings[first]?.sorted { (statistics.surnames[$0]?.inNames ?? 0) > (statistics.surnames[$1]?.inNames ?? 0) }.first ?? "王"
            let newSurname = drawSurname(length: surname.count, excluding: surname, random: &random)
            return newSurname + String((0..<(syllables.count - 1)).map { _ in drawGiven(&random) })
        }
        let characters = Array(canonical)
        guard characters.allSatisfy({ $0.unicodeScalars.first.map { (0x3400...0x9FFF).contains($0.value) } ?? false }) else {
            return ShapeSurrogate.reshape(canonical, keepingPrefix: 0, random: &random)
        }
        if statistics.surnames[canonical] != nil {
            // A surname alone (王先生 with no full name): a small domain. Drawn by chance first;
            // then every surname of its length in turn, so a run never runs out of them.
            guard random.attempt >= Self.chanceDraws, let all = allSurnames[canonical.count]?.filter({ $0 != canonical }), !all.isEmpty else {
                return drawSurname(length: canonical.count, excluding: canonical, random: &random)
            }
            let start = canonical.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }
            return all[(start + random.attempt - Self.chanceDraws) % all.count]
        }
        let surname = statistics.surname(of: canonical)
        if statistics.surnames[surname] == nil {
            // A foreign or given-name-only mention: characters of the same kind, same length.
            return String((0..<characters.count).map { _ in drawGiven(&random) })
        }
        let newSurname = drawSurname(length: surname.count, excluding: surname, random: &random)
        // The given name keeps the gender it reads as (谭秀英 → a woman's name, not 胡廷昭).
        let pool =
            statistics.femaleShare(ofGiven: characters.dropFirst(surname.count)).flatMap { share in
                share >= 0.65 ? givenPoolFemale : share <= 0.35 ? givenPoolMale : nil
            } ?? givenPool
        return newSurname + String((0..<(characters.count - surname.count)).map { _ in pool.draw(&random) })
    }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String {
        if mention == canonical { return surrogate }
        let surname = statistics.surnames[canonical] != nil ? canonical : statistics.surname(of: canonical)
        let newSurname = String(surrogate.prefix(surname.count))
        let given = canonical.dropFirst(surname.count)
        // What a form keeps of the mention (先生 of 王先生) must be no part of the name: 阿花, a name
        // inside the screen name 阿花不是花, is the whole pseudonym, not its first character and 花.
        let keeps = { (rest: Substring) in !rest.contains(where: given.contains) }
        // 王先生 / 王总 (surname and title), 老王 / 小王.
        if mention.hasPrefix(surname), keeps(mention.dropFirst(surname.count)) { return newSurname + mention.dropFirst(surname.count) }
        if let first = mention.first, "老小".contains(first), mention.dropFirst().hasPrefix(surname), keeps(mention.dropFirst(1 + surname.count)) {
            return String(first) + newSurname + mention.dropFirst(1 + surname.count)
        }
        // The given name alone (建国 for 王建国).
        if !given.isEmpty, mention.hasPrefix(given), keeps(mention.dropFirst(given.count)) {
            return String(surrogate.dropFirst(surname.count)) + mention.dropFirst(given.count)
        }
        return surrogate
    }

    private func drawSurname(length: Int, excluding original: String, random: inout SurrogateRandom) -> String {
        // Single surnames from the 200 most common; compound ones (欧阳, 司马) from all there are.
        guard let pool = surnamePools[length] else { return original }
        return pool.draw(&random, without: original, first: 200) ?? original
    }

    private func drawGiven(_ random: inout SurrogateRandom) -> Character {
        givenPool.draw(&random)
    }
}

/// Items drawn by weight: a roll below the total weight (capped at 65,536), found by halving.
struct WeightedPool<Item: Sendable & Equatable>: Sendable {
    private let items: [Item]
    /// Each item's cumulative weight, itself included.
    private let ends: [Int]

    init(_ weighted: [(Item, Int)]) {
        precondition(!weighted.isEmpty, "name tables are checked non-empty when the plugin loads")
        items = weighted.map(\.0)
        var total = 0
        ends = weighted.map {
            total += $0.1; return total
        }
    }

    func draw(_ random: inout SurrogateRandom) -> Item {
        let roll = random.next(below: min(ends.last!, 65_536))
        return items[firstEnd(after: roll, count: ends.count) { ends[$0] }]
    }

    /// A draw among the first `limit` items other than `excluded` (nil when there is none).
    func draw(_ random: inout SurrogateRandom, without excluded: Item, first limit: Int) -> Item? {
        let skipped = items.prefix(limit).firstIndex(of: excluded)
        let count = min(limit, items.count - (skipped == nil ? 0 : 1))
        guard count > 0 else { return nil }
        // The pool without the excluded item: later items move down one, their ends less its weight.
        let weight = skipped.map { ends[$0] - ($0 == 0 ? 0 : ends[$0 - 1]) } ?? 0
        let end = { (index: Int) in skipped.map { index < $0 ? ends[index] : ends[index + 1] - weight } ?? ends[index] }
        let roll = random.next(below: min(end(count - 1), 65_536))
        let index = firstEnd(after: roll, count: count, end)
        return items[skipped.map { index < $0 ? index : index + 1 } ?? index]
    }

    private func firstEnd(after roll: Int, count: Int, _ end: (Int) -> Int) -> Int {
        var low = 0, high = count - 1
        while low < high {
            let middle = (low + high) / 2
            if end(middle) > roll { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
