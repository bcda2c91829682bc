import Foundation
import VeilCore
import VeilText

/// Names the tagger finds, and the features it reads: the same, position by position, as
/// scripts/build_person_crf.py computes them for training.
extension ChineseNameRecognizer {
    typealias Template = NameTagger.Template

    /// The tagger's labels for each scalar of `text`, line by line, and its confidence in each (nil
    /// without a tagger).
    func taggerLabels(_ text: Text) -> Tagging? {
        guard let tagger, let taggerRows else { return nil }
        var labels = [NameTagger.Label](filled: .outside, count: text.scalars.count)
        var confidence = [Float](filled: 1, count: text.scalars.count)
        var start = 0
        while start < text.scalars.count {
            var end = start
            var hasHan = false
            while end < text.scalars.count, text.scalars[end] != "\n" {
                if !hasHan && text.isHan(end) { hasHan = true }
                end += 1
            }
            if hasHan {
                let decoded = tagger.decode(features(text, line: start..<end, tagger: tagger, rows: taggerRows))
                labels.replaceSubrange(start..<end, with: decoded.labels)
                confidence.replaceSubrange(start..<end, with: decoded.confidence)
            }
            start = end + 1
        }
        return Tagging(labels: labels, confidence: confidence)
    }

    struct Tagging {
        let labels: [NameTagger.Label]
        let confidence: [Float]

        /// How sure the tagger is of a span: its least sure position.
        func confidence(of range: Range<Int>) -> Double { Double(confidence[range].min() ?? 0) }
    }

