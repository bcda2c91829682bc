import Foundation
package import VeilCore
package import VeilText

/// Finds the places of a gazetteer in one automaton pass: full names, short forms and romanized
/// forms (these last only capitalized, on word boundaries).
///
/// A name that several places share (吉林 the province and the city) is given to the place whose
/// relatives the document also mentions, else to the higher-level one. A place name that begins an
/// institution's name (北京师范大学, Beijing Normal University) is not reported as a place.
package struct GazetteerRecognizer: PlaceRecognizer {
    package let pluginID: String
    package let gazetteer: Gazetteer
    let entity: EntityType
    let scores: [Gazetteer.Form: Double]
    /// The score of a county's short form with evidence that it is a place: a relative (its
    /// prefecture, its province, one of its towns) named in the same document, or a cue such as
    /// 在/去/来自 before it or 人/县城 after it. Without evidence it scores ``unsupportedScore``,
    /// below the usual threshold: many county names are also words, names or idioms (金牛, 天长, 吉利).
    let countyShortScore: Double
    let unsupportedScore = 0.45
    /// The score of a county's romanized name (Yudu): below the other romanized forms, so a person's
    /// name in pinyin that happens to spell one wins.
    let countyLatinScore: Double
    private let names: PlaceNames
    private let automaton: AhoCorasick
    /// Chinese institution words, as UTF-8.
    private let institutionWords: [[UInt8]]
    private let latinInstitutionWords: Set<String>
    /// Ordinary words: a place name that one of them overlaps (通化 in 普通化学) is not a place.
    private let commonWords: AhoCorasick?
    /// The entries of `names` that are a county written with another kind (赣县 for 赣县区).
    private let variantEntries: Set<Int>

    /// The factory `recognizer: gazetteer` manifests use. Data: the places TSV, then optionally a
    /// file of institution words (one per line; Latin ones are matched as whole words), then
    /// optionally a file of common words (one per line, anything after a tab ignored).
    package static let factory: PluginCode.RecognizerFactory = { input in
        guard let placesFile = input.dataFiles.first else {
            throw RecognizerError(pluginID: input.manifest.id, message: "the gazetteer recognizer needs a places file in 'data'")
        }
        let gazetteer = try Gazetteer(contentsOf: placesFile)
        let institutions = input.dataFiles.count > 1 ? try WordList.read(input.dataFiles[1]) : []
        let common = input.dataFiles.count > 2 ? try AhoCorasick.wordList(input.dataFiles[2]) : nil
        let options = input.manifest.options
        return GazetteerRecognizer(
            pluginID: input.manifest.id, gazetteer: gazetteer, entity: input.manifest.entities.first ?? .location,
            scores: [
                .full: Double(options["score_full"] ?? "") ?? 0.85, .short: Double(options["score_short"] ?? "") ?? 0.8,
                .latin: Double(options["score_latin"] ?? "") ?? 0.75
            ],
            countyShortScore: Double(options["score_county_short"] ?? "") ?? 0.7,
            countyLatinScore: Double(options["score_county_latin"] ?? "") ?? 0.6, institutionWords: institutions,
            commonWords: common)
    }

    package init(
        pluginID: String, gazetteer: Gazetteer, entity: EntityType, scores: [Gazetteer.Form: Double], countyShortScore: Double,
        countyLatinScore: Double = 0.6, institutionWords: [String], commonWords: AhoCorasick? = nil
    ) {
        self.pluginID = pluginID
        self.gazetteer = gazetteer
        self.entity = entity
        self.scores = scores
        self.countyShortScore = countyShortScore
        self.countyLatinScore = countyLatinScore
        let commonWords = commonWords.flatMap { $0.count == 0 ? nil : $0 }
        // Every name of every place — full, short, romanized — as bytes, in the order of the
        // places' ids, with how it writes its place; then the county variants. Names are grouped
        // by sorting their bytes (no dictionary of strings: a gazetteer has a hundred thousand
        // names, hashed and compared as strings at every start-up they cost more than the rest).
        var names = PackedWords()
        var nameForms: [Gazetteer.Form] = [], namePlaces: [Int32] = []
        let ordered = gazetteer.placesInIDOrder
        for (number, place) in ordered.enumerated() {
            // A place with no name in Chinese characters (a town abroad) has its Latin name as its
            // full name: it is read as a Latin form, whole words in their case.
            let fullForm: Gazetteer.Form = place.full.unicodeScalars.contains(where: \.isHan) ? .full : .latin
            names.append(place.full)
            nameForms.append(fullForm)
            for short in place.short {
                names.append(short)
                nameForms.append(.short)
            }
            for latin in place.latin {
                names.append(latin)
                nameForms.append(.latin)
            }
            namePlaces += repeatElement(Int32(number), count: 1 + place.short.count + place.latin.count)
        }
        // A county-level place written with its former or another kind (南康市 for 南康区, 赣县 for
        // 赣县区' old name, 秀英县): the same place where no place has that name itself, nor is it
        // an ordinary word.
        let placeNames = names.sortedIndices()
        let placeNameCount = names.count
        for (number, place) in ordered.enumerated() where place.level == .county {
            let scalars = Array(place.full.unicodeScalars)
            guard scalars.count >= 3, let kind = scalars.last, Self.countyKinds.contains(kind) else { continue }
            let stem = String(String.UnicodeScalarView(scalars.dropLast()))
            for other in Self.countyKinds where other != kind {
                let variant = Array((stem + String(other)).utf8)
                guard !names.contains(variant, sortedIndices: placeNames),
                    !(commonWords?.occurrences(in: variant).contains { $0.range == variant.indices } ?? false)
                else { continue }
                names.append(variant)
                nameForms.append(.full)
                namePlaces.append(Int32(number))
            }
        }
        // In the order of the names' bytes (that of their scalars: the names are NFC); a name's
        // places in the order of their ids, its form that of its first place's.
        var forms: [(text: String, form: Gazetteer.Form, places: [Int32])] = []
        var variantEntries: Set<Int> = []
        let sorted = names.sortedIndices()
        var first = 0
        while first < sorted.count {
            var end = first + 1
            while end < sorted.count, names[sorted[end]] == names[sorted[first]] { end += 1 }
            var places: [Int32] = []
            for name in sorted[first..<end] where !places.contains(namePlaces[name]) { places.append(namePlaces[name]) }
            if sorted[first] >= placeNameCount { variantEntries.insert(forms.count) }
            forms.append((String(decoding: names[sorted[first]], as: UTF8.self), nameForms[sorted[first]], places))
            first = end
        }
        self.names = PlaceNames(forms, ids: ordered.map(\.id))
        self.variantEntries = variantEntries
        self.automaton = AhoCorasick(words: forms.map(\.text))
        self.institutionWords = institutionWords.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }.map { Array($0.utf8) }
        self.latinInstitutionWords = Set(institutionWords.filter { $0.unicodeScalars.allSatisfy(\.isASCII) })
        self.commonWords = commonWords
    }

    package func recognize(_ document: DocumentText) throws -> [Detection] {
        let view = document.view(.fullwidth)
        let bytes = view.bytes
        var hits: [(range: Range<Int>, entry: Int)] = []
        for occurrence in automaton.occurrences(in: bytes) {
            let form = names.form(occurrence.word)
            let range = occurrence.range
            if form == .latin {
                // Whole words only (checked first: most hits of a town's name are inside a longer
                // word), in case as written in the list or all capitals.
                if range.lowerBound > 0, LexiconRecognizer.isWordByte(bytes[range.lowerBound - 1]) { continue }
                if range.upperBound < bytes.count, LexiconRecognizer.isWordByte(bytes[range.upperBound]) { continue }
                let written = String(decoding: bytes[range], as: UTF8.self)
                let text = names.text(occurrence.word)
                guard written == text || written == text.uppercased() else { continue }
                if startsLatinInstitution(bytes, after: range.upperBound) { continue }
            } else if startsInstitution(bytes, after: range.upperBound) {
                continue
            }
            // 新兴市场: a county's other kind (新兴市) whose kind starts a word is that word.
            if variantEntries.contains(occurrence.word), startsWord(at: range.upperBound - 3, in: bytes) { continue }
            hits.append((range, occurrence.word))
        }
        hits = droppingPartsOfWords(hits, in: bytes)
        // Places the document names unambiguously (each with its ancestors, counted once per hit),
        // to settle the ambiguous ones and to support county short forms.
        var mentionCounts: [String: Int] = [:]
        for hit in hits where names.placeCount(hit.entry) == 1 {
            for place in gazetteer.ancestry(of: names.places(hit.entry)[0]) { mentionCounts[place.id, default: 0] += 1 }
        }
        let mentioned = Set(mentionCounts.keys)
        return hits.map { hit in
            let entry = (form: names.form(hit.entry), places: names.places(hit.entry))
            let place = choose(entry.places, mentioned: mentioned)
            let level = gazetteer.level(of: place) ?? .county
            var score = scores[entry.form] ?? 0.8
            if entry.form == .latin && level == .county { score = countyLatinScore }
            if entry.form == .short && level == .county {
                // An ancestor named by another hit too (this hit counts its own ancestors once).
                let own = entry.places.count == 1 ? 1 : 0
                let related = gazetteer.ancestry(of: place).dropFirst().contains { (mentionCounts[$0.id] ?? 0) > own && $0.level != .country }
                let known = gazetteer.isWellKnown(place)
                score = related || known || hasPlaceCue(bytes, around: hit.range) ? countyShortScore : unsupportedScore
            }
            // A short form written with a kind of place of its own (香港市, 秀英县, 关岭市: the kind
            // mistaken or left as spoken) is a place as surely as its full name.
            var range = hit.range
            if entry.form == .short, range.upperBound + 3 <= bytes.count,
                Self.placeKinds.contains(where: { bytes[range.upperBound..<range.upperBound + 3].elementsEqual($0) }),
                !startsWord(at: range.upperBound, in: bytes)
            {
                range = range.lowerBound..<range.upperBound + 3
                score = max(score, scores[.full] ?? 0.85)
            }
            return Detection(
                range: view.originalRange(range), entity: entity, score: score, pluginID: pluginID, rule: entry.form.rawValue,
                canonical: place, facts: MentionFacts(placeForm: entry.form))
        }
    }

    /// Whether an ordinary word of two characters or more starts at byte `offset` (市场 of 香港市场,
    /// 市委 of 锡山市委): the kind of place there is that word's.
    private func startsWord(at offset: Int, in bytes: [UInt8]) -> Bool {
        guard let commonWords else { return false }
        let window = offset..<min(bytes.count, offset + commonWords.longestWord)
        return commonWords.occurrences(in: bytes, within: window).contains { $0.range.lowerBound == offset && $0.range.count >= 6 }
    }

    /// The kinds a county-level place is written with.
    static let countyKinds: [Unicode.Scalar] = ["县", "区", "市"]

    /// The one-character kinds of an administrative place (省, 市, 县 …).
    static let placeKinds = ["省", "市", "县", "区"].map { Array($0.utf8) }

    /// Characters a place often follows, which also start words (在于, 到达, 去年): such a word
    /// running into a full place name does not make the name part of it.
    static let cueCharacters = ["在", "到", "去", "回", "住", "从", "往", "赴", "至", "于"].map { Array($0.utf8) }

    static let cuesBefore = ["在", "去", "到", "回", "住", "来自", "位于", "前往", "返回", "赴", "老家", "家乡", "从"].map { Array($0.utf8) }
    static let cuesAfter = ["人", "县城", "老家", "市区", "城区", "农村", "乡下", "一带", "地区", "境内"].map { Array($0.utf8) }

    /// Whether a place cue stands right before or right after the hit.
    private func hasPlaceCue(_ bytes: [UInt8], around range: Range<Int>) -> Bool {
        let before = bytes[..<range.lowerBound], after = bytes[range.upperBound...]
        return Self.cuesBefore.contains { before.suffix($0.count).elementsEqual($0) }
            || Self.cuesAfter.contains { after.prefix($0.count).elementsEqual($0) }
    }

    /// Drops Chinese hits whose start an ordinary word crosses, or that one contains (通化 in 普通化学).
    private func droppingPartsOfWords(_ hits: [(range: Range<Int>, entry: Int)], in bytes: [UInt8]) -> [(range: Range<Int>, entry: Int)] {
        guard let commonWords, !hits.isEmpty else { return hits }
        return hits.filter { hit in
            guard names.form(hit.entry) != .latin else { return true }
            let range = hit.range
            // Words starting up to 12 bytes (four characters) before the hit can reach into it; only
            // the bytes such words can span are searched.
            let window = max(0, range.lowerBound - 12)..<min(bytes.count, range.upperBound + commonWords.longestWord)
            for word in commonWords.occurrences(in: bytes, within: window).lazy.map(\.range) where word.lowerBound < range.upperBound {
                if word == range || word.upperBound <= range.lowerBound { continue }
                // A word that starts before the name and ends inside it (普[通]化学) or contains it
                // means the name's first character belongs to another word. A word crossing only the
                // end (中国[人]民 → 国人) says little: Chinese words run on from names all the time.
                // (Not a word of a place cue, 在于 of 在于都县, before a full name of three characters.)
                let crossesStart =
                    word.lowerBound < range.lowerBound && word.upperBound < range.upperBound
                    && !(names.form(hit.entry) == .full && range.count >= 9
                        && Self.cueCharacters.contains { bytes[word.lowerBound..<range.lowerBound].elementsEqual($0) })
                let contains = word.lowerBound <= range.lowerBound && word.upperBound >= range.upperBound
                if crossesStart || contains { return false }
            }
            return true
        }
    }

    private func choose(_ candidates: [String], mentioned: Set<String>) -> String {
        if candidates.count == 1 { return candidates[0] }
        // The candidate under a place the document names (南山区 after 深圳市): below the country,
        // which every candidate shares.
        if let related = candidates.first(where: { candidate in
            gazetteer.ancestry(of: candidate).dropFirst().contains { $0.level != .country && mentioned.contains($0.id) }
        }) {
            return related
        }
        return candidates.min { (gazetteer.level(of: $0) ?? .county, $0) < (gazetteer.level(of: $1) ?? .county, $1) } ?? candidates[0]
    }

    /// Whether an institution word follows within four Chinese characters (北京[师范]大学).
    private func startsInstitution(_ bytes: [UInt8], after offset: Int) -> Bool {
        guard !institutionWords.isEmpty else { return false }
        let end = ContextRule.advance(from: offset, characters: 6, in: bytes)
        var start = offset
        for _ in 0...4 {
            for word in institutionWords where start + word.count <= end && bytes[start..<start + word.count].elementsEqual(word) { return true }
            // Only Chinese characters may stand between the place and the institution word.
            guard start < end else { return false }
            let lead = bytes[start]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var iterator = bytes[start..<min(start + length, end)].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isIdeographic else { return false }
            start += length
        }
        return false
    }

    /// Whether up to three capitalized words and then an institution word follow (Beijing Normal University).
    private func startsLatinInstitution(_ bytes: [UInt8], after offset: Int) -> Bool {
        guard !latinInstitutionWords.isEmpty else { return false }
        let end = min(bytes.count, offset + 80)
        var start = offset, words = 0
        while start < end, words < 4 {
            // Words split at spaces, as written; only the first four are read.
            if bytes[start] == 0x20 { start += 1; continue }
            let wordEnd = bytes[start..<end].firstIndex(of: 0x20) ?? end
            let word = String(decoding: bytes[start..<wordEnd], as: UTF8.self)
            let trimmed = word.trimmingCharacters(in: .punctuationCharacters)
            if latinInstitutionWords.contains(trimmed) { return true }
            guard let first = trimmed.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first), trimmed == word else { return false }
            words += 1
            start = wordEnd
        }
        return false
    }
}

extension GazetteerRecognizer: ImageRecognizer {
    package func write(to image: inout ImageWriter) {
        image.write(pluginID)
        image.write(gazetteer)
        image.write(entity.rawValue)
        image.write(scores)
        image.write(countyShortScore)
        image.write(countyLatinScore)
        // Each name with its form and its places, these by their number in the gazetteer's id
        // order (a number, not a string, to read back).
        names.write(to: &image)
        image.write(automaton)
        image.write(institutionWords)
        image.write(latinInstitutionWords)
        image.write(commonWords)
        image.write(variantEntries)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        pluginID = try image.read()
        gazetteer = try image.read()
        entity = EntityType(rawValue: try image.read())
        scores = try image.read()
        countyShortScore = try image.read()
        countyLatinScore = try image.read()
        names = try PlaceNames(image: &image, ids: gazetteer.idsInOrder)
        automaton = try image.read()
        guard automaton.count == names.count else { throw ImageError("the gazetteer's automaton has another number of names") }
        institutionWords = try image.read()
        latinInstitutionWords = try image.read()
        commonWords = try image.read()
        variantEntries = try image.read()
    }
}
