package import VeilCore
import VeilText

/// Names found through other names in the same document: lists and repeated mentions.
extension ChineseNameRecognizer {
    /// Names in a list (张万年、罗干、王忠禹): when at least two items of a list separated by 、 are
    /// names, every other two- or three-character item that starts with a surname is one too.
    func listedNames(alongside found: [Detection], in text: Text) -> [Detection] {
        let starts = Set(found.filter { $0.entity == .person }.map(\.range))
        var extra: [Detection] = []
        var index = 0
        while index < text.scalars.count {
            guard text.scalars[index] == "、" else { index += 1; continue }
            // Walk back to the list's first item, then collect items up to the list's end.
            var first = index
            while first > 0, text.isHan(first - 1) || text.scalars[first - 1] == "、" { first -= 1 }
            var items: [Range<Int>] = []
            var cursor = first
            while cursor < text.scalars.count {
                var end = cursor
                while end < text.scalars.count, text.isHan(end) { end += 1 }
                if end > cursor { items.append(cursor..<end) }
                guard end < text.scalars.count, text.scalars[end] == "、" else { cursor = end; break }
                cursor = end + 1
            }
            index = max(cursor, index + 1)
            let names = items.filter { starts.contains(text.offsets[$0.lowerBound]..<text.offsets[$0.upperBound]) }
            guard names.count >= 2, items.count >= 3 else { continue }
            // 张敏等: what closes a list (等, 们) is not part of its last name.
            if var last = items.popLast() {
                while last.count > 2, Self.listEnds.contains(text.scalars[last.upperBound - 1]) { last = last.lowerBound..<last.upperBound - 1 }
                items.append(last)
            }
            for item in items where !names.contains(item) && (2...4).contains(item.count) {
                guard statistics.surnameChance[text.scalars[item.lowerBound].value] != nil else { continue }
                // 李总理, 朱副总理, 张先生 in a list: the rules' forms of address and offices.
                let rest = item.lowerBound + 1
                if (office(text, at: rest) ?? title(text, at: rest)).map({ rest + $0 == item.upperBound }) ?? false {
                    if let found = fullName(text, at: item.lowerBound) { extra.append(found) }
                    continue
                }
                guard item.count <= 3 else { continue }
                extra.append(
                    detection(
                        text, item, score: 0.65, canonical: text.string(item),
                        facts: MentionFacts(personForm: .full, surname: String(text.character(item.lowerBound)))))
            }
        }
        return extra
    }

    static let listEnds: Set<Unicode.Scalar> = ["等", "们", "的", "和", "及"]

    /// A surname the document writes only in a short form (王某, 冷经理, 老芦, 芦女士) makes that
    /// surname and one or two given-name characters elsewhere in it a name (向王想汇款 … 王某辩称),
    /// where the run stands alone: after punctuation or a word a name follows, before punctuation,
    /// a word, or what follows a subject.
    func surnameConfirmedNames(alongside found: [Detection], in text: Text) -> [Detection] {
        var shortForms: Set<Unicode.Scalar> = [], full: Set<Unicode.Scalar> = []
        for detection in found where detection.entity == .person {
            guard let surname = detection.facts.surname, surname.unicodeScalars.count == 1, let scalar = surname.unicodeScalars.first else { continue }
            if detection.facts.personForm == .full && !detection.canonical.hasSuffix("某") { full.insert(scalar) } else { shortForms.insert(scalar) }
        }
        shortForms.subtract(full)
        guard !shortForms.isEmpty else { return [] }
        let short = ScalarSet(shortForms)
        let covered = found.filter { $0.entity == .person }.map(\.range)
        var extra: [Detection] = []
        for start in text.scalars.indices where short.contains(text.scalars[start]) {
            let bytes = text.offsets[start]
            guard !covered.contains(where: { $0.contains(bytes) }), text.wordStarting[start] < 2, !text.insideWord[start] else { continue }
            let before =
                start == 0 || !text.isHan(start - 1) || Self.beforeGivenName.contains(text.scalars[start - 1])
                || text.scalars[start - 1] == "向" || followsContactWord(text, start) != nil
            guard before else { continue }
            for length in [3, 2] {
                let end = start + length
                guard end <= text.scalars.count, (start + 1..<end).allSatisfy({ text.isHan($0) && !isPunctuationLike(text.scalars[$0]) }),
                    (start + 1..<end).allSatisfy({ statistics.givenProbability(text.scalars[$0]) >= (length == 3 ? 0.01 : 0.005) })
                else { continue }
                let after =
                    end == text.scalars.count || !text.isHan(end) || text.wordStarting[end] >= 2 || Self.subjectFollowers.contains(text.scalars[end])
                    || text.marks[end].contains(.verbStarts)
                guard after, !text.insideWord[end] || text.wordStarting[end] >= 2 else { continue }
                let surname = text.string(start..<start + 1)
                extra.append(
                    detection(
                        text, start..<end, score: 0.65, canonical: text.string(start..<end),
                        facts: MentionFacts(personForm: .full, surname: surname)))
                break
            }
        }
        return extra
    }

