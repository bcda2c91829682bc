import Foundation
import VeilCore
import VeilText

extension EnglishNameRecognizer {
    /// Congrats to Nina on the promotion, I told Ludvík about it, Jens and Bo went hiking: a
    /// capitalized word inside a sentence written in small letters — a small word before it, and a
    /// small word or a punctuation mark after it — that a first-name list holds (the census's or
    /// the world's) and that is not among the 5,000 commonest English words. The tagger learned
    /// from tweets, where a lone first name of another country is rare, and passes over most.
    func listedFirstNamesInProse(_ bytes: [UInt8], besides found: [Detection]) -> [Detection] {
        guard let tagger else { return [] }
        var detections: [Detection] = []
        var index = 0
        while index < bytes.count {
            // A word that a space and a word in small letters stand before.
            guard let space = Self.next(0x20, in: bytes, from: index) else { break }
            index = space + 1
            guard index < bytes.count, space > 0 else { continue }
            // An ASCII small letter, digit or mark, or a character of three bytes (Chinese), begins no name here.
            let lead = bytes[index]
            guard lead < 0x80 ? ASCIIByte.isUppercase(lead) : lead < 0xE0 else { continue }
            guard Self.mayStartName(bytes, at: index), Self.isSmallLetterEnd(bytes, before: space),
                !Self.beforePlaceOrThing(bytes, before: space)
            else { continue }
            guard let word = Self.capitalizedWord(bytes, at: index) else { continue }
            index = word.upperBound
            let end = word.upperBound
            if end < bytes.count {
                let next = bytes[end]
                if next == 0x20 {
                    // A small word follows (not a name's second word, not a title's run of capitals).
                    guard end + 1 < bytes.count, ASCIIByte.isLowercase(bytes[end + 1]) else { continue }
                    var wordEnd = end + 1
                    while wordEnd < bytes.count, ASCIIByte.isLetter(bytes[wordEnd]) { wordEnd += 1 }
                    if Self.organizationHeads.contains(String(decoding: bytes[(end + 1)..<wordEnd], as: UTF8.self)) { continue }
                } else if ![0x2E, 0x2C, 0x21, 0x3F, 0x3B, 0x3A, 0x29, 0x0A, 0x0D].contains(next) {
                    continue
                }
            }
            let text = String(decoding: bytes[word], as: UTF8.self)
            guard !ambiguous.contains(text), !Self.titles.contains(text) else { continue }
            let listing = tagger.listing(of: text.lowercased())
            guard listing.first != nil || listing.last != nil, listing.rank.map({ $0 != "1" && $0 != "2" }) ?? true,
                !found.contains(where: { $0.range.overlaps(word) })
            else { continue }
            detections.append(person(word, names: [text], listedAs: text, rule: "en-listed-first", score: 0.55))
        }
        return detections
    }

    /// Θωμάς and Φαίδρα know …, I met Toni & Piergiuseppe: a capitalized word that "and" or "&"
    /// joins to a person of one word found, followed by a small word or a mark, that no list holds
    /// as a common English word. (Smith & Sons: sons is a common word.)
    func coordinatedNames(_ bytes: [UInt8], besides found: [Detection]) -> [Detection] {
        guard let tagger else { return [] }
        var detections: [Detection] = []
        for one in found where one.entity == .person && !bytes[one.range].contains(0x20) {
            for join in Self.coordinations where bytes[one.range.upperBound...].starts(with: join) {
                let start = one.range.upperBound + join.count
                guard start < bytes.count, Self.mayStartName(bytes, at: start), let word = Self.capitalizedWord(bytes, at: start) else { continue }
                let end = word.upperBound
                if end < bytes.count {
                    let next = bytes[end]
                    guard
                        next == 0x20
                            ? end + 1 < bytes.count && ASCIIByte.isLowercase(bytes[end + 1])
                            : [0x2E, 0x2C, 0x21, 0x3F, 0x3B, 0x3A, 0x29, 0x0A, 0x0D].contains(next)
                    else { continue }
                }
                let text = String(decoding: bytes[word], as: UTF8.self)
                guard !ambiguous.contains(text), !Self.titles.contains(text), tagger.rank(of: text.lowercased()).map({ $0 != "1" && $0 != "2" }) ?? true,
                    !found.contains(where: { $0.range.overlaps(word) }), !detections.contains(where: { $0.range == word })
                else { continue }
                detections.append(person(word, names: [text], listedAs: text, rule: "en-coordinated", score: 0.55))
            }
        }
        return detections
    }

