import Foundation
import VeilCore

/// Transliterated foreign names (克林顿, 内塔尼亚胡), found by how often their characters appear in such names.
extension ChineseNameRecognizer {
    /// Runs of characters that mostly appear in transliterated foreign names (克林顿, 内塔尼亚胡,
    /// 保罗·克鲁格曼): every character seen in such names at least now and then, the run's edges
    /// trimmed to characters that are often so, and the geometric mean of their chances high. With
    /// the tagger's `labels`, only where it also sees a person (哈哈哈 and chat noise are not).
    func foreignNames(_ text: Text, labels: [NameTagger.Label]?) -> [Detection] {
        var detections: [Detection] = []
        let chance = { (index: Int) in text.scalars[index] == "·" ? foreignThreshold : statistics.foreignProbability(text.scalars[index]) }
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
            if let labels, !labels[start..<end].contains(where: { $0 == .beginPerson || $0 == .insidePerson }) { continue }
            detections.append(detection(text, start..<end, score: 0.6, canonical: text.string(start..<end), facts: MentionFacts(personForm: .foreign)))
        }
        return detections
    }
}