    /// The spans among `labels` that begin with `begin` and go on with `inside`.
    func spans(_ labels: [NameTagger.Label], begin: NameTagger.Label, inside: NameTagger.Label) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < labels.count {
            guard labels[index] == begin else { index += 1; continue }
            var end = index + 1
            while end < labels.count, labels[end] == inside { end += 1 }
            spans.append(index..<end)
            index = end
        }
        return spans
    }

    /// Each scalar's features. What a position's features read of its neighbours (class, surname
    /// and given-name buckets) is worked out once per scalar, in arrays padded by two on each side
    /// so the line's edges need no tests; so are the rows of each character's and each pair's
    /// features (``NameTagger/groupRows(_:)``), looked up once rather than once per template. The
    /// features whose values are a few letters take their rows from ``TaggerRows``.
    func features(_ text: Text, line: Range<Int>, tagger: NameTagger, rows: TaggerRows) -> NameTagger.Features {
        var scores = tagger.features(positions: line.count)
        addFeatures(text, line: line, tagger: tagger, rows: rows, to: &scores)
        return scores
    }

    /// Adds each scalar's features of `line` to `keys` (``features(_:line:tagger:rows:)``).
    @inline(__always)
    func addFeatures(_ text: Text, line: Range<Int>, tagger: NameTagger, rows: TaggerRows, to keys: inout some FeatureSink) {
        let scalars = text.scalars
        let bucket = { (chance: Double) -> UInt8 in
            TaggerRows.bucket(chance >= 0.5 ? 4 : chance >= 0.2 ? 3 : chance >= 0.05 ? 2 : chance >= 0.01 ? 1 : 0)
        }
        let width = line.count + 4
        var classes = [Unicode.Scalar](filled: NameTagger.beginOfLine, count: width)
        classes[width - 2] = NameTagger.endOfLine
        classes[width - 1] = NameTagger.endOfLine
        var surnames = [UInt8](filled: TaggerRows.none, count: width)
        var givens = [UInt8](filled: TaggerRows.none, count: width)
        var compound = [Bool](filled: false, count: width)
        for index in line {
            let padded = index - line.lowerBound + 2
            let value = scalars[index].value
            classes[padded] = Self.taggerClass(of: scalars[index])
            if let chance = statistics.surnameChance[value] { surnames[padded] = bucket(chance) }
            if text.isHan(index) { givens[padded] = statistics.givenChance[value].map(bucket) ?? TaggerRows.unknown }
            compound[padded] =
                index + 1 < line.upperBound
                && statistics.compoundSurnameChance[UInt64(value) << 32 | UInt64(scalars[index + 1].value)] != nil
        }
        // Template.groups: 0, a character at -2 … +2; 1, the pairs (-1, 0), (0, +1), (-2, -1), (+1, +2).
        var singles: [NameTagger.GroupRows] = [], pairs: [NameTagger.GroupRows] = []
        singles.reserveCapacity(width)
        pairs.reserveCapacity(width)
        for padded in 0..<width {
            singles.append(tagger.groupRows(NameTagger.groupKey(0, classes[padded])))
            if padded + 1 < width { pairs.append(tagger.groupRows(NameTagger.groupKey(1, classes[padded], classes[padded + 1]))) }
        }
        for index in line {
            let p = index - line.lowerBound + 2
            keys.append(row: rows.bias)
            keys.append(row: singles[p - 2].row(0))
            keys.append(row: singles[p - 1].row(1))
            keys.append(row: singles[p].row(2))
            keys.append(row: singles[p + 1].row(3))
            keys.append(row: singles[p + 2].row(4))
            keys.append(row: pairs[p - 1].row(0))
            keys.append(row: pairs[p].row(1))
            keys.append(row: pairs[p - 2].row(2))
            keys.append(row: pairs[p + 1].row(3))
            let s0 = surnames[p], g1 = givens[p + 1]
            keys.append(row: rows.row(.surname0, s0))
            keys.append(row: rows.row(.surnameMinus1, surnames[p - 1]))
            keys.append(row: rows.row(.surnameMinus2, surnames[p - 2]))
            keys.append(row: rows.row(.given0, givens[p]))
            keys.append(row: rows.row(.givenMinus1, givens[p - 1]))
            keys.append(row: rows.row(.givenPlus1, g1))
            keys.append(row: rows.surnameGiven(s0, g1))
            keys.append(row: rows.surnameGivenGiven(s0, g1, givens[p + 2]))
            let starting = text.wordStarting[index] >= 2 ? min(text.wordStarting[index], 4) : 0
            let ending = text.wordEnding[index] >= 2 ? min(text.wordEnding[index], 4) : 0
            keys.append(row: rows.row(.wordStarting, TaggerRows.bucket(starting)))
            keys.append(row: rows.row(.wordEnding, TaggerRows.bucket(ending)))
            if givens[p] != TaggerRows.none, let chance = statistics.foreignChance[scalars[index].value] {
                keys.append(row: rows.row(.foreign0, bucket(chance)))
            }
            if compound[p] { keys.append(row: rows.compound0) }
            if compound[p - 1] { keys.append(row: rows.compoundMinus1) }
            for (distance, title, cue) in rows.marksAhead {
                guard index + distance < line.upperBound else { break }
                let marks = text.marks[index + distance]
                if marks.contains(.titleStarts) { keys.append(row: title) }
                if marks.contains(.cueAfterStarts) { keys.append(row: cue) }
            }
            if text.marks[index].contains(.cueBeforeEnds) { keys.append(row: rows.cueBefore0) }
            if index > line.lowerBound, text.marks[index - 1].contains(.cueBeforeEnds) { keys.append(row: rows.cueBeforeMinus1) }
            keys.endPosition()
        }
    }

    /// The character class the tagger sees: digits as 0, Latin letters as a, white space as ␣.
    static func taggerClass(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x30...0x39, 0xFF10...0xFF19: return "0"
        case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return "a"
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return "\u{2423}"
        default: return scalar
        }
    }
}

extension ChineseNameRecognizer {
    /// The people the tagger labels: full names (a known surname and one to three more characters),
    /// and given names, nicknames and transliterated foreign names of two characters or more.
    func taggedNames(_ text: Text, tagging: Tagging) -> [Detection] {
        spans(tagging.labels, begin: .beginPerson, inside: .insidePerson).flatMap { range in
            // Names listed flush (江泽民李鹏乔石) are as many mentions.
            namesListed(text, range).flatMap { taggedName(text, $0, tagging: tagging) }
        }
    }

