import Foundation

/// A character-level hidden Markov model of Chinese names, trained on a tagged corpus
/// (scripts/build_person_hmm.py): each character of a run of Chinese text is a surname (B), the
/// first or second character of a two-character given name (C, D), a one-character given name (E),
/// part of a transliterated foreign name (F), or other text (O). Viterbi decoding gives the name
/// spans that best explain the whole run, which settles where a name ends (王芳也 → 王芳) and
/// finds names the per-position rules score too low.
struct ChineseNameModel: Sendable {
    enum Tag: Int, CaseIterable { case surname, givenFirst, givenSecond, givenSingle, foreign, other }
    static let count = Tag.allCases.count

    /// log P(character | tag), by scalar value; unseen characters use `unseen`.
    private let emission: [UInt32: [Double]]
    private let unseen: [Double]
    /// log P(tag | previous tag); index `count` is the start of a run.
    private let transition: [[Double]]
    /// log P(end of run | tag).
    private let end: [Double]

    static func read(_ path: String) throws -> ChineseNameModel {
        var counts: [UInt32: [Double]] = [:]
        var transitions = [[Double]](repeating: [Double](repeating: 0, count: count), count: count + 1)
        var ends = [Double](repeating: 0, count: count)
        let tags = "BCDEFO"
        let index = { (tag: String) in tags.firstIndex(of: Character(tag)).map { tags.distance(from: tags.startIndex, to: $0) } }
        for row in try WordList.readRows(path) {
            if row[0].hasPrefix(">"), row.count == 3, let weight = Double(row[2]) {
                let from = String(row[0].dropFirst())
                let fromIndex = from == "^" ? count : index(from)
                if row[1] == "$", let fromIndex, fromIndex < count { ends[fromIndex] += weight }
                if let fromIndex, let toIndex = index(row[1]) { transitions[fromIndex][toIndex] += weight }
            } else if row.count == 7, let scalar = row[0].unicodeScalars.first {
                counts[scalar.value] = row[1...].map { Double($0) ?? 0 }
            }
        }
        // Emissions with add-k smoothing; name roles smooth more, so a character the corpus never saw
        // (晗, 焱) is a plausible name character.
        let vocabulary = Double(counts.count)
        let totals = (0..<count).map { tag in counts.values.reduce(0) { $0 + $1[tag] } }
        let smoothing = [0.5, 0.5, 0.5, 0.5, 0.2, 0.05]
        let emission = counts.mapValues { row in
            (0..<count).map { tag in log((row[tag] + smoothing[tag]) / (totals[tag] + smoothing[tag] * vocabulary)) }
        }
        let unseen = (0..<count).map { tag in log(smoothing[tag] / (totals[tag] + smoothing[tag] * vocabulary)) }
        let transition = transitions.map { row -> [Double] in
            let total = row.reduce(0, +) + 0.01 * Double(count)
            return row.map { log(($0 + 0.01) / total) }
        }
        let outgoing = (0..<count).map { tag in transitions[tag].reduce(0, +) + ends[tag] }
        let end = (0..<count).map { tag in log((ends[tag] + 0.01) / (outgoing[tag] + 0.02)) }
        return ChineseNameModel(emission: emission, unseen: unseen, transition: transition, end: end)
    }

    /// The best tag for each scalar of a run of Chinese characters.
    func decode(_ run: ArraySlice<Unicode.Scalar>) -> [Tag] {
        let n = run.count
        guard n > 0 else { return [] }
        let k = Self.count
        var score = [Double](repeating: -.infinity, count: n * k)
        var back = [Int](repeating: 0, count: n * k)
        for (position, scalar) in run.enumerated() {
            let emit = emission[scalar.value] ?? unseen
            for tag in 0..<k {
                if position == 0 {
                    score[tag] = transition[k][tag] + emit[tag]
                    continue
                }
                var best = -Double.infinity, from = 0
                for previous in 0..<k {
                    let value = score[(position - 1) * k + previous] + transition[previous][tag]
                    if value > best { best = value; from = previous }
                }
                score[position * k + tag] = best + emit[tag]
                back[position * k + tag] = from
            }
        }
        var last = 0, best = -Double.infinity
        for tag in 0..<k where score[(n - 1) * k + tag] + end[tag] > best {
            best = score[(n - 1) * k + tag] + end[tag]
            last = tag
        }
        var tags = [Tag](repeating: .other, count: n)
        for position in stride(from: n - 1, through: 0, by: -1) {
            tags[position] = Tag(rawValue: last)!
            last = back[position * k + last]
        }
        return tags
    }
}
