import Foundation

/// Names found by the character-level model and by transliteration statistics.
extension ChineseNameRecognizer {
    /// Chinese names the character model finds in each run of Chinese text, kept only where no
    /// ordinary word cuts across their start or begins with their surname (the model does not know
    /// words) and the name statistics do not flatly disagree. (Its foreign-name role fires on chat
    /// noise such as 哈哈哈, so foreign names come from ``foreignNames(_:)`` only.)
    func modelNames(_ text: Text) -> [Detection] {
        guard let model else { return [] }
        var detections: [Detection] = []
        var start = 0
        while start < text.scalars.count {
            guard text.isHan(start) else { start += 1; continue }
            var end = start
            while end < text.scalars.count, text.isHan(end) { end += 1 }
            let tags = model.decode(text.scalars[start..<end])
            var index = 0
            while index < tags.count {
                var length = 0
                var chinese = false
                if tags[index] == .surname {
                    var surnameEnd = index
                    while surnameEnd < tags.count, tags[surnameEnd] == .surname, surnameEnd - index < 2 { surnameEnd += 1 }
                    if surnameEnd + 1 < tags.count, tags[surnameEnd] == .givenFirst, tags[surnameEnd + 1] == .givenSecond {
                        length = surnameEnd + 2 - index
                    } else if surnameEnd < tags.count, tags[surnameEnd] == .givenSingle {
                        length = surnameEnd + 1 - index
                    }
                    chinese = length > 0
                }
                guard length > 0 else { index += 1; continue }
                let range = (start + index)..<(start + index + length)
                index += length
                guard !text.insideWord[range.lowerBound], !text.wordCovers(range) else { continue }
                // The second half of a compound surname (诸[葛亮]) is not where the name starts.
                if range.lowerBound > 0, statistics.compoundSurnameChance[UInt64(text.scalars[range.lowerBound - 1].value) << 32
                    | UInt64(text.scalars[range.lowerBound].value)] != nil { continue }
                // The statistics must not flatly disagree: a real surname, real given-name characters.
                let name = text.string(range)
                let surnameLength = statistics.surname(of: name).count
                guard statistics.surnameProbability(statistics.surname(of: name)) >= 0.1,
                      text.scalars[(range.lowerBound + surnameLength)..<range.upperBound].allSatisfy({ statistics.givenProbability($0) >= 0.0 }) else { continue }
                if chinese && text.strongWordStarting[range.lowerBound] >= 2 && !hasCueBefore(text, range.lowerBound) { continue }
                detections.append(detection(text, range, score: 0.75, canonical: name,
                                            attributes: ["form": "full", "surname": statistics.surname(of: name), "model": "yes"]))
            }
            start = end
        }
        return detections
    }

    /// Runs of characters that mostly appear in transliterated foreign names (克林顿, 内塔尼亚胡,
    /// 保罗·克鲁格曼): every character seen in such names at least now and then, the run's edges
    /// trimmed to characters that are often so, and the geometric mean of their chances high.
    func foreignNames(_ text: Text) -> [Detection] {
        var detections: [Detection] = []
        let chance = { (index: Int) in text.scalars[index] == "·" ? foreignThreshold : statistics.foreignProbability(text.character(index)) }
        var index = 0
        while index < text.scalars.count {
            guard text.isHan(index), chance(index) >= 0.015 else { index += 1; continue }
            var end = index
            while end < text.scalars.count, text.isHan(end) || (text.scalars[end] == "·" && text.isHan(end + 1)), chance(end) >= 0.015 { end += 1 }
            var start = index
            index = end
            while start < end, chance(start) < 0.05 { start += 1 }
            while end > start, chance(end - 1) < 0.05 { end -= 1 }
            // Inside a longer word, often a place (巴勒斯 of 巴勒斯坦, 斯拉夫 of 南斯拉夫): not a name.
            // Two characters only after a cue (外交部长恩佐, 秘书长安南).
            let minimum = hasCueBefore(text, start) ? 2 : 3
            guard end - start >= minimum, !text.insideWord[start], !text.wordCovers(start..<end) else { continue }
            let meanLog = (start..<end).reduce(0.0) { $0 + log(chance($1)) } / Double(end - start)
            guard exp(meanLog) >= foreignThreshold else { continue }
            detections.append(detection(text, start..<end, score: 0.6, canonical: text.string(start..<end), attributes: ["form": "foreign"]))
        }
        return detections
    }
}