    /// A run the tagger took for one name that divides into Chinese names written one after another
    /// (江泽民李鹏乔石李瑞环, 李鹏乔石): each a surname and one or two likely given-name characters, the
    /// run as a whole unlike a transliterated name (戈尔巴乔夫). Otherwise the run itself.
    func namesListed(_ text: Text, _ range: Range<Int>) -> [Range<Int>] {
        guard range.count >= 4 else { return [range] }
        var foreignLog = 0.0
        for index in range {
            guard text.isHan(index) else { return [range] }
            foreignLog += log(max(statistics.foreignProbability(text.scalars[index]), 1e-6))
        }
        if exp(foreignLog / Double(range.count)) >= foreignThreshold { return [range] }
        // 欧阳明华: a compound surname's full name is one name.
        if range.count <= 4, text.isHan(range.lowerBound + 1),
            statistics.compoundSurnameChance[UInt64(text.scalars[range.lowerBound].value) << 32 | UInt64(text.scalars[range.lowerBound + 1].value)] != nil
        {
            return [range]
        }
        // best[k]: the likeliest division of the run's first k characters, and where its last name starts.
        var best: [(score: Double, start: Int)?] = Array(filled: nil, count: range.count + 1)
        best[0] = (0, 0)
        for end in 2...range.count {
            for length in 2...3 where length <= end {
                guard let before = best[end - length], let value = listedNameValue(text, range.lowerBound + end - length, length: length) else { continue }
                if best[end].map({ before.score + value > $0.score }) ?? true { best[end] = (before.score + value, end - length) }
            }
        }
        guard best[range.count] != nil else { return [range] }
        var names: [Range<Int>] = []
        var end = range.count
        while end > 0, let step = best[end] {
            names.append(range.lowerBound + step.start..<range.lowerBound + end)
            end = step.start
        }
        return names.count >= 2 ? names.reversed() : [range]
    }

    /// How much likelier than the thresholds a surname and one or two given-name characters are to be
    /// a name; nil when they are not (an unlikely surname, or under the threshold).
    private func listedNameValue(_ text: Text, _ start: Int, length: Int) -> Double? {
        guard let surname = statistics.surnameChance[text.scalars[start].value], surname >= 0.05 else { return nil }
        var chance = surname
        for index in start + 1..<start + length { chance *= statistics.givenProbability(text.scalars[index]) }
        let value = log(chance / (length == 2 ? threshold2 : threshold3))
        return value >= 0 ? value : nil
    }

    private func taggedName(_ text: Text, _ range: Range<Int>, tagging: Tagging) -> [Detection] {
        [range].compactMap { range in
            guard range.count >= 2, text.isHan(range.lowerBound), text.isHan(range.upperBound - 1),
                range.allSatisfy({ text.isHan($0) || text.scalars[$0] == "·" })
            else { return nil }
            // An ordinary word (王国, 高兴) or one cut across (主[张开]) is not a name without a cue, and a
            // pronoun (他老王) is not part of one.
            // Less than an even chance: the tagger is guessing.
            let confidence = tagging.confidence(of: range)
            guard confidence >= 0.5 else { return nil }
            let cue = hasCueBefore(text, range.lowerBound) || hasTitleOrCueAfter(text, range.upperBound)
            if !cue && (text.insideWord[range.lowerBound] || text.strongWordStarting[range.lowerBound] == range.count) { return nil }
            if Self.pronouns.contains(text.scalars[range.lowerBound]) { return nil }
            if continuesPlace(text, range) { return nil }
            // A cue or title itself (老公, 记者, 先生) is who someone is, not their name.
            let name = text.string(range)
            if cueAndTitleWords.contains(name) { return nil }
            // Digits written in characters (壹贰叁, 一三八) are a number, not a name.
            if range.filter({ ChineseNumeral.digit(of: text.scalars[$0].value) != nil }).count >= 2 { return nil }
            // Forms of address (老卢, 小李, 阿芳) and a surname with a title (卢先生) are the rules' to
            // find: they know which part is the surname.
            if formOfAddress(text, at: range.lowerBound)?.range == text.offsets[range.lowerBound]..<text.offsets[range.upperBound] { return nil }
            // 小曾, 老彭 that the rule left alone (曾 is mostly 曾经): a surname all the same, for the
            // tagger's context says a person is meant.
            if range.count == 2, text.scalars[range.lowerBound] == "小" || text.scalars[range.lowerBound] == "老" {
                let next = String(text.character(range.lowerBound + 1))
                if statistics.surnames[next] != nil {
                    let form: PersonForm = text.scalars[range.lowerBound] == "老" ? .lao : .xiao
                    return detection(text, range, score: 0.55 + 0.3 * confidence, canonical: next, facts: MentionFacts(personForm: form, surname: next))
                }
            }
            let surname = statistics.surname(of: name)
            if let title = title(text, at: range.lowerBound + surname.unicodeScalars.count), range.lowerBound + surname.unicodeScalars.count + title >= range.upperBound {
                return nil
            }
            // 李总理: the surname is the mention, as the rules find it.
            if let office = office(text, at: range.lowerBound + surname.unicodeScalars.count),
                range.lowerBound + surname.unicodeScalars.count + office >= range.upperBound
            {
                return fullName(text, at: range.lowerBound)
            }
            // 郑表示: a surname and a verb, not a name (the document's full name makes it a person).
            if statistics.surnames[surname] != nil, text.marks[range.lowerBound + surname.unicodeScalars.count].contains(.verbStarts) { return nil }
            if range.count <= 4, !range.contains(where: { text.scalars[$0] == "·" }), statistics.surnames[surname] != nil, range.count > surname.count {
                return detection(text, range, score: 0.6 + 0.3 * confidence, canonical: name, facts: MentionFacts(personForm: .full, surname: surname))
            }
            return detection(text, range, score: 0.55 + 0.3 * confidence, canonical: name, facts: MentionFacts(personForm: .foreign))
        }
    }

