import VeilCore
import VeilText

/// The other mentions of people a document names in full: "Okonkwo said" and "Ngozi laughed" after
/// "Ngozi Okonkwo", whichever rule or the tagger found the full name — a surname alone or a first
/// name alone, capitalized or in capitals. They link to the full name (PersonLinker), so all share
/// one pseudonym, and they outrank a town of the same spelling (Ngozi is also one).
extension EnglishNameRecognizer {
    /// Above a town's romanized name (0.6) and the tagger's people (0.7), below person-pinyin's
    /// surnames (0.75): "Zhou" after "Zhou Daifu" is the pinyin plugin's, linked to 周代富.
    static let laterMentionScore = 0.72

    func laterMentions(in bytes: [UInt8], of found: [Detection]) -> [Detection] {
        var surnames = Set<String>(), givens = Set<String>()
        for detection in found where detection.facts.personForm == .englishFull {
            if let surname = detection.facts.surname, surname.count > 1 { surnames.insert(surname) }
            if let given = detection.facts.givenName, given.count > 1 { givens.insert(given) }
        }
        givens.subtract(surnames)
        guard !surnames.isEmpty || !givens.isEmpty else { return [] }
        let covered = found.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        // The furthest end among the findings up to each one: a range overlaps a finding exactly
        // when one starting before its end reaches past its start.
        var reach: [Int] = []
        reach.reserveCapacity(covered.count)
        for range in covered { reach.append(max(reach.last ?? Int.min, range.upperBound)) }
        func isCovered(_ range: Range<Int>) -> Bool {
            var low = 0, high = covered.count
            while low < high {
                let middle = (low + high) / 2
                if covered[middle].lowerBound < range.upperBound { low = middle + 1 } else { high = middle }
            }
            return low > 0 && reach[low - 1] > range.lowerBound
        }
        var detections: [Detection] = []
        for written in Self.capitalizedWords(in: bytes) {
            // Okonkwo's: the name without its possessive (told from its bytes).
            var word = written
            let possessive = Self.possessiveLength(bytes, wordStart: word.range.lowerBound, end: word.range.upperBound)
            if possessive > 0 { word = (word.range.lowerBound..<word.range.upperBound - possessive, String(word.text.utf8.dropLast(possessive))!) }
            // Capitalized or in capitals (Okonkwo, OKONKWO), not mixed (McDonald's iPhone): ASCII by its bytes.
            let letters = bytes[word.range]
            if letters.allSatisfy({ $0 < 0x80 }) {
                let rest = letters.dropFirst()
                guard !rest.contains(where: ASCIIByte.isUppercase) || !rest.contains(where: ASCIIByte.isLowercase) else { continue }
            } else {
                let rest = word.text.dropFirst()
                guard rest.allSatisfy({ !$0.isUppercase }) || rest.allSatisfy({ !$0.isLowercase }) else { continue }
            }
            let lower = word.text.lowercased()
            let isSurname = surnames.contains(lower)
            guard isSurname || givens.contains(lower), !isCovered(word.range) else { continue }
            let facts = isSurname ? MentionFacts(personForm: .englishSurname, surname: lower) : MentionFacts(personForm: .englishFirst, givenName: lower)
            detections.append(
                Detection(
                    range: word.range, entity: .person, score: Self.laterMentionScore, pluginID: pluginID,
                    rule: isSurname ? "en-named-surname" : "en-named-first", canonical: lower, facts: facts))
        }
        return detections
    }

    /// The words that begin with a capital letter (any alphabet, with an inner apostrophe or
    /// hyphen), as byte ranges and text. Read byte by byte: ASCII and Chinese characters without a
    /// Unicode property lookup, and no string built for a word that does not begin with a capital.
    static func capitalizedWords(in bytes: [UInt8]) -> [(range: Range<Int>, text: String)] {
        var words: [(range: Range<Int>, text: String)] = []
        var index = 0, start = -1, end = 0, keep = false, afterJoin = false
        func close() {
            if start >= 0, keep { words.append((start..<end, String(decoding: bytes[start..<end], as: UTF8.self))) }
            start = -1
            afterJoin = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            var width = 1
            var isLetter = false, isUpper = false, isJoin = false
            if byte < 0x80 {
                isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                isUpper = isLetter && byte <= 0x5A
                isJoin = byte == 0x27 || byte == 0x2D
            } else {
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if byte >= 0xE3 && byte <= 0xE9 {
                    isLetter = true // Chinese, Japanese and Korean characters: letters, never capitals
                } else if index + 2 < bytes.count,
                    (byte == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] <= 0xA0)
                        || (byte == 0xE2 && bytes[index + 1] == 0x80)
                {
                    // Fullwidth punctuation and digits (，：？ U+FF00-FF20), general punctuation (“ ” …
                    // U+2000-203F): no letters; ’ joins.
                    isJoin = byte == 0xE2 && bytes[index + 2] == 0x99
                } else if index + width <= bytes.count,
                    let scalar = String(decoding: bytes[index..<index + width], as: UTF8.self).unicodeScalars.first
                {
                    isLetter = scalar.properties.isAlphabetic
                    isUpper = isLetter && scalar.properties.isUppercase
                    isJoin = scalar == "’"
                }
            }
            if isLetter {
                if start < 0 {
                    start = index
                    keep = isUpper
                }
                end = index + width
                afterJoin = false
            } else if isJoin, start >= 0, !afterJoin {
                afterJoin = true // inside the word only if a letter follows
            } else {
                close()
            }
            index += width
        }
        close()
        return words
    }
}