    private static let coordinations: [[UInt8]] = [Array(" and ".utf8), Array(" & ".utf8)]

    /// Dario? yeah she's at …, Ossi, can you …: a first name a list holds that begins a line and
    /// calls someone (a question mark, a comma or an exclamation mark, then a word in small letters);
    /// … rather than the landline. Ramazan: one that ends the text after a sentence, its signature.
    func firstNamesAtLineEdges(_ bytes: [UInt8], besides found: [Detection]) -> [Detection] {
        guard let tagger else { return [] }
        var detections: [Detection] = []
        func add(_ word: Range<Int>) {
            let text = String(decoding: bytes[word], as: UTF8.self)
            guard !ambiguous.contains(text), !Self.titles.contains(text), !Self.personLabels.contains(text.lowercased()),
                firstNames[text] != nil || tagger.listing(of: text.lowercased()).first != nil,
                tagger.rank(of: text.lowercased()).map({ $0 != "1" && $0 != "2" }) ?? true,
                !found.contains(where: { $0.range.overlaps(word) })
            else { return }
            detections.append(person(word, names: [text], listedAs: text, rule: "en-listed-first", score: 0.6))
        }
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            var start = lineStart
            while start < lineEnd, bytes[start] == 0x20 { start += 1 }
            if start < lineEnd, Self.mayStartName(bytes, at: start), let word = Self.capitalizedWord(bytes, at: start), word.upperBound + 2 < lineEnd,
                [0x3F, 0x2C, 0x21].contains(bytes[word.upperBound]), bytes[word.upperBound + 1] == 0x20, ASCIIByte.isLowercase(bytes[word.upperBound + 2])
            {
                add(word)
            }
        }
        // The text's last word, after a sentence's end.
        var end = bytes.count
        while end > 0, [0x20, 0x0A, 0x0D, 0x2E, 0x21].contains(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A, end - start < 40 { start -= 1 }
        if start >= 2, start < end, bytes[start - 1] == 0x20, [0x2E, 0x21, 0x3F].contains(bytes[start - 2]), Self.mayStartName(bytes, at: start),
            let word = Self.capitalizedWord(bytes, at: start), word.upperBound == end
        {
            add(word)
        }
        return detections
    }

    /// Ref. Nistor/Doriana, SMITH/JOHN MR: a surname and a given name joined by a slash, as tickets
    /// and bookings write a passenger — the given name one a list holds, neither a common word.
    func slashedNames(_ bytes: [UInt8], besides found: [Detection]) -> [Detection] {
        guard let tagger else { return [] }
        var detections: [Detection] = []
        var index = 0
        while let slash = Self.next(0x2F, in: bytes, from: index) {
            index = slash + 1
            guard slash > 1, slash + 2 < bytes.count, bytes[slash - 1] != 0x20, Self.mayStartName(bytes, at: slash + 1),
                let given = Self.capitalizedWord(bytes, at: slash + 1) ?? Self.shoutedWord(bytes, at: slash + 1)
            else { continue }
            var start = slash
            while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x2F, slash - start < 40 { start -= 1 }
            guard Self.mayStartName(bytes, at: start), let surname = Self.capitalizedWord(bytes, at: start) ?? Self.shoutedWord(bytes, at: start),
                surname.upperBound == slash
            else { continue }
            // In capitals, a booking's title follows the given name (SMITH/JOHN MR), or its line ends:
            // POW/MIA is no passenger.
            if ASCIIByte.isUppercase(bytes[given.lowerBound]), given.count > 1, ASCIIByte.isUppercase(bytes[given.lowerBound + 1]) {
                let rest = bytes[given.upperBound...]
                guard rest.isEmpty || rest.first == 0x0A || [" MR", " MRS", " MS", " MISS", " MSTR", " DR"].contains(where: { rest.starts(with: $0.utf8) })
                else { continue }
            }
            let givenText = String(decoding: bytes[given], as: UTF8.self).lowercased()
            let surnameText = String(decoding: bytes[surname], as: UTF8.self).lowercased()
            let givenListed = firstNames[Self.listed(givenText)] != nil || tagger.listing(of: givenText).first != nil
            // A common word is no name unless a list holds it so (John, Smith): Yes/No, Input/Output.
            let common = { (word: String) in tagger.rank(of: word).map { $0 == "1" || $0 == "2" } ?? false }
            let surnameListed = lastNames[Self.listed(surnameText)] != nil || tagger.listing(of: surnameText).last != nil
            guard givenListed, !ambiguous.contains(Self.listed(givenText)), surnameListed || !common(surnameText),
                !found.contains(where: { $0.range.overlaps(surname.lowerBound..<given.upperBound) })
            else { continue }
            detections.append(person(surname, names: [String(decoding: bytes[surname], as: UTF8.self)], listedAs: surnameText, rule: "en-cued", score: 0.7))
            detections.append(person(given, names: [String(decoding: bytes[given], as: UTF8.self)], listedAs: givenText, rule: "en-cued", score: 0.7))
            index = given.upperBound
        }
        return detections
    }

