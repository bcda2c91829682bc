/// Words near a match that change its score: `boost` words ("电话", "QQ") raise it, negative words
/// ("订单号", "快递") lower it.
///
/// Words are compared case-insensitively (ASCII) against the normalized view, within `window`
/// characters before the match and `windowAfter` characters after it. A word that begins with a
/// Latin letter must begin a word: "tel" is not found in "hotel", "cell" not in "excellent".
public struct ContextRule: Sendable, Hashable {
    /// The words, lower-cased UTF-8.
    let words: [[UInt8]]
    /// Added to the score when a word is present (negative for penalties).
    public let adjustment: Double
    /// How many characters before the match are searched.
    public let window: Int
    /// How many characters after the match are searched.
    public let windowAfter: Int

    public init(words: [String], adjustment: Double, window: Int, windowAfter: Int? = nil) {
        self.words = words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
        self.adjustment = adjustment
        self.window = window
        self.windowAfter = windowAfter ?? window
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Whether one of the words stands within the window around `range` (view byte offsets).
    func isPresent(around range: Range<Int>, in bytes: [UInt8]) -> Bool {
        if words.isEmpty { return false }
        let before = ContextRule.retreat(from: range.lowerBound, characters: window, in: bytes)
        let after = ContextRule.advance(from: range.upperBound, characters: windowAfter, in: bytes)
        return contains(bytes, before..<range.lowerBound) || contains(bytes, range.upperBound..<after)
    }

    private func contains(_ bytes: [UInt8], _ span: Range<Int>) -> Bool {
        if span.isEmpty { return false }
        for word in words where word.count <= span.count {
            var start = span.lowerBound
            let last = span.upperBound - word.count
            let startsWithLetter = ASCIIByte.isLetter(word[0])
            while start <= last {
                if startsWithLetter && start > 0 && ASCIIByte.isLetter(bytes[start - 1]) { start += 1; continue }
                var matched = true
                for (offset, expected) in word.enumerated() {
                    var byte = bytes[start + offset]
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if byte != expected { matched = false; break }
                }
                if matched { return true }
                start += 1
            }
        }
        return false
    }

    static func retreat(from offset: Int, characters: Int, in bytes: [UInt8]) -> Int {
        var index = offset, remaining = characters
        while index > 0 && remaining > 0 {
            index -= 1
            while index > 0 && bytes[index] & 0xC0 == 0x80 { index -= 1 }
            remaining -= 1
        }
        return index
    }

    static func advance(from offset: Int, characters: Int, in bytes: [UInt8]) -> Int {
        var index = offset, remaining = characters
        while index < bytes.count && remaining > 0 {
            index += 1
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }
}
