/// Where a long text may be cut into parts recognized one at a time: after a line break, or —
/// in one long line — after the end of a sentence, or else at a space, so that a line of any
/// length is recognized in bounded memory and the cut seldom falls inside a value.
package enum TextCut {
    /// The first cut at or after `from` in `bytes`: after a line break within `reach` bytes, else
    /// after a sentence's end (。！？ or . ! ? before a space) within `reach`, else after a space or
    /// a tab within `reach`, else at the character boundary at `from + reach`. Nil when the text
    /// ends before `from + reach` with no line break: the rest is one part.
    package static func cut(in bytes: [UInt8], from: Int, reach: Int) -> Int? {
        guard from < bytes.count else { return nil }
        let limit = min(bytes.count, from + reach)
        if let newline = bytes[from..<limit].firstIndex(of: 0x0A) { return newline + 1 }
        guard limit < bytes.count else { return nil }
        var space: Int?
        var index = from
        while index < limit {
            let byte = bytes[index]
            // 。(E3 80 82) ！(EF BC 81) ？(EF BC 9F)
            if byte == 0xE3 && index + 2 < limit && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x82 { return index + 3 }
            if byte == 0xEF && index + 2 < limit && bytes[index + 1] == 0xBC && (bytes[index + 2] == 0x81 || bytes[index + 2] == 0x9F) { return index + 3 }
            if (byte == 0x2E || byte == 0x21 || byte == 0x3F) && index + 1 < limit && bytes[index + 1] == 0x20 { return index + 2 }
            if space == nil && (byte == 0x20 || byte == 0x09) { space = index + 1 }
            index += 1
        }
        if let space { return space }
        var boundary = limit
        while boundary > from && bytes[boundary] & 0xC0 == 0x80 { boundary -= 1 }
        return boundary > from ? boundary : limit
    }
}
