import Foundation
package import VeilCore
import VeilText

/// Finds Chinese names written in pinyin in English text: "Lu Libing", "Zhou Daifu", "Ouyang Nana",
/// "Yi Yi", surname-last ("Libing Lu"), capitals ("LU Libing"), hyphenated given names ("Li-bing"),
/// Hong Kong and Taiwan spellings (Wong, Cheung, Chan); and the surname alone after a title ("Mr.
/// Lu"), when the document names the person in full, or when the context says it is a person
/// ("his wife, Mu, …", "Mu is five months pregnant", "Lu's").
///
/// A word counts as pinyin only if it splits into Mandarin syllables, so "Lu Said" or "Wang Street"
/// are not names; single-syllable given names that are also common English words are not taken.
package struct PinyinNameRecognizer: Recognizer {
    package let pluginID: String
    let tables: PinyinTables
    let statistics: ChineseNameStatistics

    /// One-syllable words that are far more often English: not a given name, not a bare surname.
    static let englishWords: Set<String> = [
        "a", "an", "he", "she", "me", "ye", "you", "yo", "no", "die", "lie", "tie", "ten", "men", "hen",
        "pen", "ran", "man", "fan", "ban", "pan", "tan", "long", "sun", "bang", "hang", "gang", "sang",
        "tang", "ping", "pong", "ding", "dong", "lo", "la", "ma", "pa", "ta", "o", "e", "ai", "shun",
        "wan", "yen", "zen", "chin", "min", "bin", "tin", "sue", "bo", "mo", "ha", "huh", "wen", "gen",
        "nun", "bun", "run", "gun", "pun", "fun", "hun", "dun", "tun", "shed", "she", "ran", "den"
    ]
    /// Pairs of pinyin words that are not names (Hong Kong, Feng Shui).
    static let notNames: Set<String> = [
        "hong kong", "feng shui", "tai chi", "kung fu", "dim sum", "mao tai", "ma jiang", "chow mein",
        "lo mein", "yin yang", "ping pong", "bok choy", "wu xing", "qi gong", "xin hua", "ren min"
    ]
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "madam", "madame", "mister", "auntie", "uncle", "grandpa", "grandma"]
    static let relations: Set<String> = [
        "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "friend", "neighbor",
        "neighbour", "colleague", "boss", "grandmother", "grandfather", "niece", "nephew", "cousin", "partner"
    ]
    static let verbsAfter: Set<String> = [
        "is", "was", "said", "says", "told", "has", "had", "asked", "added", "explained", "recalled",
        "wrote", "replied", "admitted", "insisted", "knew", "thinks", "thought", "went", "did", "does"
    ]

    /// The factory `recognizer: person-pinyin` manifests use. Data: syllables.txt, readings.tsv,
    /// surnames.tsv, given.tsv, variants.tsv, and optionally foreign.tsv and given-gender.tsv — with
    /// person-zh's tables, the pseudonyms are drawn exactly as person-zh draws them.
    package static let factory: PluginCode.RecognizerFactory = { input in
        let files = input.dataFiles
        guard files.count >= 5 else {
            throw RecognizerError(pluginID: input.manifest.id, message: "person-pinyin needs data: syllables, readings, surnames, given, variants")
        }
        let foreign = files.first(where: { $0.hasSuffix("foreign.tsv") }) ?? files[3]
        var statistics = try ChineseNameStatistics.read(surnames: files[2], given: files[3], foreign: foreign)
        if let gender = files.first(where: { $0.hasSuffix("given-gender.tsv") }) { try statistics.readGender(gender) }
        let tables = try PinyinTables.read(syllables: files[0], readings: files[1], variants: files[4], statistics: statistics)
        return PinyinNameRecognizer(pluginID: input.manifest.id, tables: tables, statistics: statistics)
    }

    package func recognize(_ document: DocumentText) throws -> [Detection] {
        let bytes = document.bytes
        let words = LatinWord.words(in: bytes)
        var detections: [Detection] = []
        var surnamesNamed = Set<String>()
        var index = 0
        while index < words.count {
            defer { index += 1 }
            guard index + 1 < words.count, words[index + 1].range.lowerBound == words[index].range.upperBound + 1,
                bytes[words[index].range.upperBound] == 0x20
            else { continue }
            let first = words[index], second = words[index + 1]
            guard first.isCapitalized, second.isCapitalized, !Self.notNames.contains("\(first.lower) \(second.lower)") else { continue }
            if let name = fullName(surname: first, given: second, surnameFirst: true) ?? fullName(surname: second, given: first, surnameFirst: false) {
                detections.append(name)
                surnamesNamed.insert(name.facts.surname ?? "")
                index += 1
            }
        }
        let taken = Set(detections.flatMap { [$0.range.lowerBound] })
        let covered = detections.map(\.range)
        for (position, word) in words.enumerated() where word.isCapitalized && !taken.contains(word.range.lowerBound) {
            guard !covered.contains(where: { $0.overlaps(word.range) }), isSurname(word.lower) else { continue }
            let previous = position > 0 ? words[position - 1] : nil
            let next = position + 1 < words.count ? words[position + 1] : nil
            let between = { (a: LatinWord, b: LatinWord) in String(decoding: bytes[a.range.upperBound..<b.range.lowerBound], as: UTF8.self) }
            var score = 0.0
            if let previous, Self.titles.contains(previous.lower), [" ", ". "].contains(between(previous, word)) {
                score = 0.8
            } else if surnamesNamed.contains(word.lower) {
                // Named in full here, the surname is that person even where it is an English word
                // ("Tan Xiuying … Contact Tan after 8pm").
                score = 0.75
            } else if Self.englishWords.contains(word.lower) {
                continue
            } else if let previous, Self.relations.contains(previous.lower), between(previous, word) == ", " {
                score = 0.65
            } else if word.range.upperBound + 1 < bytes.count, bytes[word.range.upperBound] == 0x27, bytes[word.range.upperBound + 1] == 0x73 {
                score = 0.6 // Lu's
            } else if let next, Self.verbsAfter.contains(next.lower), between(word, next) == " " {
                score = 0.6
            }
            guard score > 0 else { continue }
            detections.append(
                Detection(
                    range: word.range, entity: .person, score: score, pluginID: pluginID, rule: "pinyin-surname",
                    canonical: word.lower, facts: MentionFacts(personForm: .pinyinSurname, surname: word.lower, pinyin: word.lower)))
        }
        return detections
    }

    private func fullName(surname: LatinWord, given: LatinWord, surnameFirst: Bool) -> Detection? {
        guard isSurname(surname.lower), !given.isAllCaps || surname.isAllCaps else { return nil }
        // The given name: capitalized, one or two syllables (two when it comes first), maybe hyphenated.
        let plain = given.lower.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "'", with: "")
        // A one-syllable given name may come first only when it is no surname ("Jun Huang"; "Yu Wang"
        // is read surname first).
        guard let syllables = tables.syllabify(plain),
            (surnameFirst || !isSurname(plain) ? 1...2 : 2...2).contains(syllables.count)
        else { return nil }
        if syllables.count == 1 && Self.englishWords.contains(plain) { return nil }
        if surname.lower == plain && syllables.count == 1 && !surnameFirst { return nil }
        let range = surnameFirst ? surname.range.lowerBound..<given.range.upperBound : given.range.lowerBound..<surname.range.upperBound
        let canonical = surname.lower + " " + plain
        return Detection(
            range: range, entity: .person, score: 0.75, pluginID: pluginID, rule: "pinyin-full", canonical: canonical,
            facts: MentionFacts(personForm: .pinyinFull, surname: surname.lower, pinyin: canonical, pseudonymKey: ([surname.lower] + syllables).joined(separator: " ")))
    }

    private func isSurname(_ spelling: String) -> Bool {
        tables.surnamesBySpelling[spelling] != nil
    }
}

