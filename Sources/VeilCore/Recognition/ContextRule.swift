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
    /// For each (lower-cased) first byte, the indices of the words that begin with it.
    private let wordsByFirstByte: [[Int]]

    public init(words: [String], adjustment: Double, window: Int, windowAfter: Int? = nil) {
        self.words = words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
        self.adjustment = adjustment
        self.window = window
        self.windowAfter = windowAfter ?? window
        var byFirst = [[Int]](repeating: [], count: 256)
        for (index, word) in self.words.enumerated() { byFirst[Int(word[0])].append(index) }
        wordsByFirstByte = byFirst
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
        if span.isEmpty || words.isEmpty { return false }
        return bytes.withUnsafeBufferPointer { text in
            wordsByFirstByte.withUnsafeBufferPointer { byFirst in
                for start in span {
                    var first = text[start]
                    if first >= 0x41 && first <= 0x5A { first |= 0x20 }
                    let candidates = byFirst[Int(first)]
                    if candidates.isEmpty { continue }
                    // A word that begins with a Latin letter must begin a word ("tel" is not in "hotel").
                    if ASCIIByte.isLetter(first) && start > 0 && ASCIIByte.isLetter(text[start - 1]) { continue }
                    for index in candidates where matches(words[index], at: start, in: text, before: span.upperBound) { return true }
                }
                return false
            }
        }
    }

    @inline(__always)
    private func matches(_ word: [UInt8], at start: Int, in text: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        guard start + word.count <= end else { return false }
        return word.withUnsafeBufferPointer { word in
            for offset in 1..<word.count {
                var byte = text[start + offset]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if byte != word[offset] { return false }
            }
            return true
        }
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
