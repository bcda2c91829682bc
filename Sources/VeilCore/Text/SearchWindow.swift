/// Where a pattern is tried: matches must start in `start..<end`; the pattern sees the text up to
/// `subjectEnd` (and all of it before), so its look-behinds and look-aheads see real text. Made
/// around digit runs (``DigitRuns``) or around anchor words (``windows(around:in:)``).
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

    /// How far before an anchor word a match may start (江西省于都县黄陂镇 before 石门村).
    static let beforeAnchor = 150
    /// How far past an anchor a match may run (a labelled address runs on after its 地址： anchor).
    static let afterAnchor = 256

    /// The windows around `anchors` (sorted byte ranges: 村, 3栋) in a text of `count` bytes, merged where they would overlap:
    /// a match must start before an anchor's end.
    static func windows(around anchors: [Range<Int>], count: Int) -> [SearchWindow] {
        var windows: [SearchWindow] = []
        for anchor in anchors {
            let start = max(0, anchor.lowerBound - beforeAnchor)
            let subjectEnd = min(count, anchor.upperBound + afterAnchor)
            if let last = windows.last, start <= last.subjectEnd {
                windows[windows.count - 1] = SearchWindow(start: last.start, end: anchor.upperBound, subjectEnd: max(last.subjectEnd, subjectEnd))
            } else {
                windows.append(SearchWindow(start: start, end: anchor.upperBound, subjectEnd: subjectEnd))
            }
        }
        return windows
    }
}
