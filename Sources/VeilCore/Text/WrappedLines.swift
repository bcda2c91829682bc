import VeilText

/// Line breaks that may cut a value in two, and the stretches of a document read again with them
/// taken out.
///
/// Text copied out of a PDF or an OCR'd scan, a fax or a terminal is wrapped wherever its lines ran
/// out of room: inside a phone number (`(0471)88098\n71`), an ID number, an e-mail address, a
/// Chinese address (`成都市武侯\n区`). Recognizers read lines as written, so a value cut by such a
/// break is found in part or not at all. The engine reads each stretch around a break that could
/// be such a cut a second time with the break taken out and keeps what it finds there only when it spans the break.
///
/// A break is a candidate when the characters either side of it (spaces aside) could both belong
/// to one value: letters, digits, Han characters and the marks values are written with
/// (`@ . - _ + ( ) #`, full-width and dash hyphens; a dot or a closing bracket before the break only
/// when a digit or a small letter follows it); between two Latin letters only when the
/// token after it holds more than letters (`川C⏎LD162`, `wangji⏎e88@163.com`), or the token before
/// it does and the one after goes on in lower case (`8848@gma⏎il`) — English wraps between words
/// (`S1 2HE⏎The office`), and an address's lines are read by the address plugin as such. The line
/// before it must have run out of room: not clearly narrower than the line after. A break after
/// sentence punctuation, a blank line, or a break at the start or end of the text is never one.
struct WrappedLines {
    /// One stretch of the document with its candidate breaks taken out.
    struct Stretch {
        /// The stretch's text as read again (valid UTF-8: only whole line breaks are taken out).
        let bytes: [UInt8]
        /// Where the stretch starts in the document.
        let start: Int
        /// The breaks, in order: where each was in the stretch's text, and how many bytes of the
        /// document it stood for there (its `\r\n` or `\n`).
        let breaks: [(offset: Int, removed: Int)]

        /// The document range of a range of the stretch's text.
        func originalRange(_ range: Range<Int>) -> Range<Int> {
            var lower = start + range.lowerBound, upper = start + range.upperBound
            for gap in breaks {
                if gap.offset <= range.lowerBound { lower += gap.removed }
                if gap.offset < range.upperBound { upper += gap.removed }
            }
            return lower..<upper
        }

        /// Whether a range of the stretch's text holds a break strictly inside it.
        func spansBreak(_ range: Range<Int>) -> Bool {
            breaks.indices.contains { spans(break: $0, range) }
        }

        /// Whether the break numbered `index` lies strictly inside a range of the stretch's text.
        func spans(break index: Int, _ range: Range<Int>) -> Bool {
            breaks[index].offset > range.lowerBound && breaks[index].offset < range.upperBound
        }

        /// The characters either side of each break, as the stretch's text reads (nil where a break
        /// has none on one side).
        var charactersAroundBreaks: [(before: Unicode.Scalar, after: Unicode.Scalar)?] {
            breaks.map { gap in
                guard gap.offset > 0, gap.offset < bytes.count else { return nil }
                let start = WrappedLines.characterStart(gap.offset - 1, in: bytes)
                let before = String(decoding: bytes[start..<gap.offset], as: UTF8.self).unicodeScalars.first
                let after = String(decoding: bytes[gap.offset..<min(bytes.count, gap.offset + 4)], as: UTF8.self).unicodeScalars.first
                guard let before, let after else { return nil }
                return (before, after)
            }
        }
    }

    /// How far a stretch reaches back and forward from a break, at most, in bytes: further than
    /// any one value, short enough that a long line costs little to read twice.
    static let reach = 192

    /// The stretches of `bytes` around its candidate breaks (none for most text).
    static func stretches(of bytes: [UInt8]) -> [Stretch] {
        var candidates: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { text in
            var index = 0
            while index < text.count {
                if index + 8 <= text.count && !ByteBlock(text, at: index).contains(0x0A) { index += 8; continue }
                if text[index] == 0x0A, let candidate = candidate(at: index, in: text) { candidates.append(candidate) }
                index += 1
            }
        }
        guard !candidates.isEmpty else { return [] }
        // Each candidate's window, from the start of its line to the end of the next, at most
        // `reach` either side; windows that meet become one stretch.
        var stretches: [Stretch] = []
        var group: [Range<Int>] = []
        var window = 0..<0
        func flush() {
            guard !group.isEmpty else { return }
            var text: [UInt8] = [], breaks: [(offset: Int, removed: Int)] = []
            var from = window.lowerBound
            for lineBreak in group {
                text += bytes[from..<lineBreak.lowerBound]
                breaks.append((text.count, lineBreak.count))
                from = lineBreak.upperBound
            }
            text += bytes[from..<window.upperBound]
            stretches.append(Stretch(bytes: text, start: window.lowerBound, breaks: breaks))
            group = []
        }
        for candidate in candidates {
            let lower = characterStart(lineStart(before: candidate.lowerBound, in: bytes), in: bytes)
            let upper = characterStart(lineEnd(after: candidate.upperBound, in: bytes), in: bytes)
            if !group.isEmpty && lower <= window.upperBound {
                window = window.lowerBound..<max(window.upperBound, upper)
            } else {
                flush()
                window = lower..<upper
            }
            group.append(candidate)
        }
        flush()
        return stretches
    }

