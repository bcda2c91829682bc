/// Where a pattern is tried: matches must start in `start..<end`; the pattern sees the text up to
/// `subjectEnd` (and all of it before), so its look-behinds and look-aheads see real text. Made
/// around digit runs (``DigitRuns``) or around anchor matches (``windows(around:count:)``).
struct SearchWindow: Sendable, Equatable {
    let start: Int
    let end: Int
    let subjectEnd: Int

    init(start: Int, end: Int, subjectEnd: Int) {
        self.start = start
        self.end = end
        self.subjectEnd = subjectEnd
    }

    /// The whole text.
    init(whole count: Int) {
        self.init(start: 0, end: count + 1, subjectEnd: count)
    }

    /// Windows whose match starts lie closer than this are tried in one call: each call costs
    /// about what scanning this many bytes does.
    static let mergeGap = 96

    /// How far before an anchor word a match may start (江西省于都县黄陂镇 before 石门村).
    static let beforeAnchor = 150
    /// How far past an anchor a match may run (a labelled address runs on after its 地址： anchor).
    static let afterAnchor = 256

    /// The windows around `anchors` (byte ranges in order: 村, 3栋) in a text of `count` bytes: a
    /// match must start before an anchor's end.
    static func windows(around anchors: [Range<Int>], count: Int) -> [SearchWindow] {
        windows(around: anchors, before: beforeAnchor, after: afterAnchor, count: count)
    }

    /// The windows from `before` bytes ahead of each range to its end (matches start there), the
    /// pattern seeing `after` bytes past it; merged where they would overlap. `ranges` in order of
    /// their start. Digit runs and anchors both make their windows here.
    static func windows(around ranges: [Range<Int>], before: Int, after: Int, count: Int) -> [SearchWindow] {
        var windows: [SearchWindow] = []
        for range in ranges {
            let start = max(0, range.lowerBound - before)
            let subjectEnd = min(count, range.upperBound + after)
            if let last = windows.last, start <= last.end + Self.mergeGap {
                windows[windows.count - 1] = SearchWindow(
                    start: last.start, end: max(last.end, range.upperBound),
                    subjectEnd: max(last.subjectEnd, subjectEnd))
            } else {
                windows.append(SearchWindow(start: start, end: range.upperBound, subjectEnd: subjectEnd))
            }
        }
        return windows
    }
}
