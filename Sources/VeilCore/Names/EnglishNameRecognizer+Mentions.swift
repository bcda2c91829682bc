/// The other mentions of people a document names in full: "Okonkwo said" and "Ngozi laughed" after
/// "Ngozi Okonkwo", whichever rule or the tagger found the full name — a surname alone or a first
/// name alone, capitalized or in capitals. They link to the full name (PersonLinker), so all share
/// one pseudonym, and they outrank a place or word of the same spelling (Ngozi is also a town).
extension EnglishNameRecognizer {
    func laterMentions(in bytes: [UInt8], of found: [Detection]) -> [Detection] {
        var surnames = Set<String>(), givens = Set<String>()
        for detection in found where detection.attributes["form"] == "en-full" {
            if let surname = detection.attributes["surname"], surname.count > 1 { surnames.insert(surname) }
            if let given = detection.attributes["given"], given.count > 1 { givens.insert(given) }
        }
        givens.subtract(surnames)
        guard !surnames.isEmpty || !givens.isEmpty else { return [] }
        var covered = found.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        var detections: [Detection] = []
        for word in Self.alphabeticWords(in: bytes) {
            let first = word.text.unicodeScalars.first!
            guard first.properties.isUppercase else { continue }
            let rest = word.text.dropFirst()
            guard rest.allSatisfy({ !$0.isUppercase }) || rest.allSatisfy({ !$0.isLowercase }) else { continue }
            let lower = word.text.lowercased()
            let isSurname = surnames.contains(lower)
            guard isSurname || givens.contains(lower), !covered.contains(where: { $0.overlaps(word.range) }) else { continue }
            let attributes = isSurname ? ["form": "en-surname", "surname": lower] : ["form": "en-first", "given": lower]
            detections.append(Detection(range: word.range, entity: .person, score: 0.8, pluginID: pluginID,
                                        rule: isSurname ? "en-named-surname" : "en-named-first", canonical: lower, attributes: attributes))
            covered.append(word.range)
        }
        return detections
    }

    /// Runs of letters (any alphabet, with an inner apostrophe or hyphen), as byte ranges and text.
    static func alphabeticWords(in bytes: [UInt8]) -> [(range: Range<Int>, text: String)] {
        var words: [(range: Range<Int>, text: String)] = []
        let text = String(decoding: bytes, as: UTF8.self)
        var offset = 0, start = -1
        var current = String.UnicodeScalarView()
        var previousJoin = false
        func close() {
            if start >= 0, !current.isEmpty {
                var end = offset
                if previousJoin, let last = current.last { current.removeLast(); end -= UTF8.width(last) }
                words.append((start..<end, String(current)))
            }
            start = -1
            current = String.UnicodeScalarView()
            previousJoin = false
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic {
                if start < 0 { start = offset }
                current.append(scalar)
                previousJoin = false
            } else if (scalar == "'" || scalar == "-" || scalar == "’"), start >= 0, !previousJoin {
                current.append(scalar)
                previousJoin = true
            } else {
                close()
            }
            offset += UTF8.width(scalar)
        }
        close()
        return words
    }
}