    /// The break (with a `\r` before it) at `newline` if it could cut a value.
    private static func candidate(at newline: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var breakStart = newline
        if breakStart > 0 && text[breakStart - 1] == 0x0D { breakStart -= 1 }
        var before = breakStart - 1
        while before >= 0 && (text[before] == 0x20 || text[before] == 0x09) { before -= 1 }
        var after = newline + 1
        while after < text.count && (text[after] == 0x20 || text[after] == 0x09) { after += 1 }
        guard before >= 0, after < text.count else { return nil }
        var lead = before
        while lead > 0 && text[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard let left = valueCharacter(at: lead, in: text), let right = valueCharacter(at: after, in: text) else { return nil }
        // A dot or a closing bracket ends sentences and asides as often as it sits inside a value:
        // before a break it counts only when a digit or a small letter goes on after it (163.⏎com).
        if left == .closing && !(ASCIIByte.isDigit(text[after]) || ASCIIByte.isLowercase(text[after])) { return nil }
        if left == .letter && right == .letter && !isMarked(token: after, step: 1, in: text)
            && !(ASCIIByte.isLowercase(text[after]) && isMarked(token: before, step: -1, in: text))
        {
            return nil
        }
        // A wrapped line ran out of room: it is not clearly narrower than the line after it (a chat
        // turn's header, 用户 8:12, above the number typed in the turn is not a wrap). Widths as
        // a page sets them: a Han character takes two columns, a digit or a letter one.
        guard width(from: breakStart, step: -1, in: text) + 4 >= width(from: newline + 1, step: 1, in: text) else { return nil }
        // A transcript's next turn (吴莹⏎问：后来呢？) starts a line of its own.
        if startsWithSpeakerLabel(after, in: text) { return nil }
        return breakStart..<(newline + 1)
    }

    /// Whether one to six Chinese characters and a colon (问：, 主持人：, 吴:) start at `index`.
    private static func startsWithSpeakerLabel(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = index, characters = 0
        while position + 2 < text.count, characters <= 6 {
            if text[position] == 0x3A || (text[position] == 0xEF && text[position + 1] == 0xBC && text[position + 2] == 0x9A) { return characters > 0 }
            // A Han character of the basic block: three bytes from E4 to E9.
            guard (0xE4...0xE9).contains(text[position]) else { return false }
            position += 3
            characters += 1
        }
        return false
    }

    /// Whether the token through `index` (read in the direction of `step`, up to a space or a line
    /// break) holds more than Latin letters — a digit, an `@`, a dot, a Han character: a plate, an
    /// e-mail address or a code, not a word of English a wrap could have parted from the next.
    private static func isMarked(token index: Int, step: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = index, length = 0
        while position >= 0 && position < text.count && length < 64 {
            let byte = text[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { return false }
            if !ASCIIByte.isLetter(byte) { return true }
            position += step
            length += 1
        }
        return false
    }

    /// How wide the line is from `offset` back to its start (`step` -1) or on to its end (`step`
    /// 1), in columns (two for a character of three or four bytes, one for any other), counted up
    /// to `reach` bytes.
    private static func width(from offset: Int, step: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var position = step < 0 ? offset - 1 : offset, columns = 0, bytes = 0
        while position >= 0 && position < text.count && bytes < reach {
            let byte = text[position]
            if byte == 0x0A || byte == 0x0D { break }
            if byte < 0x80 || (byte >= 0xC0 && byte < 0xE0) { columns += 1 } else if byte >= 0xE0 { columns += 2 }
            position += step
            bytes += 1
        }
        return columns
    }

    private enum Kind { case letter, closing, other }

    /// What kind of value character begins at `index`, or nil if none does.
    private static func valueCharacter(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Kind? {
        let byte = text[index]
        if byte < 0x80 {
            if ASCIIByte.isLetter(byte) { return .letter }
            if ASCIIByte.isDigit(byte) { return .other }
            switch byte {
            case UInt8(ascii: "@"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: "#"): return .other
            case UInt8(ascii: "."), UInt8(ascii: ")"): return .closing
            default: return nil
            }
        }
        guard byte >= 0xE0, byte < 0xF0, index + 2 < text.count else { return nil }
        let scalar = UInt32(byte & 0x0F) << 12 | UInt32(text[index + 1] & 0x3F) << 6 | UInt32(text[index + 2] & 0x3F)
        switch scalar {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return .other // Han
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0D, 0xFF08, 0xFF09, 0xFF20: return .other // full-width
        case 0x2010...0x2015, 0x2460...0x24FF: return .other // dashes, circled digits
        default: return nil
        }
    }

    /// The start of the line holding `offset`, at most `reach` bytes back.
    private static func lineStart(before offset: Int, in bytes: [UInt8]) -> Int {
        var index = offset
        let limit = max(0, offset - reach)
        while index > limit && bytes[index - 1] != 0x0A { index -= 1 }
        return index
    }

    /// The end of the line starting at or before `offset` (before its break), at most `reach` bytes on.
    private static func lineEnd(after offset: Int, in bytes: [UInt8]) -> Int {
        var index = offset
        let limit = min(bytes.count, offset + reach)
        while index < limit && bytes[index] != 0x0A && bytes[index] != 0x0D { index += 1 }
        return index
    }

    /// `offset` moved back to the start of the character it falls in.
    private static func characterStart(_ offset: Int, in bytes: [UInt8]) -> Int {
        var index = offset
        while index > 0 && index < bytes.count && bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }
}
