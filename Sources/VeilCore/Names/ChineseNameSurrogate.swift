/// Chinese names: a realistic name of the same length, its surname drawn by how common surnames
/// are and its given name from common given-name characters (never the original surname), written
/// in the mention's own form — 王建国 → 陈志明, 王先生 → 陈先生, 老王 → 老陈, 建国 → 志明.
///
/// A canonical value is a full name (王建国), a surname alone (王, for 王先生 with no full name in
/// the document), or a transliterated foreign name (克林顿), which gets characters of the same kind.
public struct ChineseNameSurrogate: SurrogateGenerator {
    public let id = "person-zh"
    public let examples: [String] = []
    let statistics: ChineseNameStatistics
    /// Pinyin spelling → surnames in characters, to draw for a romanized key ("lu li bing").
    let spellings: [String: [String]]

    init(statistics: ChineseNameStatistics, spellings: [String: [String]] = [:]) {
        self.statistics = statistics
        self.spellings = spellings
    }

    public func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
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
            return drawSurname(length: canonical.count, excluding: canonical, random: &random)
        }
        let surname = statistics.surname(of: canonical)
        if statistics.surnames[surname] == nil {
            // A foreign or given-name-only mention: characters of the same kind, same length.
            return String((0..<characters.count).map { _ in drawGiven(&random) })
        }
        let newSurname = drawSurname(length: surname.count, excluding: surname, random: &random)
        return newSurname + String((0..<(characters.count - surname.count)).map { _ in drawGiven(&random) })
    }

    public func render(_ surrogate: String, canonical: String, mention: String) -> String {
        if mention == canonical { return surrogate }
        let surname = statistics.surnames[canonical] != nil ? canonical : statistics.surname(of: canonical)
        let newSurname = String(surrogate.prefix(surname.count))
        // 王先生 / 王总 (surname and title), 老王 / 小王.
        if mention.hasPrefix(surname) { return newSurname + mention.dropFirst(surname.count) }
        if let first = mention.first, "老小".contains(first), mention.dropFirst().hasPrefix(surname) {
            return String(first) + newSurname + mention.dropFirst(1 + surname.count)
        }
        // The given name alone (建国 for 王建国).
        let given = canonical.dropFirst(surname.count)
        if !given.isEmpty, mention.hasPrefix(given) { return String(surrogate.dropFirst(surname.count)) + mention.dropFirst(given.count) }
        return surrogate
    }

    private func drawSurname(length: Int, excluding original: String, random: inout SurrogateRandom) -> String {
        // Single surnames from the 200 most common; compound ones (欧阳, 司马) from all there are.
        let pool = statistics.surnamesByFrequency.filter { $0.surname.count == length && $0.surname != original }.prefix(200)
        guard !pool.isEmpty else { return original }
        return weightedPick(pool.map { ($0.surname, max($0.weight, 1)) }, &random)
    }

    private func drawGiven(_ random: inout SurrogateRandom) -> Character {
        weightedPick(statistics.givenByFrequency.prefix(400).map { ($0.character, $0.weight) }, &random)
    }

    private func weightedPick<T>(_ items: [(T, Int)], _ random: inout SurrogateRandom) -> T {
        precondition(!items.isEmpty, "name tables are checked non-empty when the plugin loads")
        // Weights are compressed (square root) so rarer choices still come up.
        let weights = items.map { max(1, Int(Double($0.1).squareRoot() * 10)) }
        var roll = random.next(below: min(weights.reduce(0, +), 65_536))
        for (item, weight) in zip(items, weights) {
            if roll < weight { return item.0 }
            roll -= weight
        }
        return items[0].0
    }
}

/// A recognizer that brings its own surrogate generator (a name recognizer's statistics make the
/// pseudonyms). A manifest selects it with `surrogate: <the generator's id>`.
public protocol SurrogateProvidingRecognizer: Recognizer {
    var surrogate: any SurrogateGenerator { get }
}