    /// A name found with confidence, written again, is that person again: news and transcripts
    /// introduce a person once (外交部发言人唐国强) and then write the bare name. So are 老X and 小X
    /// where X is the surname of such a name (曾凯 … 小曾), whatever else X can be — the person named
    /// is the reason to read them so — unless 老X or 小X is a common word (老师, 小时). And the surname
    /// alone before a title, a cue or a speech verb (郑表示, 莫老师 after 律师郑文斌, 莫远英).
    package func repeatableMentions(of found: [Detection]) -> [RepeatableMention] {
        // Texts are keyed by their UTF-8 bytes: hashing a String of Chinese characters normalizes
        // it first, and this runs for every name a document holds.
        var names: [[UInt8]: Detection] = [:]
        var surnames: [[UInt8]: String] = [:]
        var surnamesRead: Set<[UInt8]> = []
        var givens: Set<[UInt8]> = []
        for detection in found where detection.score >= 0.6 {
            // A nickname the text introduced (乳名叫豆豆) is that child again where written alone.
            guard let form = detection.facts.personForm, form == .full || form == .foreign || form == .nickname else { continue }
            // A name found with less confidence (群里的朱婷) is looked for again only as 老X and 小X
            // (小朱), forms that are a person's wherever they stand.
            let sure = detection.score >= 0.7
            let key = Array(detection.canonical.utf8)
            if sure, names[key] == nil {
                // The name again is what was found (its surname and reading too), less sure.
                var again = detection
                again.range = 0..<0
                again.score = 0.7
                again.rule = form.rawValue
                names[key] = again
            }
            if form == .full, let surname = detection.facts.surname {
                // 老周, 小王 are words too, but the person's where the document names 周玉; 小时, 老家 are not.
                // (Each surname once: whether its forms count depends on the surname alone.)
                if surnamesRead.insert(Array(surname.utf8)).inserted {
                    for prefix in ["老", "小"] {
                        let address = prefix + surname
                        let addressKey = Array(address.utf8)
                        guard surnames[addressKey] == nil,
                            !commonAddressWords.contains(address)
                                || (commonSurnames.contains(surname) && !Self.addressWordsNotPeople.contains(address))
                        else { continue }
                        surnames[addressKey] = surname
                    }
                }
                // The given name of two characters alone (玉英 after 吴玉英).
                let given = detection.canonical.dropFirst(surname.count)
                if sure, given.count == 2 { givens.insert(Array(given.utf8)) }
            }
        }
        // Each text once, so their order does not matter.
        var mentions = names.map { RepeatableMention(text: String(decoding: $0.key, as: UTF8.self), detection: $0.value) }
        // The surname alone, where a title, a cue or a speech verb follows it (郑表示, 莫老师 after
        // 莫远英): ``repeatedMention(_:at:in:)`` checks what follows.
        for detection in names.values where detection.facts.personForm == .full {
            guard let surname = detection.facts.surname else { continue }
            let key = Array(surname.utf8)
            guard names[key] == nil, surnames[key] == nil else { continue }
            surnames[key] = ""
            mentions.append(
                RepeatableMention(
                    text: surname,
                    detection: self.detection(
                        bytes: 0..<0, score: 0.7, canonical: surname, facts: MentionFacts(personForm: .surname, surname: surname))))
        }
        for bytes in givens where names[bytes] == nil {
            // Not a given name that is also a word (成果, 文明, 建国): alone, it is mostly the word.
            if commonWords.occurrences(in: bytes, within: 0..<bytes.count).contains(where: { $0.range == 0..<bytes.count }) { continue }
            let given = String(decoding: bytes, as: UTF8.self)
            mentions.append(
                RepeatableMention(
                    text: given,
                    detection: detection(
                        bytes: 0..<0, score: 0.7, canonical: given, facts: MentionFacts(personForm: .given))))
        }
        for (key, surname) in surnames where names[key] == nil && !surname.isEmpty {
            let address = String(decoding: key, as: UTF8.self)
            let form: PersonForm = address.hasPrefix("老") ? .lao : .xiao
            mentions.append(
                RepeatableMention(
                    text: address, detection: detection(bytes: 0..<0, score: 0.7, canonical: surname, facts: MentionFacts(personForm: form, surname: surname))))
        }
        return mentions
    }

