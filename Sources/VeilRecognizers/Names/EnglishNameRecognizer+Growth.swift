import VeilCore
import VeilText

/// Names written longer than a rule read them. A rule finds two words of a name (Ángel [Carlos
/// Torres] González, Enzo [Gabriel Fonseca], Vitor da [Rosa]) and the rest stays in clear: given
/// names and surnames on either side, joined by one space and a particle or none, belong to it. A
/// word grows a name when it is written as a name (a capital, then small letters) and is no common
/// English word unless a name list holds it: Maybe it's under Ángel Carlos Torres González, but not
/// Yesterday Jane Smith or Jane Smith Foundation.
extension EnglishNameRecognizer {
    /// The cue phrases of one word (Dear, Herr, signor): never part of the name they announce.
    static let cueWords = Set(cuePhrases.map(\.phrase).filter { !$0.contains(" ") })

    /// How many words a name grows by on each side.
    static let growthLimit = 2

    /// `detections` with each person grown over the name words beside it; a person a grown one
    /// comes to cover ([Jorge Luis] [Manuel Cardenas]) is dropped for it.
    func grown(_ detections: [Detection], in bytes: [UInt8]) -> [Detection] {
        guard let tagger else { return detections }
        var result = detections
        var grownRanges: [Range<Int>] = []
        for (index, detection) in detections.enumerated() where detection.entity == .person && detection.range.count > 1 {
            var range = detection.range
            var before: [String] = [], after: [String] = []
            for _ in 0..<Self.growthLimit {
                guard let (start, added) = nameWordsBefore(range.lowerBound, in: bytes, tagger: tagger) else { break }
                range = start..<range.upperBound
                before = added + before
            }
            for _ in 0..<Self.growthLimit {
                guard let (end, added) = nameWordsAfter(range.upperBound, in: bytes, tagger: tagger) else { break }
                range = range.lowerBound..<end
                after += added
            }
            guard range != detection.range else { continue }
            let words = before + Self.unicodeWords(String(decoding: bytes[detection.range], as: UTF8.self)) + after
            let names = words.filter { !Self.nameParticles.contains($0) }
            result[index] = person(range, names: names, listedAs: Self.listed(names.first ?? ""), rule: detection.rule, score: detection.score)
            grownRanges.append(range)
        }
        guard !grownRanges.isEmpty else { return result }
        // A person inside a longer one of the same name is that one.
        return result.filter { detection in
            detection.entity != .person
                || !grownRanges.contains { $0 != detection.range && $0.lowerBound <= detection.range.lowerBound && detection.range.upperBound <= $0.upperBound }
        }
    }

    /// The name word (and the particle between, if any) one space before `offset`: where it
    /// starts and its words.
    private func nameWordsBefore(_ offset: Int, in bytes: [UInt8], tagger: EnglishTagger) -> (Int, [String])? {
        guard let (start, word) = Self.word(endingAt: offset - 1, in: bytes, ifSpaceAt: offset - 1) else { return nil }
        if Self.nameParticles.contains(word) {
            guard let (nameStart, name) = Self.word(endingAt: start - 1, in: bytes, ifSpaceAt: start - 1), growsName(name, tagger: tagger) else { return nil }
            return (nameStart, [name, word])
        }
        return growsName(word, tagger: tagger) ? (start, [word]) : nil
    }

    /// The name word (after a particle, if any) one space after `offset`: where it ends and its words.
    private func nameWordsAfter(_ offset: Int, in bytes: [UInt8], tagger: EnglishTagger) -> (Int, [String])? {
        guard let (end, word) = Self.word(startingAt: offset + 1, in: bytes, ifSpaceAt: offset) else { return nil }
        if Self.nameParticles.contains(word) {
            guard let (nameEnd, name) = Self.word(startingAt: end + 1, in: bytes, ifSpaceAt: end), growsName(name, tagger: tagger) else { return nil }
            return (nameEnd, [word, name])
        }
        return growsName(word, tagger: tagger) ? (end, [word]) : nil
    }

