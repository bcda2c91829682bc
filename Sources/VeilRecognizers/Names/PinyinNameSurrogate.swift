import Foundation
package import VeilCore

/// Romanized Chinese names: the pseudonym is a name in characters, drawn exactly as `person-zh`
/// draws one (so "Lu Libing" and 卢立兵, linked, get 陈志明 and "Chen Zhiming"), written in pinyin in
/// the mention's order, capitals and hyphenation.
package struct PinyinNameSurrogate: SurrogateGenerator {
    package static let generatorID = "person-pinyin"
    package let id = generatorID
    package let examples: [String] = []
    let statistics: ChineseNameStatistics
    let tables: PinyinTables

    /// The generator in characters, made once (its draw tables are built when it is made).
    private let names: ChineseNameSurrogate

    init(statistics: ChineseNameStatistics, tables: PinyinTables) {
        self.statistics = statistics
        self.tables = tables
        self.names = ChineseNameSurrogate(statistics: statistics, spellings: tables.surnamesBySpelling)
    }

    /// Drawn exactly as `person-zh` draws, from the same key, so the two agree on every person.
    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        names.surrogate(for: canonical, keeping: keeping, random: &random)
    }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String {
        guard surrogate.unicodeScalars.contains(where: { $0.value >= 0x3400 }) else { return surrogate }
        let surnameLength = statistics.surname(of: surrogate).count
        guard let (family, given) = tables.romanize(surrogate, surnameLength: surnameLength) else { return mention }
        let words = mention.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // Which word of the mention is the surname: the one spelled like the original's surname.
        let originalSurname: String
        if canonical.unicodeScalars.contains(where: { $0.value >= 0x3400 }) {
            originalSurname = tables.romanize(canonical, surnameLength: statistics.surname(of: canonical).count)?.surname ?? ""
        } else {
            originalSurname = String(canonical.split(separator: " ").first ?? "")
        }
        if words.count == 1 { return styled(family, like: words[0]) }
        let surnameIndex = words.firstIndex { $0.lowercased() == originalSurname } ?? 0
        return words.enumerated().map { index, word in
            index == surnameIndex ? styled(family, like: word) : styledGiven(given, like: word)
        }.joined(separator: " ")
    }

    /// `pinyin` with the capitals of `model` (LU → CHEN, Lu → Chen).
    private func styled(_ pinyin: String, like model: String) -> String {
        let plain = pinyin.replacingOccurrences(of: "'", with: "")
        if model.count > 1 && model.allSatisfy({ !$0.isLetter || $0.isUppercase }) { return plain.uppercased() }
        return plain.prefix(1).uppercased() + plain.dropFirst()
    }

    /// A given name in the model's style: hyphenated between syllables if the model was (Li-bing).
    private func styledGiven(_ pinyin: String, like model: String) -> String {
        if model.contains("-"), let syllables = tables.syllabify(pinyin.replacingOccurrences(of: "'", with: "")), syllables.count == 2 {
            return styled(syllables[0], like: model) + "-" + syllables[1]
        }
        return styled(pinyin, like: model)
    }
}
