import VeilText

/// The bytes a recognizer matches against: the document's UTF-8, or a normalized copy of it with
/// what it takes to map every view offset back to an original offset.
///
/// Views are always valid UTF-8 (the original is validated once; normalization only swaps whole
/// characters for ASCII), so patterns match them with `PCRE2_NO_UTF_CHECK`.
package struct TextView: Sendable {
    /// The view's UTF-8 bytes.
    package let bytes: [UInt8]
    /// The view offsets of the characters normalization rewrote, in order, each now one ASCII byte.
    /// Empty when the view is the original itself.
    private let rewrites: [Int32]
    /// For each rewrite, how many bytes shorter the view is than the original up to and including
    /// it: view offset `i` is original offset `i` plus the shift of the last rewrite before `i`.
    private let shifts: [Int32]

    /// A view that is the original text unchanged.
    init(original bytes: [UInt8]) {
        self.bytes = bytes
        self.rewrites = []
        self.shifts = []
    }

    /// Builds the view of `original` under `normalization`; returns an identity view when nothing
    /// in the text is affected.
    init(original: [UInt8], normalization: Normalization) {
        let count = original.count
        let table = normalization.replacementTable
        let pairs = normalization.leadingPairs
        let digitForms = normalization.contains(.chineseNumerals)
        // Where the characters to rewrite are (original offsets and lengths) and what they become.
        var found: [(offset: Int32, length: Int32, byte: UInt8)] = []
        table.withUnsafeBufferPointer { table in
            pairs.withUnsafeBufferPointer { pairs in
                original.withUnsafeBufferPointer { text in
                    var index = 0
                    while index < count {
                        // Eight ASCII bytes hold nothing to rewrite, unless their last is a digit a
                        // keycap's marks follow.
                        if index + 8 <= count && !ByteBlock(text, at: index).hasNonASCII
                            && (!digitForms || index + 8 == count || text[index + 8] < 0x80 || text[index + 7] &- 0x30 >= 10)
                        {
                            index += 8
                            continue
                        }
                        let lead = text[index]
                        if lead < 0x80 {
                            // 1️⃣: a digit, an optional variation selector, the combining keycap.
                            if digitForms && lead &- 0x30 < 10, let length = Self.keycapLength(text, after: index) {
                                found.append((Int32(index), Int32(1 + length), lead))
                                index += 1 + length
                                continue
                            }
                            index += 1
                        } else if lead < 0xE0 {
                            // ¹ ² ³ (U+00B9, U+00B2, U+00B3); the Arabic-Indic and N'Ko digits (U+0660–U+07C9).
                            if digitForms && lead == 0xC2 && index + 1 < count, let digit = Self.latinSuperscript(text[index + 1]) {
                                found.append((Int32(index), 2, digit))
                            } else if lead >= 0xD9 && index + 1 < count {
                                let ascii = table[Int(lead & 0x1F) << 6 | Int(text[index + 1] & 0x3F)]
                                if ascii != 0 { found.append((Int32(index), 2, ascii)) }
                            }
                            index += 2
                        } else if lead < 0xF0 {
                            guard index + 2 < count else { break }
                            let pair = Int(lead) << 8 | Int(text[index + 1])
                            if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                                let ascii = table[Int(Self.scalar(text, at: index))]
                                if ascii != 0 { found.append((Int32(index), 3, ascii)) }
                            }
                            index += 3
                        } else {
                            // 𝟘–𝟿: the mathematical digits (U+1D7CE–U+1D7FF), five styles of ten.
                            if digitForms && index + 3 < count && lead == 0xF0 && text[index + 1] == 0x9D && text[index + 2] == 0x9F
                                && text[index + 3] >= 0x8E
                            {
                                found.append((Int32(index), 4, 0x30 + (text[index + 3] - 0x8E) % 10))
                            }
                            index += 4
                        }
                    }
                }
            }
        }
        guard !found.isEmpty else {
            var bytes = original
            if digitForms { Self.readLookalikeDigits(&bytes) }
            self.bytes = bytes
            self.rewrites = []
            self.shifts = []
            return
        }
        // The view: the original with each found character replaced by its byte.
        let length = count - found.reduce(0) { $0 + Int($1.length) - 1 }
        var rewrites: [Int32] = [], shifts: [Int32] = []
        rewrites.reserveCapacity(found.count)
        shifts.reserveCapacity(found.count)
        var bytes = [UInt8](unsafeUninitializedCapacity: length) { view, viewCount in
            original.withUnsafeBufferPointer { text in
                var from = 0, out = 0, shift: Int32 = 0
                for (position, size, replacement) in found {
                    let at = Int(position)
                    let span = at - from
                    if span > 0 { (view.baseAddress! + out).update(from: text.baseAddress! + from, count: span) }
                    out += span
                    rewrites.append(Int32(out))
                    shift += size - 1
                    shifts.append(shift)
                    view[out] = replacement
                    out += 1
                    from = at + Int(size)
                }
                let rest = count - from
                if rest > 0 { (view.baseAddress! + out).update(from: text.baseAddress! + from, count: rest) }
                viewCount = out + rest
            }
        }
        if digitForms { Self.readLookalikeDigits(&bytes) }
        self.bytes = bytes
        self.rewrites = rewrites
        self.shifts = shifts
    }

    /// The length of a keycap's marks after the digit at `index` (U+FE0F then U+20E3, or U+20E3
    /// alone), or nil.
    @inline(__always)
    private static func keycapLength(_ text: UnsafeBufferPointer<UInt8>, after index: Int) -> Int? {
        func keycap(at offset: Int) -> Bool { offset + 2 < text.count && text[offset] == 0xE2 && text[offset + 1] == 0x83 && text[offset + 2] == 0xA3 }
        let next = index + 1
        guard next < text.count, text[next] >= 0x80 else { return nil }
        if keycap(at: next) { return 3 }
        if next + 2 < text.count && text[next] == 0xEF && text[next + 1] == 0xB8 && text[next + 2] == 0x8F && keycap(at: next + 3) { return 6 }
        return nil
    }

    @inline(__always)
    private static func latinSuperscript(_ second: UInt8) -> UInt8? {
        switch second {
        case 0xB9: return 0x31
        case 0xB2: return 0x32
        case 0xB3: return 0x33
        default: return nil
        }
    }

    /// O and o for 0, l and I for 1, inside a number: a run of digits and such letters standing
    /// alone (l38OO138OOO), or a chain of such runs parted by a space, a dash or a bracket, as a
    /// scan's text has them (+86 l47 6617 O6 16, (O898)22189274). Each run in the chain holds a real digit; the chain reads as a
    /// number when it holds at least seven characters, four of them real digits. Same length in and
    /// out, so offsets are unchanged; the bytes are copied only when a chain is found.
    private static func readLookalikeDigits(_ bytes: inout [UInt8]) {
        func isLookalike(_ byte: UInt8) -> Bool { byte == 0x4F || byte == 0x6F || byte == 0x6C || byte == 0x49 }
        func isDigitLike(_ byte: UInt8) -> Bool { ASCIIByte.isDigit(byte) || isLookalike(byte) }
        var chains: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { text in
            // The chain being read: where it starts and ends, its characters, real digits and look-alikes.
            var chain: (start: Int, end: Int, characters: Int, digits: Int, lookalikes: Int)?
            func close() {
                if let read = chain, read.lookalikes > 0, read.characters >= 7, read.digits >= 4 { chains.append(read.start..<read.end) }
                chain = nil
            }
            var index = 0
            while index < text.count {
                if index + 8 <= text.count && !ByteBlock(text, at: index).hasDigit { index += 8; continue }
                guard ASCIIByte.isDigit(text[index]) else { index += 1; continue }
                // The run of digits and look-alikes this digit is in.
                var start = index
                while start > 0 && isDigitLike(text[start - 1]) { start -= 1 }
                var end = index, digits = 0
                while end < text.count, isDigitLike(text[end]) {
                    if ASCIIByte.isDigit(text[end]) { digits += 1 }
                    end += 1
                }
                index = end
                // An X may close the run: a resident ID's check character (5I0107198I08I1703X).
                var after = end
                if after < text.count && (text[after] | 0x20) == UInt8(ascii: "x") && ASCIIByte.isDigit(text[after - 1]) { after += 1 }
                guard start == 0 || !ASCIIByte.isAlphanumeric(text[start - 1]), after == text.count || !ASCIIByte.isAlphanumeric(text[after]) else {
                    close()
                    continue
                }
                let characters = end - start
                if let read = chain, start - read.end <= 2, text[read.end..<start].allSatisfy({ $0 == 0x20 || $0 == 0x2D || $0 == 0x28 || $0 == 0x29 }) {
                    chain = (read.start, end, read.characters + characters, read.digits + digits, read.lookalikes + characters - digits)
                } else {
                    close()
                    chain = (start, end, characters, digits, characters - digits)
                }
            }
            close()
        }
        for chain in chains {
            for position in chain where isLookalike(bytes[position]) {
                // A look-alike counts only inside a run with a real digit: the chain's runs all have one.
                bytes[position] = bytes[position] == 0x4F || bytes[position] == 0x6F ? 0x30 : 0x31
            }
        }
    }

    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
    }

    /// How many rewrites lie at view offsets below `offset`.
    @inline(__always)
    private func rewrites(before offset: Int) -> Int {
        var low = 0, high = rewrites.count
        while low < high {
            let middle = (low + high) >> 1
            if Int(rewrites[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The original offset of view offset `offset` (0...count).
    @inline(__always)
    private func originalOffset(_ offset: Int) -> Int {
        if rewrites.isEmpty { return offset }
        let before = rewrites(before: offset)
        return before == 0 ? offset : offset + Int(shifts[before - 1])
    }

    /// The original byte range of a view byte range.
    @inline(__always)
    package func originalRange(_ range: Range<Int>) -> Range<Int> {
        if rewrites.isEmpty { return range }
        return originalOffset(range.lowerBound)..<originalOffset(range.upperBound)
    }

    /// The view byte range of an original byte range (the characters that begin inside it).
    func viewRange(ofOriginal range: Range<Int>) -> Range<Int> {
        if rewrites.isEmpty { return range }
        // The first view offset whose original offset is at or after `original`.
        func firstViewOffset(atOrAfter original: Int) -> Int {
            var low = 0, high = bytes.count
            while low < high {
                let middle = (low + high) >> 1
                if originalOffset(middle) < original { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return firstViewOffset(atOrAfter: range.lowerBound)..<firstViewOffset(atOrAfter: range.upperBound)
    }

    /// The view's text in `range`, as a String (for validators and canonical values).
    package func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