    package func repeatedMention(_ detection: Detection, at range: Range<Int>, in bytes: [UInt8]) -> Detection? {
        if detection.facts.personForm == .given { return repeatedGivenName(detection, at: range, in: bytes) }
        // 小毛|病: a word running on past the mention means it is not one.
        guard detection.facts.personForm == .surname else {
            return startsInsideWord(range.lowerBound, in: bytes) || startsInsideWord(range.upperBound, in: bytes) ? nil : detection
        }
        // A bare surname is the person only before a title (part of the mention when it is a form
        // of address), a cue, a speech verb or what follows a clause's subject.
        guard let following = followingWord(at: range.upperBound, in: bytes), !startsInsideWord(range.lowerBound, in: bytes) else { return nil }
        // Before a word of a clause's subject (刘是否, 雷则), only a surname that starts the clause or
        // follows 问, 让, 和 … (运费也, 另一张也, 适用于已经 are not people), and not where the two
        // make a word (方便, 成就); before a one-character one, only one of the most common surnames.
        if Self.clauseWords.contains(following.word) {
            guard following.word.unicodeScalars.count > 1 || commonSurnames.contains(detection.canonical),
                previousScalar(range.lowerBound, in: bytes).map({ Self.beforeSubject.contains($0) || !($0.properties.isIdeographic || $0.properties.numericType != nil) })
                    ?? true,
                !commonWords.occurrences(in: bytes, within: range.lowerBound..<following.end).contains(where: {
                    $0.range.lowerBound == range.lowerBound && $0.range.upperBound >= following.end
                })
            else { return nil }
        }
        // 李经理 after 李桂兰: an office people are addressed by is part of the mention, where the
        // surname starts the name (``businessTitles``).
        let business =
            Self.businessTitles.contains(following.word)
            && previousScalar(range.lowerBound, in: bytes).map { !$0.properties.isIdeographic || statistics.givenProbability($0) < 0.1 } ?? true
            && !commonWords.occurrences(in: bytes, within: range.upperBound..<min(bytes.count, range.upperBound + commonWords.longestWord))
                .contains { $0.range.lowerBound == range.upperBound && $0.range.upperBound > following.end }
        guard addressTitles.contains(following.word) || business else { return detection }
        // 古老, 杨|老人, 沈|老干部: an honorific or a nickname that is the start of another word, or
        // the end of one the surname starts, is not this person's.
        if Self.repeatTitles.contains(following.word) {
            // 李老 stands where a subject or an object does (。李老一生, 向李老请教), not after any word (购书时老想).
            if following.word == "老", let before = previousScalar(range.lowerBound, in: bytes), before.properties.isIdeographic,
                !Self.beforeSubject.contains(before), !Self.beforeGivenName.contains(before), before != "向"
            {
                return nil
            }
            let words = commonWords.occurrences(in: bytes, within: range.lowerBound..<min(bytes.count, following.end + commonWords.longestWord))
            if words.contains(where: {
                ($0.range.lowerBound == range.lowerBound && $0.range.upperBound >= following.end)
                    || ($0.range.lowerBound == range.upperBound && $0.range.upperBound > following.end)
            }) {
                return nil
            }
        }
        var titled = detection
        titled.range = range.lowerBound..<following.end
        titled.rule = "title"
        titled.facts.personForm = .title
        return titled
    }

