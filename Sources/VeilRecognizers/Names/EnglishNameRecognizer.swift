import Foundation
package import VeilCore
import VeilText

/// Finds Western personal names in English text from census name lists: a first name and a surname
/// ("Jane Smith", "Jane A. Smith"), a title and a name ("Mr. Smith", "Dr. Jane Smith"), a surname
/// alone once the document has named the person in full, or with the context of a person ("Smith,
/// 42,", "said Smith", "Smith said").
///
/// Names that are also common English words (Will, May, Grant, Young) count only next to another
/// name or after a title.
///
/// With `crf.tsv` and `ranks.tsv`, a trained tagger (``EnglishTagger``) also reads every line that
/// holds letters: names of any nationality, a first name alone in context ("Hi Margaret"),
/// lower-case and all-caps names.
package struct EnglishNameRecognizer: LineBreakAwareRecognizer {
    package let pluginID: String
    let firstNames: [String: (share: Double, sex: String)]
    let lastNames: [String: Double]
    let ambiguous: Set<String>
    var tagger: EnglishTagger?

    static let titles: Set<String> = [
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame", "Lady", "Lord", "Judge",
        "Officer", "Sergeant", "Sgt", "Captain", "Capt", "Detective", "Rev", "Reverend", "Father", "Sister"
    ]
    static let speechVerbs: Set<String> = ["said", "says", "told", "asked", "added", "explained", "recalled", "wrote", "replied"]

    /// The factory `recognizer: person-en` manifests use. Data: first.tsv, last.tsv, words.txt, and
    /// optionally the tagger's crf.tsv, ranks.tsv and world.tsv.
    package static let factory: PluginCode.RecognizerFactory = { input in
        let files = input.dataFiles
        guard files.count >= 3 else { throw RecognizerError(pluginID: input.manifest.id, message: "person-en needs data: first, last, words") }
        var first: [String: (Double, String)] = [:], firstShares: [String: Double] = [:]
        try WordList.forEachRow(files[0]) { _, row in
            guard row.count == 3 else { return }
            first[row[0]] = (Double(row[1]) ?? 0, row[2])
            firstShares[row[0].lowercased()] = Double(row[1]) ?? 0
        }
        var last: [String: Double] = [:], lastShares: [String: Double] = [:]
        try WordList.forEachRow(files[1]) { _, row in
            guard row.count == 2 else { return }
            last[row[0]] = Double(row[1]) ?? 0
            lastShares[row[0].lowercased()] = Double(row[1]) ?? 0
        }
        var recognizer = EnglishNameRecognizer(pluginID: input.manifest.id, firstNames: first, lastNames: last, ambiguous: Set(try WordList.read(files[2])))
        if let model = files.first(where: { $0.hasSuffix("crf.tsv") }), let rankFile = files.first(where: { $0.hasSuffix("ranks.tsv") }) {
            var ranks: [String: String] = [:]
            try WordList.forEachRow(rankFile) { _, row in if row.count == 2 { ranks[row[0]] = row[1] } }
            var worldFirst: [String] = [], worldLast: [String] = []
            if let world = files.first(where: { $0.hasSuffix("world.tsv") }) {
                try WordList.forEachRow(world) { _, row in
                    guard row.count == 2 else { return }
                    // Bytes, not Foundation's String search: the list has two hundred thousand rows.
                    if row[1].utf8.contains(UInt8(ascii: "F")) { worldFirst.append(row[0]) }
                    if row[1].utf8.contains(UInt8(ascii: "L")) { worldLast.append(row[0]) }
                }
            }
            recognizer.tagger = EnglishTagger(
                tagger: try NameTagger.read(model, templates: EnglishTagger.templates, groups: [], key: { EnglishTagger.key(template: $0, $1) }),
                firstShares: firstShares, lastShares: lastShares, ranks: ranks, worldFirst: worldFirst, worldLast: worldLast)
        }
        // The cues' automaton is built with the rest of start-up, not by the first document.
        _ = Self.cueAutomaton
        return recognizer
    }

    package func recognize(_ document: DocumentText) throws -> [Detection] {
        let bytes = document.bytes
        // A person is written in letters, of any alphabet but Chinese characters (the last line
        // keeps no other): a text without one (an answer in Chinese, a number) is passed over
        // before its set-up, which is most of what a short one costs.
        guard Self.holdsLetter(bytes[...]) else { return [] }
        // Whole words only: not Ho of Hoàng, whose next letter is beyond ASCII.
        let words = LatinWord.words(in: bytes).filter {
            ($0.range.upperBound == bytes.count || bytes[$0.range.upperBound] < 0x80) && ($0.range.lowerBound == 0 || bytes[$0.range.lowerBound - 1] < 0x80)
        }
        let gap = { (a: LatinWord, b: LatinWord) in String(decoding: bytes[a.range.upperBound..<b.range.lowerBound], as: UTF8.self) }
        var detections: [Detection] = []
        var used = Set<Int>()
        var index = 0
        while index < words.count {
            defer { index += 1 }
            let word = words[index]
            guard word.isCapitalized, !word.isAllCaps else { continue }
            let afterTitle = index > 0 && Self.titles.contains(words[index - 1].text) && [". ", " "].contains(gap(words[index - 1], word))
            // First [Initial.] Last
            if firstNames[word.text] != nil, index + 1 < words.count {
                var lastIndex = index + 1
                if words[lastIndex].text.count == 1, words[lastIndex].isCapitalized, gap(word, words[lastIndex]) == " ",
                    lastIndex + 1 < words.count, gap(words[lastIndex], words[lastIndex + 1]) == ". "
                {
                    lastIndex += 1
                }
                let last = words[lastIndex]
                let separator = gap(words[lastIndex - 1], last)
                if last.isCapitalized, !last.isAllCaps, separator == " " || separator == ". ", lastNames[last.text] != nil,
                    !(ambiguous.contains(word.text) && ambiguous.contains(last.text) && !afterTitle)
                {
                    detections.append(full(word.range.lowerBound..<last.range.upperBound, first: word.text, last: last.text, score: afterTitle ? 0.85 : 0.75))
                    used.formUnion(index...lastIndex)
                    index = lastIndex
                    continue
                }
            }
            // Title Surname
            if afterTitle, lastNames[word.text] != nil || firstNames[word.text] != nil {
                detections.append(surnameOnly(word, score: 0.8))
                used.insert(index)
            }
        }
        // Surnames alone: of people named in full here, or in a person's context.
        let named = Set(detections.compactMap { $0.facts.surname })
        for (position, word) in words.enumerated() where !used.contains(position) && word.isCapitalized && !word.isAllCaps {
            let lower = word.text.lowercased()
            if named.contains(lower) { detections.append(surnameOnly(word, score: 0.7)); continue }
            guard lastNames[word.text] != nil, !ambiguous.contains(word.text), firstNames[word.text] == nil || lastNames[word.text]! > 0.05 else { continue }
            let next = position + 1 < words.count ? words[position + 1] : nil
            let previous = position > 0 ? words[position - 1] : nil
            let age = next.map { gap(word, $0) == ", " && $0.range.lowerBound < bytes.count } ?? false && Self.ageFollows(bytes, after: word.range.upperBound)
            let saidAfter = next.map { Self.speechVerbs.contains($0.text) && gap(word, $0) == " " } ?? false
            let saidBefore = previous.map { Self.speechVerbs.contains($0.text) && gap($0, word) == " " } ?? false
            if age || saidAfter || saidBefore { detections.append(surnameOnly(word, score: 0.65)) }
        }
        detections += labelledPeople(document)
        detections += cuedPeople(document)
        if let tagger { detections += taggedPeople(bytes, tagger: tagger, besides: detections) }
        detections += listedFirstNamesInProse(bytes, besides: detections)
        detections += firstNamesAtLineEdges(bytes, besides: detections)
        detections += slashedNames(bytes, besides: detections)
        detections += otherAlphabetPeople(in: bytes, besides: detections)
        detections += coordinatedNames(bytes, besides: detections)
        detections = grown(droppingLabelsOfNames(detections, in: bytes), in: bytes)
        detections += laterMentions(in: bytes, of: detections)
        return droppingOrganizations(detections, in: bytes).filter { Self.holdsLetter(bytes[$0.range]) }
    }

    /// A name runs on across a wrap only between the characters names are written in: letters
    /// (not Chinese characters), and a hyphen, an apostrophe, a dot or a space before the break
    /// (Jean-\nLuc), a space after it.
    package func mayRunAcross(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        let isLetter = { (scalar: Unicode.Scalar) in Self.isAlphabetic(scalar) && !scalar.isHan }
        return (isLetter(before) || "-'’. ".unicodeScalars.contains(before)) && (isLetter(after) || after == " ")
    }

    /// Whether `bytes` (valid UTF-8) hold a letter other than a Chinese character.
    static func holdsLetter(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.contains(where: ASCIIByte.isLetter) { return true }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { isAlphabetic($0) && !$0.isHan }
    }

    /// `detections` without a one-word person that no first-name list (census or world) holds and
    /// that a colon and another person follow (Referrer: Bruno Dunal): a label the chat-speaker rule
    /// took for a name no list knows. A first name there is a speaker (Ngozi: Margaret said …).
    func droppingLabelsOfNames(_ detections: [Detection], in bytes: [UInt8]) -> [Detection] {
        let starts = Set(detections.lazy.filter { $0.entity == .person }.map(\.range.lowerBound))
        return detections.filter { detection in
            let end = detection.range.upperBound
            guard detection.entity == .person, end + 2 < bytes.count, bytes[end] == 0x3A, bytes[end + 1] == 0x20,
                starts.contains(end + 2), !bytes[detection.range].contains(0x20)
            else { return true }
            let word = String(decoding: bytes[detection.range], as: UTF8.self)
            return isFirstName(word)
        }
    }

    /// The people the tagger finds line by line that the rules did not: not @handles (the handle
    /// plugin has them), not words in Chinese characters (person-zh's). Scored at most 0.7, below
    /// the rules of every name plugin: where person-pinyin reads "Lu Libing" too, its finding (and
    /// its link to 卢立兵) wins.
    private func taggedPeople(_ bytes: [UInt8], tagger: EnglishTagger, besides found: [Detection]) -> [Detection] {
        var detections: [Detection] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            // A line with fewer than two words of Latin letters, or where they are a small share of
            // the line (a Chinese post with a QQ number and an e-mail address), is not English text.
            guard Self.readsAsLatinText(bytes[lineStart..<lineEnd]) else { continue }
            var scalars: [Unicode.Scalar] = [], offsets: [Int] = []
            var offset = lineStart
            for scalar in String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self).unicodeScalars {
                scalars.append(scalar)
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            for span in tagger.people(in: scalars) where span.confidence >= 0.5 {
                var tokens = span.tokens
                // Sanna Korhonen @ Lindqvist: "@" for "at" ends the name before the firm.
                if let at = tokens.dropFirst().firstIndex(where: { $0.count == 1 && scalars[$0.lowerBound] == "@" }) { tokens = Array(tokens[..<at]) }
                var words = tokens.map { String(String.UnicodeScalarView(scalars[$0])) }
                guard let firstWord = words.first, !firstWord.hasPrefix("@"), !firstWord.hasPrefix("#"),
                    words.allSatisfy({ $0.unicodeScalars.contains { $0.properties.isAlphabetic } }),
                    // No name has a digit (IBAN DE42550258423981688255 read as one is an account).
                    !words.contains(where: { $0.utf8.contains(where: ASCIIByte.isDigit) }),
                    // A form's label (Kontoinhaber:, Beneficiario:) names the field, not a person.
                    !(words.count == 1 && Self.personLabels.contains(firstWord.lowercased())),
                    !words.contains(where: { $0.unicodeScalars.contains(where: \.isHan) })
                else { continue }
                var range = offsets[span.range.lowerBound]..<offsets[tokens.last?.upperBound ?? span.range.upperBound]
                // Giảng viên, Elemző közgazdász: a job's title, whose later words are not capitalized
                // as a name's are and no name list holds (Aimée van den Hoek's particles and Jane Da
                // costa's surname are). The name ends before such a word (Poor Jimmy xD); a first
                // word no first-name list holds is no name, nor a clause that goes on in capitals
                // after a word English does not use (Bitte rufen Sie …; Heather of Walls is Heather).
                if firstWord.unicodeScalars.first?.properties.isUppercase == true,
                    let cut = words.indices.dropFirst().first(where: { index in
                        let word = words[index]
                        guard word.unicodeScalars.first?.properties.isLowercase == true, !Self.nameParticles.contains(word) else { return false }
                        let listing = tagger.listing(of: word)
                        return listing.first == nil && listing.last == nil
                    })
                {
                    guard cut > 1 || isFirstName(firstWord),
                        isCommonWord(words[cut]) || !words[cut...].contains(where: { $0.unicodeScalars.first?.properties.isUppercase == true })
                    else { continue }
                    words = Array(words[..<cut])
                    range = range.lowerBound..<offsets[tokens[cut - 1].upperBound]
                }
                guard !found.contains(where: { $0.range.overlaps(range) }) else { continue }
                let names = words.filter { $0.unicodeScalars.first.map { ($0.properties.isAlphabetic) } ?? false }
                detections.append(person(range, names: names, listedAs: names.first ?? "", rule: "en-tagged", score: 0.5 + 0.2 * Double(span.confidence)))
            }
        }
        return detections
    }

    /// Whether a line is written in an alphabet: two words of two ASCII letters or more, and more
    /// letters of alphabets (ASCII, and the two-byte scripts: accented Latin, Greek, Cyrillic —
    /// Kovács, Δαμιανή) than characters of the three-byte ones (Chinese, Japanese, Korean: a
    /// Chinese post with a QQ number and an e-mail address is not English text).
    static func readsAsLatinText(_ line: ArraySlice<UInt8>) -> Bool {
        var words = 0, letters = 0, run = 0, other = 0
        for byte in line {
            if ASCIIByte.isLetter(byte) {
                letters += 1
                run += 1
                if run == 2 { words += 1 }
            } else {
                run = 0
                if byte >= 0xE0 { other += 1 } else if byte >= 0xC2 { letters += 1 }
            }
        }
        return words >= 2 && letters > other * 2
    }

    /// ", 42," after a word.
    static func ageFollows(_ bytes: [UInt8], after offset: Int) -> Bool {
        var index = offset + 2
        var digits = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { digits += 1; index += 1 }
        return (1...3).contains(digits) && index < bytes.count && bytes[index] == 0x2C
    }

    private func full(_ range: Range<Int>, first: String, last: String, score: Double) -> Detection {
        person(range, names: [first, last], listedAs: first, rule: "en-full", score: score)
    }

    /// A person named by `names` (as written): the canonical value and the attributes linking and
    /// pseudonyms read — the form (a full name, or one word read as a first name or a surname by
    /// how the lists hold `listedAs`), surname and given name.
    func person(_ range: Range<Int>, names: [String], listedAs key: String, rule: String, score: Double) -> Detection {
        let lower = names.map { $0.lowercased() }
        let form: PersonForm = names.count >= 2 ? .englishFull : firstNames[key] != nil && lastNames[key] == nil ? .englishFirst : .englishSurname
        return Detection(
            range: range, entity: .person, score: score, pluginID: pluginID, rule: rule, canonical: lower.joined(separator: " "),
            facts: MentionFacts(personForm: form, surname: lower.last ?? "", givenName: names.count >= 2 ? lower[0] : ""))
    }

    private func surnameOnly(_ word: LatinWord, score: Double) -> Detection {
        Detection(
            range: word.range, entity: .person, score: score, pluginID: pluginID, rule: "en-surname", canonical: word.text.lowercased(),
            facts: MentionFacts(personForm: .englishSurname, surname: word.text.lowercased()))
    }
}