    /// A word in capitals only (two letters at least) that begins at `start`, or nil.
    private static func shoutedWord(_ bytes: [UInt8], at start: Int) -> Range<Int>? {
        var end = start
        while end < bytes.count, ASCIIByte.isUppercase(bytes[end]) { end += 1 }
        return end - start >= 2 && (end == bytes.count || !ASCIIByte.isLetter(bytes[end])) ? start..<end : nil
    }

    /// The offset of the next `byte` at or after `start`, found with memchr.
    private static func next(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let found = memchr(buffer.baseAddress! + start, Int32(byte), buffer.count - start) else { return nil }
            return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Words after which a capitalized word is more often a place, a thing or a team than a person
    /// (the Belle of the Ball, in Viera, at Stetson, vs Everton, rue Rousseau), or which say the
    /// sentence is not English (o Pato, Vos en Haas).
    private static let placeOrThingWords: Set<[UInt8]> = Set(
        [
            "the", "a", "an", "this", "that", "these", "those", "of", "in", "at", "near",
            "from", "vs", "v", "into", "via", "around", "across", "outside", "inside", "o", "e", "en", "y", "et", "und", "van", "von", "de", "da",
            "do", "di", "la", "le", "el", "il", "les", "los", "las", "der", "die", "das", "het", "een", "um", "uma", "na", "no", "ng", "sa",
            "rue", "via", "calle", "rua", "strada", "chemin", "avenue", "boulevard", "ulica", "ul", "al", "aleja", "plac", "street", "road"
        ].map { Array($0.utf8) })

    /// Whether the word before `space` is one of `placeOrThingWords`.
    private static func beforePlaceOrThing(_ bytes: [UInt8], before space: Int) -> Bool {
        var start = space
        while start > 0, ASCIIByte.isLetter(bytes[start - 1]), space - start <= 8 { start -= 1 }
        return placeOrThingWords.contains(bytes[start..<space].map { $0 | 0x20 })
    }

    /// Whether the word that ends at `end` (exclusive) is written in small letters: ASCII ones, or
    /// two-byte ones (é, ı, д) in its last character.
    private static func isSmallLetterEnd(_ bytes: [UInt8], before end: Int) -> Bool {
        var start = end
        while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A, end - start < 24 { start -= 1 }
        guard start < end else { return false }
        let word = bytes[start..<end]
        return word.contains(where: ASCIIByte.isLowercase) && !word.contains(where: ASCIIByte.isUppercase) && !word.contains(where: ASCIIByte.isDigit)
            && word.allSatisfy { ASCIIByte.isLetter($0) || $0 >= 0x80 || $0 == 0x27 || $0 == 0x2D }
            && !(bytes[start] >= 0xC0 && mayStartName(bytes, at: start))
    }

    /// The word of letters that begins at `start` with a capital and goes on in small letters (two
    /// characters at least; inner hyphens and apostrophes allowed), or nil.
    private static func capitalizedWord(_ bytes: [UInt8], at start: Int) -> Range<Int>? {
        var decoder = UTF8()
        var iterator = bytes[start..<min(bytes.count, start + 64)].makeIterator()
        var end = start, characters = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            let width = UTF8.width(scalar)
            if characters > 0, scalar == "-" || scalar == "'" { end += width; characters += 1; continue }
            guard scalar.properties.isAlphabetic else { break }
            if characters > 0, !scalar.properties.isLowercase { return nil }
            if width > 2 { return nil }
            end += width
            characters += 1
        }
        while end > start, bytes[end - 1] == 0x2D || bytes[end - 1] == 0x27 { end -= 1 }
        return characters >= 2 && end > start ? start..<end : nil
    }
}
