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

    /// Every other occurrence, in the same document, of a name found with confidence: news and
    /// transcripts introduce a person once (外交部发言人唐国强) and then write the bare name. And
    /// 老X and 小X where X is the surname of such a name (曾凯 … 小曾), whatever else X can be: the
    /// person named is the reason to read them so. The engine calls this once over the whole
    /// document, with what this recognizer found in all its blocks.
    public func repeatedMentions(of found: [Detection], in bytes: [UInt8]) -> [Detection] {
        var forms: [String: String] = [:]
        var surnames: [String: String] = [:]
        for detection in found where detection.score >= 0.7 {
            guard let form = detection.attributes["form"], form == "full" || form == "foreign" else { continue }
            if forms[detection.canonical] == nil { forms[detection.canonical] = form }
            if form == "full", let surname = detection.attributes["surname"] {
                for prefix in ["老", "小"] where forms[prefix + surname] == nil { surnames[prefix + surname] = surname }
            }
        }
        for (address, _) in surnames { forms[address] = forms[address] ?? (address.hasPrefix("老") ? "lao" : "xiao") }
        guard !forms.isEmpty else { return [] }
        let names = forms.keys.sorted()
        let taken = Set(found.map(\.range.lowerBound))
        let automaton = AhoCorasick(words: names)
        var extra: [Detection] = []
        for occurrence in automaton.occurrences(in: bytes) where !taken.contains(occurrence.range.lowerBound) {
            guard !startsInsideWord(occurrence.range.lowerBound, in: bytes) else { continue }
            let name = names[occurrence.word]
            if let surname = surnames[name] {
                extra.append(detection(bytes: occurrence.range, score: 0.7, canonical: surname, attributes: ["form": forms[name] ?? "xiao", "surname": surname, "repeated": "yes"]))
                continue
            }
            extra.append(detection(bytes: occurrence.range, score: 0.7, canonical: name, attributes: ["form": forms[name] ?? "full", "repeated": "yes"]))
        }
        return extra
    }

    /// Whether a common word starts before `offset` and runs past it (the bytes version of
    /// ``Text/insideWord``): only the words that can reach `offset` are looked for.
    func startsInsideWord(_ offset: Int, in bytes: [UInt8]) -> Bool {
        let reach = commonWords.longestWord
        let window = max(0, offset - reach)..<min(bytes.count, offset + reach)
        return commonWords.occurrences(in: bytes, within: window).contains { $0.range.lowerBound < offset && $0.range.upperBound > offset }
    }
}

extension ChineseNameRecognizer: RepeatedMentionRecognizer {}