extension EnglishNameRecognizer: SurrogateProvidingRecognizer {
    package var surrogateID: String { EnglishNameSurrogate.generatorID }

    package func makeSurrogate() -> any SurrogateGenerator {
        EnglishNameSurrogate(
            firstNames: firstNames.filter { $0.value.share >= 0.02 }.map { ($0.key, $0.value.sex) }.sorted { $0.0 < $1.0 },
            lastNames: lastNames.filter { $0.value >= 0.005 }.map(\.key).sorted())
    }
}

/// Western names: a common first name of the same sex and a common surname, written in the
/// mention's form (full name, surname alone, middle initial kept in place).
package struct EnglishNameSurrogate: SurrogateGenerator {
    package static let generatorID = "person-en"
    package let id = generatorID
    package let examples: [String] = []
    let firstNames: [(String, String)]
    let lastNames: [String]

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let parts = canonical.split(separator: " ").map(String.init)
        // A first name alone (Hi Margaret) becomes another first name of the same sex.
        if parts.count == 1, let sex = firstNames.first(where: { $0.0.lowercased() == parts[0] })?.1,
            !lastNames.contains(where: { $0.lowercased() == parts[0] })
        {
            return pick(firstNames.filter { $0.1.contains(sex.prefix(1)) && $0.0.lowercased() != parts[0] }.map(\.0), &random)
        }
        let newLast = pick(lastNames.filter { $0.lowercased() != parts.last }, &random)
        guard parts.count >= 2 else { return newLast }
        let sex = firstNames.first { $0.0.lowercased() == parts[0] }?.1 ?? "MF"
        let pool = firstNames.filter { $0.1.contains(sex.prefix(1)) && $0.0.lowercased() != parts[0] }.map(\.0)
        return pick(pool, &random) + " " + newLast
    }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String {
        // In the mention's case: JOHN WILLIAMS, margaret smith.
        let letters = mention.filter(\.isLetter)
        let written = renderForm(surrogate, canonical: canonical, mention: mention)
        if letters.count > 1, letters.allSatisfy(\.isUppercase) { return written.uppercased() }
        if !letters.isEmpty, letters.allSatisfy(\.isLowercase) { return written.lowercased() }
        return written
    }

    private func renderForm(_ surrogate: String, canonical: String, mention: String) -> String {
        let new = surrogate.split(separator: " ").map(String.init)
        let words = mention.split(separator: " ").map(String.init)
        guard let newLast = new.last else { return surrogate }
        // A first name alone (Ngozi, after Ngozi Okonkwo) becomes the pseudonym's first name.
        if words.count == 1, new.count >= 2, let given = canonical.split(separator: " ").first,
            words[0].lowercased() == given, !canonical.hasSuffix(" " + given)
        {
            return new[0]
        }
        if words.count == 1 { return newLast }
        if words.count == 3, let first = new.first { return first + " " + words[1] + " " + newLast }
        return surrogate
    }

    private func pick(_ items: [String], _ random: inout SurrogateRandom) -> String {
        items.isEmpty ? "Smith" : items[random.next(below: min(items.count, 65_536))]
    }
}
