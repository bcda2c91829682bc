import VeilText

/// Words near a match that change its score: `boost` words ("电话", "QQ") raise it, negative words
/// ("订单号", "快递") lower it.
///
/// Words are compared case-insensitively (ASCII) against the normalized view, within `window`
/// characters before the match and `windowAfter` characters after it. A word that begins with a
/// Latin letter must begin a word and end one, but for an inflection: "tel" is not found in
/// "hotel", "cell" not in "excellent", "sku" not in "Skuja"; "cards" and "called" count; in a
/// camelCase name a capital begins one ("Phone" in buyerPhone). Negative words take no inflection
/// (`inflects: false`): "ticket 2023-118" names what the number is, "Tickets: 0253 319 649" what
/// it is for.
package struct ContextRule: Sendable, Hashable {
    /// The words, lower-cased UTF-8.
    let words: [[UInt8]]
    /// Added to the score when a word is present (negative for penalties).
    package let adjustment: Double
    /// How many characters before the match are searched.
    package let window: Int
    /// How many characters after the match are searched.
    package let windowAfter: Int
    /// The words as one automaton: a window is read once, whatever the number of words.
    private let automaton: AhoCorasick
    /// For each word, whether it begins with a Latin letter (and so must begin a word).
    private let startsWithLetter: [Bool]

    /// Whether a word found may carry an inflection (cards, called).
    package let inflects: Bool

    package init(words: [String], adjustment: Double, window: Int, windowAfter: Int? = nil, inflects: Bool = true) {
        self.words = words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
        self.adjustment = adjustment
        self.window = window
        self.windowAfter = windowAfter ?? window
        self.inflects = inflects
        automaton = AhoCorasick(words: self.words.map { String(decoding: $0, as: UTF8.self) })
        startsWithLetter = self.words.map { ASCIIByte.isLetter($0[0]) }
    }

    package static func == (left: ContextRule, right: ContextRule) -> Bool {
        left.words == right.words && left.adjustment == right.adjustment && left.window == right.window && left.windowAfter == right.windowAfter
            && left.inflects == right.inflects
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(words)
        hasher.combine(adjustment)
        hasher.combine(window)
        hasher.combine(windowAfter)
        hasher.combine(inflects)
    }

    package var isEmpty: Bool { words.isEmpty }

    /// For a match that begins a line, the window also takes in the one or two short lines above
    /// it, up to this many characters more: a form's label on the line above its value
    /// (QQ：⏎12345678), a chat's question in the turn before the answer (您的QQ号是？⏎用户 8:12⏎
    /// 12345678). A long line — a paragraph of prose — ends the reach.
    static let lineStartReach = 24
    /// How many lines above a match that begins a line its window takes in.
    static let linesAbove = 2
    /// The longest line, in characters, that counts as a label or a chat turn's header.
    static let shortLine = 32

    /// Whether one of the words stands within the window around `range` (view byte offsets).
    func isPresent(around range: Range<Int>, in bytes: [UInt8]) -> Bool {
        if words.isEmpty { return false }
        var before = ContextRule.retreat(from: range.lowerBound, characters: window, in: bytes)
        if let lineStart = ContextRule.lineStart(of: range.lowerBound, in: bytes) {
            before = min(before, ContextRule.shortLinesStart(above: lineStart, characters: window + ContextRule.lineStartReach, in: bytes))
        }
        let after = ContextRule.advance(from: range.upperBound, characters: windowAfter, in: bytes)
        return bytes.withUnsafeBufferPointer { text in
            contains(text, before..<range.lowerBound) || contains(text, range.upperBound..<after)
        }
    }

    /// Whether one of the words stands inside `span` (a table's column header, view byte offsets).
    func isPresent(inside span: Range<Int>, in bytes: [UInt8]) -> Bool {
        if words.isEmpty { return false }
        return bytes.withUnsafeBufferPointer { contains($0, span) }
    }

    /// Whether one of the words stands in `text` (a field's name).
    func isPresent(in text: ArraySlice<UInt8>) -> Bool {
        if words.isEmpty { return false }
        return text.withUnsafeBufferPointer { contains($0, 0..<$0.count) }
    }

    private func contains(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        if span.isEmpty { return false }
        // Stops at the first word that counts; a word that begins with a Latin letter must begin
        // a word ("tel" is not in "hotel"), as a capital after a small letter does in a camelCase
        // name ("Id" in msgSvrId, "Phone" in buyerPhone).
        return !automaton.forEachOccurrence(in: text, within: span) { occurrence in
            let start = occurrence.range.lowerBound
            guard startsWithLetter[occurrence.word] else { return false }
            // It ends a word too, or an inflection does (cards, called, calling, reachable): "sku"
            // is not in "Skuja", "id" not in "Idris", "pan" not in "panel".
            if !Self.endsWord(text, at: occurrence.range.upperBound, inflected: inflects) { return true }
            guard start > 0 && ASCIIByte.isLetter(text[start - 1]) else { return false }
            return !(ASCIIByte.isUppercase(text[start]) && ASCIIByte.isLowercase(text[start - 1]))
        }
    }

    /// Endings a word found may carry and still be the word.
    private static let inflections: [[UInt8]] = ["s", "es", "ed", "d", "ing", "er", "ers", "able", "holder", "holders"].map { Array($0.utf8) }

    /// Whether the letters from `end` to the word's end are none, or an inflection.
    private static func endsWord(_ text: UnsafeBufferPointer<UInt8>, at end: Int, inflected: Bool) -> Bool {
        var index = end
        while index < text.count, ASCIIByte.isLetter(text[index]) {
            index += 1
            if index - end > 7 { return false }
        }
        if index == end { return true }
        // A capital after small letters begins the next word of a camelCase name (phoneNumber).
        if ASCIIByte.isUppercase(text[end]), end > 0, ASCIIByte.isLowercase(text[end - 1]) { return true }
        guard inflected else { return false }
        let ending = (end..<index).map { text[$0] | 0x20 }
        return inflections.contains(ending)
    }

    /// The start of the line `offset` begins (after a line break and spaces), or nil if it does not begin one.
    static func lineStart(of offset: Int, in bytes: [UInt8]) -> Int? {
        var index = offset
        while index > 0 && (bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09) { index -= 1 }
        return index > 0 && bytes[index - 1] == 0x0A ? index : nil
    }

    /// How far back from `lineStart` the short lines above it reach, within `characters`.
    static func shortLinesStart(above lineStart: Int, characters: Int, in bytes: [UInt8]) -> Int {
        var start = lineStart, budget = characters, lines = 0
        // `start` is a line's first byte; the line above ends at the break before it.
        while start > 0 && budget > 0 && lines < linesAbove {
            lines += 1
            let lineEnd = start - 1
            var index = lineEnd, length = 0
            while index > 0 && bytes[index - 1] != 0x0A && length <= shortLine {
                index -= 1
                if bytes[index] & 0xC0 != 0x80 { length += 1 }
            }
            if length > shortLine { break }
            if length + 1 > budget { return retreat(from: lineEnd, characters: budget - 1, in: bytes) }
            budget -= length + 1
            start = index
        }
        return start
    }

    /// The offset `characters` characters before `offset` (or 0).
    static func retreat(from offset: Int, characters: Int, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { text in
            // Characters are counted by the bytes that begin one (not 10xxxxxx).
            var index = offset, remaining = characters
            while index > 0 && remaining > 0 {
                index -= 1
                if text[index] & 0xC0 != 0x80 { remaining -= 1 }
            }
            return index
        }
    }

    /// The offset `characters` characters after `offset` (or the end).
    package static func advance(from offset: Int, characters: Int, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { text in
            var index = offset, remaining = characters
            while index < text.count && remaining > 0 {
                index += 1
                while index < text.count && text[index] & 0xC0 == 0x80 { index += 1 }
                remaining -= 1
            }
            return index
        }
    }
}
