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
            for item in items where !names.contains(item) && (2...3).contains(item.count) {
                guard statistics.surnameChance[text.scalars[item.lowerBound].value] != nil else { continue }
                extra.append(detection(text, item, score: 0.65, canonical: text.string(item), attributes: ["form": "full", "surname": String(text.character(item.lowerBound)), "listed": "yes"]))
            }
        }
        return extra
    }

    /// A name found with confidence, written again, is that person again: news and transcripts
    /// introduce a person once (外交部发言人唐国强) and then write the bare name. So are 老X and 小X
    /// where X is the surname of such a name (曾凯 … 小曾), whatever else X can be — the person named
    /// is the reason to read them so — unless 老X or 小X is a common word (老师, 小时). And the surname
    /// alone before a title, a cue or a speech verb (郑表示, 莫老师 after 律师郑文斌, 莫远英).
    public func repeatableMentions(of found: [Detection]) -> [RepeatableMention] {
        var names: [String: Detection] = [:]
        var surnames: [String: String] = [:]
        for detection in found where detection.score >= 0.7 {
            // A nickname the text introduced (乳名叫豆豆) is that child again where written alone.
            guard let form = detection.attributes["form"], form == "full" || form == "foreign" || form == "nickname" else { continue }
            if names[detection.canonical] == nil {
                // The name again is what was found (its surname and reading too), less sure.
                var again = detection
                again.range = 0..<0
                again.score = 0.7
                again.rule = form
                again.attributes["repeated"] = "yes"
                names[detection.canonical] = again
            }
            if form == "full", let surname = detection.attributes["surname"] {
                for prefix in ["老", "小"] where surnames[prefix + surname] == nil && !commonAddressWords.contains(prefix + surname) {
                    surnames[prefix + surname] = surname
                }
            }
        }
        // Each text once, so their order does not matter.
        var mentions = names.map { RepeatableMention(text: $0.key, detection: $0.value) }
        // The surname alone, where a title, a cue or a speech verb follows it (郑表示, 莫老师 after
        // 莫远英): ``repeatedMention(_:at:in:)`` checks what follows.
        for detection in names.values where detection.attributes["form"] == "full" {
            guard let surname = detection.attributes["surname"], names[surname] == nil, surnames[surname] == nil else { continue }
            surnames[surname] = ""
            mentions.append(RepeatableMention(text: surname, detection: self.detection(
                bytes: 0..<0, score: 0.7, canonical: surname, attributes: ["form": "surname", "surname": surname, "repeated": "yes"])))
        }
        for (address, surname) in surnames where names[address] == nil && !surname.isEmpty {
            let form = address.hasPrefix("老") ? "lao" : "xiao"
            mentions.append(RepeatableMention(text: address, detection: detection(bytes: 0..<0, score: 0.7, canonical: surname, attributes: ["form": form, "surname": surname, "repeated": "yes"])))
        }
        return mentions
    }

    public func repeatedMention(_ detection: Detection, at range: Range<Int>, in bytes: [UInt8]) -> Detection? {
        guard detection.attributes["form"] == "surname" else { return startsInsideWord(range.lowerBound, in: bytes) ? nil : detection }
        // A bare surname is the person only before a title (part of the mention when it is a form
        // of address), a cue or a speech verb.
        guard let following = followingWord(at: range.upperBound, in: bytes), !startsInsideWord(range.lowerBound, in: bytes) else { return nil }
        guard addressTitles.contains(following.word) else { return detection }
        var titled = detection
        titled.range = range.lowerBound..<following.end
        titled.rule = "title"
        titled.attributes["form"] = "title"
        return titled
    }

    /// The longest title, cue after a name or speech verb starting at byte `offset`, and its end.
    func followingWord(at offset: Int, in bytes: [UInt8]) -> (word: String, end: Int)? {
        // Most characters after a surname's character start no such word: its bytes tell.
        guard offset < bytes.count,
              followingWordStarts.contains(Array(bytes[offset..<min(bytes.count, offset + UTF8.width(lead: bytes[offset]))])) else { return nil }
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
