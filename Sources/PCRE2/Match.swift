internal import CPCRE2

/// One match: byte ranges into the subject for the whole match and its capture groups.
///
/// A `Match` reads PCRE2's output vector in place, so it is valid only inside the closure given to
/// ``Pattern/forEachMatch(in:from:_:)``; copy out the ranges you need.
public struct Match {
    private let ovector: UnsafePointer<Int>
    private let groupCount: Int
    /// Where the match began, before any `\K` moved the start of ``range``.
    public let start: Int

    init(ovector: UnsafePointer<Int>, groupCount: Int, start: Int) {
        self.ovector = ovector
        self.groupCount = groupCount
        self.start = start
    }

    /// The bytes of the whole match. With `\K` in the pattern, it starts where `\K` was.
    public var range: Range<Int> { ovector[0]..<max(ovector[0], ovector[1]) }

    /// The bytes of capture group `group`, or nil if that group did not take part in the match.
    public func range(ofGroup group: Int) -> Range<Int>? {
        guard group >= 0, group <= groupCount else { return nil }
        let start = ovector[2 * group], end = ovector[2 * group + 1]
        if start == veil_pcre2_unset() || end == veil_pcre2_unset() { return nil }
        return start..<end
    }
}