    static let pronouns: Set<Unicode.Scalar> = ["他", "她", "它", "我", "你", "您", "咱", "这", "那"]

    /// A town or village written right after the county or city it lies in (于都县罗坳镇): a place,
    /// though a name can end in 镇 or 村 (罗雪村).
    func continuesPlace(_ text: Text, _ range: Range<Int>) -> Bool {
        range.lowerBound > 0 && Self.townEnds.contains(text.scalars[range.upperBound - 1]) && Self.placeEnds.contains(text.scalars[range.lowerBound - 1])
    }

    static let townEnds: Set<Unicode.Scalar> = ["镇", "乡", "村"]
    static let townEndBytes = townEnds.map { Array(String($0).utf8) }
    static let placeEndBytes = placeEnds.map { Array(String($0).utf8) }

    /// Whether `bytes[range]` ends in 镇, 乡 or 村 and is written somewhere in `bytes` right after a
    /// county, city or town (于都县罗坳镇).
    static func isTownName(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        // Most names end in none of them: three bytes tell.
        guard range.count >= 6, townEndBytes.contains(where: { bytes[range.upperBound - 3..<range.upperBound].elementsEqual($0) }) else { return false }
        // Each place the name is written, by its first byte, then the character before it.
        let name = bytes[range]
        var offset = 3
        while offset + name.count <= bytes.count {
            defer { offset += 1 }
            guard bytes[offset] == name.first!, bytes[offset..<offset + name.count].elementsEqual(name) else { continue }
            if placeEndBytes.contains(where: { bytes[offset - 3..<offset].elementsEqual($0) }) { return true }
        }
        return false
    }
    static let placeEnds: Set<Unicode.Scalar> = ["省", "市", "区", "县", "州", "镇", "乡"]

    /// The places the tagger labels, of two characters or more: a fallback for places no gazetteer
    /// lists (华克山庄, 鲁迅故里), scored below the gazetteers so theirs win where both find one.
    func taggedPlaces(_ text: Text, tagging: Tagging) -> [Detection] {
        spans(tagging.labels, begin: .beginPlace, inside: .insidePlace).compactMap { range in
            guard range.count >= 2, text.isHan(range.lowerBound) else { return nil }
            // Only where the tagger is fairly sure, and not an ordinary word (房东, 王国) that is not
            // mostly a place name.
            guard tagging.confidence(of: range) >= 0.6 else { return nil }
            if text.strongWordStarting[range.lowerBound] == range.count && text.placeWordStarting[range.lowerBound] != range.count { return nil }
            return Detection(
                range: text.offsets[range.lowerBound]..<text.offsets[range.upperBound], entity: .location, score: 0.5,
                pluginID: pluginID, rule: "tagger", canonical: text.string(range), facts: MentionFacts())
        }
    }
}

