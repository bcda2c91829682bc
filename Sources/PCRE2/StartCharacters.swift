internal import CPCRE2

/// The characters a pattern's matches can begin with, tested without PCRE2: for a pattern whose
/// first characters share their UTF-8 lead bytes with most Chinese characters (微 薇 威, the
/// province characters of a plate), PCRE2 starts a match attempt at every character with such a
/// byte, which costs far more than looking the character up in a bitmap and starting PCRE2 only
/// where one of the pattern's own characters stands.
///
/// Which characters can begin a match is asked of PCRE2 itself: can an anchored match begin with
/// this character alone (a match, or a partial match that more text could complete)? ASCII bytes
/// are asked at once; a multi-byte character is asked the first time a text shows it, and the
/// answer is kept for every later text and thread. Only patterns whose matches never look behind
/// their start are filtered — no look-behind, `\b` or `\B` anywhere (PCRE2's longest look-behind
/// is zero) — so the candidates are every place a match can begin, and
/// ``Pattern/matchRanges(in:startingAt:)`` finds exactly the matches a scan of the whole text would.
///
/// The answers are written only by atomic ors of bits that never change once set; this class owns
/// their memory.
public final class StartCharacters: @unchecked Sendable {
    /// ASCII bytes a match can begin with.
    private let ascii: [Bool]
    /// Lead bytes PCRE2 says a match can begin with (≥ 0xC2).
    private let leads: [Bool]
    /// Two bits per scalar below U+10000, in one word so one load answers: asked (the high bit of
    /// the pair) and a match can begin with it (the low bit).
    private let answers: UnsafeMutablePointer<UInt64>
    /// Whether any ASCII byte can begin a match (if not, runs of ASCII are passed eight at a time).
    private let anyASCII: Bool
    /// The pattern compiled anchored: matched once at each candidate.
    let anchored: Pattern

    private static let words = 2048

    /// The filter for `pattern`, or nil where it would not pay or could not be exact: PCRE2 has no
    /// first-byte bitmap (a fixed first byte PCRE2 finds fast itself), the pattern looks behind,
    /// a digit or white space can begin a match (too common to filter), or no multi-byte
    /// character can.
    public init?(_ pattern: Pattern) {
        guard pattern.options.contains(.utf), pattern.maxLookbehind == 0, let bitmap = pattern.firstByteBitmap else { return nil }
        let first = (0..<256).map { bitmap.contains(UInt8($0)) }
        guard first[0xC2...].contains(true), !(0x30...0x39).contains(where: { first[$0] }),
            ![0x09, 0x0A, 0x0D, 0x20].contains(where: { first[$0] })
        else { return nil }
        guard let anchored = try? Pattern(pattern.source, options: pattern.options.union(.anchored), limits: pattern.limits, jitPartial: true) else { return nil }
        self.anchored = anchored
        ascii = (0..<128).map { first[$0] && anchored.canBeginMatch([UInt8($0)]) }
        anyASCII = ascii.contains(true)
        leads = first
        answers = .allocate(capacity: Self.words)
        answers.initialize(repeating: 0, count: Self.words)
    }

    deinit {
        answers.deallocate()
    }

    /// Whether a match can begin with the character at `index` (a lead byte of two or three bytes
    /// that PCRE2 allows).
    @inline(__always)
    private func canBegin(_ text: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        let scalar =
            length == 2
            ? Int(text[index] & 0x1F) << 6 | Int(text[index + 1] & 0x3F)
            : Int(text[index] & 0x0F) << 12 | Int(text[index + 1] & 0x3F) << 6 | Int(text[index + 2] & 0x3F)
        let word = answers + (scalar >> 5), shift = UInt64(scalar & 31) << 1
        let known = veil_atomic_load(word) >> shift
        if known & 2 != 0 { return known & 1 != 0 }
        let answer = anchored.canBeginMatch(Array(UnsafeBufferPointer(rebasing: text[index..<index + length])))
        veil_atomic_or(word, (answer ? 3 : 2) << shift)
        return answer
    }

    /// Calls `body` with the byte offset of every character of `text` a match can begin with, in
    /// order. `text` must be valid UTF-8.
    func forEachCandidate(in text: UnsafeBufferPointer<UInt8>, _ body: (Int) throws -> Void) rethrows {
        try ascii.withUnsafeBufferPointer { ascii in
            try leads.withUnsafeBufferPointer { leads in
                let count = text.count
                var index = 0
                while index < count {
                    if !anyASCII && index + 8 <= count && UTF8Validation.areEightASCII(text, at: index) {
                        index += 8
                        continue
                    }
                    let byte = text[index]
                    if byte < 0x80 {
                        if ascii[Int(byte)] { try body(index) }
                        index += 1
                        continue
                    }
                    let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    if leads[Int(byte)] && index + length <= count {
                        // Four-byte characters (emoji) are rare: each one PCRE2's bitmap allows is a candidate.
                        if length == 4 || canBegin(text, at: index, length: length) { try body(index) }
                    }
                    index += length
                }
            }
        }
    }
}