    /// A given name again, not inside a word.
    private func repeatedGivenName(_ detection: Detection, at range: Range<Int>, in bytes: [UInt8]) -> Detection? {
        // Where it stands alone: after punctuation, a line's start or a word a subject or an object
        // follows (，玉英从小, 毕业后丽华去了, 让建军), before punctuation or what follows a subject
        // (“建军，).
        if let before = previousScalar(range.lowerBound, in: bytes), before.properties.isIdeographic, !Self.beforeGivenName.contains(before) { return nil }
        if range.upperBound < bytes.count {
            let width = UTF8.width(lead: bytes[range.upperBound])
            guard let next = String(decoding: bytes[range.upperBound..<min(bytes.count, range.upperBound + width)], as: UTF8.self).unicodeScalars.first,
                !next.properties.isIdeographic || Self.subjectFollowers.contains(next)
            else { return nil }
        }
        if startsInsideWord(range.lowerBound, in: bytes) || startsInsideWord(range.upperBound, in: bytes) { return nil }
        var mention = detection
        mention.facts = MentionFacts(personForm: .full)
        return mention
    }

    /// The character before byte `offset` (nil at the start).
    private func previousScalar(_ offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.first
    }

    /// Verbs and prepositions a clause's subject may follow (问刘是否…, 让杨也…).
    static let beforeSubject = ScalarSet(["问", "让", "请", "叫", "和", "跟", "与", "同", "见", "听", "告诉"].compactMap { $0.unicodeScalars.first })

    /// Characters after which a clause's subject or a verb's object starts (毕业后丽华, 找建军).
    static let beforeGivenName = ScalarSet(["后", "时", "是", "给", "找", "把", "被", "陪", "带", "说", "让", "叫", "问"] as [Unicode.Scalar])

    /// 老X and 小X words that are not a person whatever the document's names (小时, 老家, 小米).
    static let addressWordsNotPeople: Set<String> = [
        "小时", "小区", "小白", "老家", "小米", "小麦", "老虎", "小车", "小心", "老实", "小学", "老乡",
        "小康", "小组", "小牛", "老牛", "小路", "小吃", "老年", "小鸡", "老鼠", "老天", "小将", "老将",
        "小兵", "老兵", "小计", "老化", "小丑", "小品", "小巷", "老公", "小姐", "老师", "老板", "小费",
        "小雨", "小云", "老汉", "小孩", "小朋友", "老龄", "小金库", "小贩", "小额", "老街", "小城", "小于"
    ]

    /// The longest title, cue after a name or speech verb starting at byte `offset`, and its end.
    func followingWord(at offset: Int, in bytes: [UInt8]) -> (word: String, end: Int)? {
        // Most characters after a surname's character start no such word: its bytes tell.
        guard offset < bytes.count,
            followingWordStarts.contains(Array(bytes[offset..<min(bytes.count, offset + UTF8.width(lead: bytes[offset]))]))
        else { return nil }
        var end = offset
        var best: (String, Int)?
        for _ in 0..<followingWordLength {
            guard end < bytes.count else { break }
            end += UTF8.width(lead: bytes[end])
            guard end <= bytes.count else { break }
            let word = String(decoding: bytes[offset..<end], as: UTF8.self)
            if followingWordSet.contains(word) { best = (word, end) }
        }
        return best
    }

    /// Whether a common word starts before `offset` and runs past it (the bytes version of
    /// ``Text/insideWord``): only the words that can reach `offset` are looked for.
    func startsInsideWord(_ offset: Int, in bytes: [UInt8]) -> Bool {
        let reach = commonWords.longestWord
        let window = max(0, offset - reach)..<min(bytes.count, offset + reach)
        let words = commonWords.occurrences(in: bytes, within: window)
        // 养父老徐: 父老 runs across, but 养父 ends right here and takes its 父 — the text reads 养父|老徐.
        return words.contains { crossing in
            crossing.range.lowerBound < offset && crossing.range.upperBound > offset
                && !words.contains { $0.range.upperBound == offset && $0.range.lowerBound < crossing.range.lowerBound }
        }
    }
}

extension ChineseNameRecognizer: RepeatedMentionRecognizer {}