/// A surname named in full is that person wherever it is written again, capitalized, as a word: in
/// the rest of the document and in the later documents of a run.
extension PinyinNameRecognizer: RepeatedMentionRecognizer {
    package func repeatableMentions(of found: [Detection]) -> [RepeatableMention] {
        var mentions: [RepeatableMention] = []
        var seen = Set<String>()
        for detection in found where detection.facts.personForm == .pinyinFull {
            guard let surname = detection.facts.surname, seen.insert(surname).inserted else { continue }
            let written = surname.prefix(1).uppercased() + surname.dropFirst()
            mentions.append(
                RepeatableMention(
                    text: written,
                    detection: Detection(
                        range: 0..<0, entity: .person, score: 0.7, pluginID: pluginID, rule: "pinyin-surname", canonical: surname,
                        facts: MentionFacts(personForm: .pinyinSurname, surname: surname, pinyin: surname))))
        }
        return mentions
    }

    /// A capitalized word of its own ("Tan's", "Contact Tan."), not the start of a longer one (Tank)
    /// or the end of one, and not in lower case (a tan).
    package func repeatedMention(_ detection: Detection, at range: Range<Int>, in bytes: [UInt8]) -> Detection? {
        let isLetter = { (index: Int) in index >= 0 && index < bytes.count && ASCIIByte.isAlphanumeric(bytes[index]) }
        guard (0x41...0x5A).contains(bytes[range.lowerBound]), !isLetter(range.lowerBound - 1), !isLetter(range.upperBound),
            range.lowerBound < 1 || bytes[range.lowerBound - 1] != UInt8(ascii: "-")
        else { return nil }
        return detection
    }
}

extension PinyinNameRecognizer: SurrogateProvidingRecognizer {
    package var surrogateID: String { PinyinNameSurrogate.generatorID }

    package func makeSurrogate() -> any SurrogateGenerator { PinyinNameSurrogate(statistics: statistics, tables: tables) }
}