/// The rows of the Chinese tagger's features whose values are a few letters — the surname and
/// given-name buckets, word lengths, titles and cues ahead — looked up in the model once, when the
/// recognizer is made, for every value they can take: no line hashes them.
struct TaggerRows: Sendable {
    typealias Template = NameTagger.Template

    /// The letters those values are written in: "-" (none), "u" (a Chinese character no bucket
    /// lists), then "0" to "4" (a bucket, or a word's length).
    static let letters: [Unicode.Scalar] = ["-", "u", "0", "1", "2", "3", "4"]
    static let none: UInt8 = 0
    static let unknown: UInt8 = 1
    /// The letter of bucket (or length) `number`, 0 to 4.
    static func bucket(_ number: Int) -> UInt8 { UInt8(2 + number) }

    /// The templates whose value is one letter, in the order of `oneLetter`'s blocks.
    private static let oneLetterTemplates: [Template] = [
        .surname0, .surnameMinus1, .surnameMinus2, .given0, .givenMinus1, .givenPlus1, .wordStarting, .wordEnding, .foreign0
    ]

    let bias: Int32
    let compound0: Int32
    let compoundMinus1: Int32
    let cueBefore0: Int32
    let cueBeforeMinus1: Int32
    /// A title's and a cue's rows where one starts one, two and three characters ahead.
    let marksAhead: [(distance: Int, title: Int32, cue: Int32)]
    /// Each one-letter template's rows, a block of seven (one per letter) each.
    private let oneLetter: [Int32]
    /// The block of each template in `oneLetter` (-1: not a one-letter template).
    private let blockOf: [Int]
    private let pairs: [Int32]
    private let triples: [Int32]

    init(_ tagger: NameTagger) {
        let letters = Self.letters
        let row = { (key: UInt64) in tagger.row(of: key) }
        bias = row(NameTagger.key(.bias))
        compound0 = row(NameTagger.key(.compound0))
        compoundMinus1 = row(NameTagger.key(.compoundMinus1))
        cueBefore0 = row(NameTagger.key(.cueBefore0))
        cueBeforeMinus1 = row(NameTagger.key(.cueBeforeMinus1))
        marksAhead = [(1, Template.title1, Template.cueAfter1), (2, .title2, .cueAfter2), (3, .title3, .cueAfter3)].map {
            ($0.0, row(NameTagger.key($0.1)), row(NameTagger.key($0.2)))
        }
        oneLetter = Self.oneLetterTemplates.flatMap { template in letters.map { row(NameTagger.key(template, $0)) } }
        var blockOf = [Int](repeating: -1, count: Template.allCases.count)
        for (block, template) in Self.oneLetterTemplates.enumerated() { blockOf[template.rawValue] = block }
        self.blockOf = blockOf
        pairs = letters.flatMap { surname in letters.map { row(NameTagger.key(.surnameGiven, surname, $0)) } }
        triples = letters.flatMap { surname in letters.flatMap { given in letters.map { row(NameTagger.key(.surnameGivenGiven, surname, given, $0)) } } }
    }

    /// The row of a one-letter template's feature with value `letter`.
    @inline(__always) func row(_ template: Template, _ letter: UInt8) -> Int32 { oneLetter[blockOf[template.rawValue] * 7 + Int(letter)] }

    @inline(__always) func surnameGiven(_ surname: UInt8, _ given: UInt8) -> Int32 { pairs[Int(surname) * 7 + Int(given)] }

    @inline(__always) func surnameGivenGiven(_ surname: UInt8, _ given: UInt8, _ next: UInt8) -> Int32 {
        triples[(Int(surname) * 7 + Int(given)) * 7 + Int(next)]
    }
}
