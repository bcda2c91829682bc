import Foundation
import VeilCore

/// Names the tagger finds, and the features it reads: the same, position by position, as
/// scripts/build_person_crf.py computes them for training.
extension ChineseNameRecognizer {
    typealias Template = NameTagger.Template

    /// The tagger's labels for each scalar of `text`, line by line, and its confidence in each (nil
    /// without a tagger).
    func taggerLabels(_ text: Text) -> Tagging? {
        guard let tagger else { return nil }
        var labels = [NameTagger.Label](repeating: .outside, count: text.scalars.count)
        var confidence = [Float](repeating: 1, count: text.scalars.count)
        var start = 0
        while start < text.scalars.count {
            var end = start
            var hasHan = false
            while end < text.scalars.count, text.scalars[end] != "\n" {
                if !hasHan && text.isHan(end) { hasHan = true }
                end += 1
            }
            if hasHan {
                let decoded = tagger.decode(features(text, line: start..<end))
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

    /// Each scalar's feature keys. What a position's features read of its neighbours (class,
    /// surname and given-name buckets) is worked out once per scalar, in arrays padded by two on
    /// each side so the line's edges need no tests.
    func features(_ text: Text, line: Range<Int>) -> NameTagger.Features {
        let scalars = text.scalars
        let bucketScalars: [Unicode.Scalar] = ["0", "1", "2", "3", "4"]
        let bucket = { (chance: Double) -> Unicode.Scalar in
            bucketScalars[chance >= 0.5 ? 4 : chance >= 0.2 ? 3 : chance >= 0.05 ? 2 : chance >= 0.01 ? 1 : 0]
        }
        let width = line.count + 4
        var classes = [Unicode.Scalar](repeating: NameTagger.beginOfLine, count: width)
        classes[width - 2] = NameTagger.endOfLine
        classes[width - 1] = NameTagger.endOfLine
        var surnames = [Unicode.Scalar](repeating: "-", count: width)
        var givens = [Unicode.Scalar](repeating: "-", count: width)
        var compound = [Bool](repeating: false, count: width)
        for index in line {
            let padded = index - line.lowerBound + 2
            let value = scalars[index].value
            classes[padded] = Self.taggerClass(of: scalars[index])
            if let chance = statistics.surnameChance[value] { surnames[padded] = bucket(chance) }
            if text.isHan(index) { givens[padded] = statistics.givenChance[value].map(bucket) ?? "u" }
            compound[padded] =
                index + 1 < line.upperBound
                && statistics.compoundSurnameChance[UInt64(value) << 32 | UInt64(scalars[index + 1].value)] != nil
        }
        let digits: [Unicode.Scalar] = ["0", "1", "2", "3", "4"]
        typealias Key = NameTagger
        var keys = NameTagger.Features()
        keys.keys.reserveCapacity(line.count * 28)
        keys.starts.reserveCapacity(line.count + 1)
        for index in line {
            let p = index - line.lowerBound + 2
            let (c2, c1, c0, n1, n2) = (classes[p - 2], classes[p - 1], classes[p], classes[p + 1], classes[p + 2])
            keys.append(Key.key(.bias))
            keys.append(Key.key(.charMinus2, c2))
            keys.append(Key.key(.charMinus1, c1))
            keys.append(Key.key(.char0, c0))
            keys.append(Key.key(.charPlus1, n1))
            keys.append(Key.key(.charPlus2, n2))
            keys.append(Key.key(.pairMinus1, c1, c0))
            keys.append(Key.key(.pair0, c0, n1))
            keys.append(Key.key(.pairMinus2, c2, c1))
            keys.append(Key.key(.pairPlus1, n1, n2))
            let s0 = surnames[p], g1 = givens[p + 1]
            keys.append(Key.key(.surname0, s0))
            keys.append(Key.key(.surnameMinus1, surnames[p - 1]))
            keys.append(Key.key(.surnameMinus2, surnames[p - 2]))
            keys.append(Key.key(.given0, givens[p]))
            keys.append(Key.key(.givenMinus1, givens[p - 1]))
            keys.append(Key.key(.givenPlus1, g1))
            keys.append(Key.key(.surnameGiven, s0, g1))
            keys.append(Key.key(.surnameGivenGiven, s0, g1, givens[p + 2]))
            let starting = text.wordStarting[index] >= 2 ? min(text.wordStarting[index], 4) : 0
            let ending = text.wordEnding[index] >= 2 ? min(text.wordEnding[index], 4) : 0
            keys.append(Key.key(.wordStarting, digits[starting]))
            keys.append(Key.key(.wordEnding, digits[ending]))
            if givens[p] != "-", let chance = statistics.foreignChance[scalars[index].value] { keys.append(Key.key(.foreign0, bucket(chance))) }
            if compound[p] { keys.append(Key.key(.compound0)) }
            if compound[p - 1] { keys.append(Key.key(.compoundMinus1)) }
            for (distance, title, cue) in Self.marksAhead {
                guard index + distance < line.upperBound else { break }
                let marks = text.marks[index + distance]
                if marks.contains(.titleStarts) { keys.append(Key.key(title)) }
                if marks.contains(.cueAfterStarts) { keys.append(Key.key(cue)) }
            }
            if text.marks[index].contains(.cueBeforeEnds) { keys.append(Key.key(.cueBefore0)) }
            if index > line.lowerBound, text.marks[index - 1].contains(.cueBeforeEnds) { keys.append(Key.key(.cueBeforeMinus1)) }
            keys.endPosition()
        }
        return keys
    }

    /// The templates of a title and of a cue that start one, two and three characters ahead (one
    /// array for every character, not a literal made at each).
    private static let marksAhead: [(Int, NameTagger.Template, NameTagger.Template)] =
        [(1, .title1, .cueAfter1), (2, .title2, .cueAfter2), (3, .title3, .cueAfter3)]

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
            foreignLog += log(max(statistics.foreignProbability(text.character(index)), 1e-6))
        }
        if exp(foreignLog / Double(range.count)) >= foreignThreshold { return [range] }
        // 欧阳明华: a compound surname's full name is one name.
        if range.count <= 4, text.isHan(range.lowerBound + 1),
            statistics.compoundSurnameChance[UInt64(text.scalars[range.lowerBound].value) << 32 | UInt64(text.scalars[range.lowerBound + 1].value)] != nil
        {
            return [range]
        }
        // best[k]: the likeliest division of the run's first k characters, and where its last name starts.
        var best: [(score: Double, start: Int)?] = Array(repeating: nil, count: range.count + 1)
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
