import Foundation
import VeilCore

/// Names in Cyrillic or Greek letters inside text of another alphabet: two or three capitalized
/// words of one of those alphabets side by side (2024-01-05,Олег Красильников,+7 …; Αμφιθέα
/// Πετρόπουλος from …), with no word of that alphabet one space before or after them. In a sentence of
/// the same alphabet (Вчера Олег сказал) capitals begin sentences and name things; inside English,
/// a CSV row or a form, a pair of them is a person as often as anything.
extension EnglishNameRecognizer {
    /// Scores below the rules' names and the tagger's (0.7): a place of the same spelling outranks it.
    static let otherAlphabetScore = 0.6

    func otherAlphabetPeople(in bytes: [UInt8], besides found: [Detection]) -> [Detection] {
        // Cyrillic and Greek letters take two bytes whose lead is 0xCE-0xD3 (U+0380-U+04FF).
        guard Self.holdsCyrillicOrGreek(bytes) else { return [] }
        var detections: [Detection] = []
        let words = Self.alphabetWords(in: bytes)
        var index = 0
        while index < words.count {
            defer { index += 1 }
            guard words[index].isCapitalized, let script = words[index].script else { continue }
            // The run of capitalized words of one alphabet, one space apart.
            var end = index
            while end + 1 < words.count, end - index < 2, words[end + 1].script == script, words[end + 1].isCapitalized,
                words[end + 1].range.lowerBound == words[end].range.upperBound + 1, bytes[words[end].range.upperBound] == 0x20
            { end += 1 }
            defer { index = end }
            guard end > index else { continue }
            // No word of the same alphabet touching the run (a sentence in that language).
            let before = index > 0 ? words[index - 1] : nil, after = end + 1 < words.count ? words[end + 1] : nil
            if let before, before.script == script, words[index].range.lowerBound - before.range.upperBound == 1 { continue }
            if let after, after.script == script, after.range.lowerBound - words[end].range.upperBound == 1 { continue }
            let range = words[index].range.lowerBound..<words[end].range.upperBound
            guard !found.contains(where: { $0.range.overlaps(range) }) else { continue }
            let names = words[index...end].map { String(decoding: bytes[$0.range], as: UTF8.self) }
            detections.append(person(range, names: names, listedAs: names[0], rule: "en-alphabet", score: Self.otherAlphabetScore))
        }
        return detections
    }

    /// Whether a lead byte of a Cyrillic or Greek letter (0xCE-0xD3) stands in `bytes`: one C
    /// library search per lead byte, which reads many bytes per instruction (every document is
    /// asked, and most have none).
    static func holdsCyrillicOrGreek(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            return (Int32(0xCE)...Int32(0xD3)).contains { memchr(base, $0, raw.count) != nil }
        }
    }

    /// Unicode's Alphabetic property, without its table for the commonest scalars: ASCII and the
    /// CJK Unified Ideographs (all alphabetic).
    @inline(__always) static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// A word of letters in a document, the alphabet of its first letter (Cyrillic or Greek, else
    /// nil) and whether it is written as a name (a capital, then small letters).
    struct AlphabetWord {
        enum Script { case cyrillic, greek }
        let range: Range<Int>
        let script: Script?
        let isCapitalized: Bool
    }

    /// The words of `bytes`: runs of letters (of any alphabet) with inner apostrophes, hyphens and ʼ.
    static func alphabetWords(in bytes: [UInt8]) -> [AlphabetWord] {
        var words: [AlphabetWord] = []
        var start: Int?
        var scalars: [Unicode.Scalar] = []
        var offset = 0
        func close(at end: Int) {
            if let wordStart = start, let first = scalars.first {
                let script: AlphabetWord.Script? =
                    (0x0400...0x04FF).contains(first.value)
                    ? .cyrillic
                    : (0x0370...0x03FF).contains(first.value) || (0x1F00...0x1FFF).contains(first.value) ? .greek : nil
                // Only a Cyrillic or Greek word's capitals are ever asked about (a run of Chinese
                // characters is a word too, and the commonest).
                var capitalized = false
                if script != nil {
                    let rest = scalars.dropFirst().filter(\.properties.isAlphabetic)
                    capitalized = first.properties.isUppercase && rest.count >= 1 && rest.allSatisfy { $0.properties.isLowercase || !$0.properties.isUppercase }
                }
                words.append(AlphabetWord(range: wordStart..<end, script: script, isCapitalized: capitalized))
            }
            start = nil
            scalars.removeAll(keepingCapacity: true)
        }
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let width = UTF8.width(scalar)
            if Self.isAlphabetic(scalar) || (start != nil && (scalar == "'" || scalar == "-" || scalar == "ʼ")) {
                if start == nil { start = offset }
                scalars.append(scalar)
            } else {
                close(at: offset)
            }
            offset += width
        }
        close(at: offset)
        return words
    }
}