    /// Whether a word beside a name is part of it: a capital, then small letters; no title, label
    /// or company word; and no English word among the 5,000 commonest, nor a rarer one that no
    /// name list holds.
    private func growsName(_ word: String, tagger: EnglishTagger) -> Bool {
        let scalars = word.unicodeScalars
        // A capital only first and after a hyphen or an apostrophe (Weitzel-Ring, O'Neil).
        var previous: Unicode.Scalar = " "
        let casedAsName = scalars.allSatisfy { scalar in
            defer { previous = scalar }
            return !scalar.properties.isUppercase || previous == " " || previous == "-" || previous == "'"
        }
        guard scalars.count >= 2, let first = scalars.first, first.properties.isUppercase, casedAsName,
            scalars.dropFirst().contains(where: { $0.properties.isLowercase })
        else { return false }
        let lower = word.lowercased()
        let listing = tagger.listing(of: lower)
        switch listing.rank {
        case nil: break
        case "1", "2": return false
        default: guard listing.first != nil || listing.last != nil else { return false }
        }
        return !Self.titles.contains(word) && !Self.organizationHeads.contains(lower) && !Self.personLabels.contains(lower) && !Self.cueWords.contains(lower)
    }

    /// The word that ends just before `end` (exclusive; `space` must hold a space and the word
    /// must end there): letters of any alphabet, with inner apostrophes and hyphens.
    private static func word(endingAt space: Int, in bytes: [UInt8], ifSpaceAt check: Int) -> (Int, String)? {
        guard check > 0, check < bytes.count, bytes[check] == 0x20 else { return nil }
        var start = space
        while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
        guard start < space, start == 0 || !isWordByte(bytes[start - 1]), mayBeNameWord(bytes[start..<space]) else { return nil }
        let text = String(decoding: bytes[start..<space], as: UTF8.self)
        return isWrittenWord(text) ? (start, text) : nil
    }

    /// The word that starts at `start`, after a space at `check`.
    private static func word(startingAt start: Int, in bytes: [UInt8], ifSpaceAt check: Int) -> (Int, String)? {
        guard check < bytes.count, bytes[check] == 0x20, start < bytes.count else { return nil }
        var end = start
        while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        guard end > start, end == bytes.count || !isWordByte(bytes[end]) else { return nil }
        // Okonkwo's: the word without its possessive ends the name.
        end -= possessiveLength(bytes, wordStart: start, end: end)
        guard mayBeNameWord(bytes[start..<end]) else { return nil }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return isWrittenWord(text) ? (end, text) : nil
    }

    /// Whether a word may be a name's (an ASCII capital or a letter beyond ASCII first) or a
    /// particle (short, small letters): told from its bytes before a String is made of it.
    private static func mayBeNameWord(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first else { return false }
        return ASCIIByte.isUppercase(first) || first >= 0xC0 || (word.count <= 5 && ASCIIByte.isLowercase(first))
    }

    /// A letter byte of any alphabet (ASCII, or part of a character beyond it), an apostrophe or a hyphen.
    private static func isNameByte(_ byte: UInt8) -> Bool { ASCIIByte.isLetter(byte) || byte >= 0x80 || byte == 0x27 || byte == 0x2D }

    /// A byte that would make a word go on: a letter, a digit, a dot (initials, domains) or an @.
    private static func isWordByte(_ byte: UInt8) -> Bool { isNameByte(byte) || ASCIIByte.isDigit(byte) || byte == 0x2E || byte == 0x40 }

    /// Letters throughout (of any alphabet, no punctuation beyond ASCII), an apostrophe or a hyphen
    /// only between two of them.
    private static func isWrittenWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isAlphabetic, last.properties.isAlphabetic
        else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "'" || $0 == "-" }
    }

    /// The words of a name as written, split at spaces.
    static func unicodeWords(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }
}
