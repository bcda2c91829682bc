/// The bytes a recognizer matches against: the document's UTF-8, or a normalized copy of it with
/// what it takes to map every view offset back to an original offset.
///
/// Views are always valid UTF-8 (the original is validated once; normalization only swaps whole
/// characters for ASCII), so patterns match them with `PCRE2_NO_UTF_CHECK`.
public struct TextView: Sendable {
    /// The view's UTF-8 bytes.
    public let bytes: [UInt8]
    /// The view offsets of the characters normalization rewrote, in order: each was three bytes in
    /// the original and is one ASCII byte here, so view offset `i` is original offset `i` plus two
    /// for every rewrite before it. Empty when the view is the original itself.
    private let rewrites: [Int32]

    /// A view that is the original text unchanged.
    init(original bytes: [UInt8]) {
        self.bytes = bytes
        self.rewrites = []
    }

    /// Builds the view of `original` under `normalization`; returns an identity view when nothing
    /// in the text is affected.
    init(original: [UInt8], normalization: Normalization) {
        let count = original.count
        let table = normalization.replacementTable
        let pairs = normalization.leadingPairs
        // Where the characters to rewrite are (original offsets) and what they become. Runs of
        // ASCII are stepped over eight bytes at a time; only three-byte sequences are ever rewritten.
        var found: [Int32] = []
        var replacements: [UInt8] = []
        table.withUnsafeBufferPointer { table in
            pairs.withUnsafeBufferPointer { pairs in
                original.withUnsafeBufferPointer { text in
                    var index = 0
                    while index < count {
                        if index + 8 <= count && !ByteBlock(text, at: index).hasNonASCII { index += 8; continue }
                        let lead = text[index]
                        if lead < 0xE0 { index += lead < 0x80 ? 1 : 2; continue }
                        if lead >= 0xF0 { index += 4; continue }
                        guard index + 2 < count else { break }
                        let pair = Int(lead) << 8 | Int(text[index + 1])
                        if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                            let ascii = table[Int(Self.scalar(text, at: index))]
                            if ascii != 0 {
                                found.append(Int32(index))
                                replacements.append(ascii)
                            }
                        }
                        index += 3
                    }
                }
            }
        }
        guard !found.isEmpty else {
            self.bytes = original
            self.rewrites = []
            return
        }
        // The view: the original with each found character replaced by its byte.
        let length = count - 2 * found.count
        var rewrites: [Int32] = []
        rewrites.reserveCapacity(found.count)
        self.bytes = [UInt8](unsafeUninitializedCapacity: length) { view, viewCount in
            original.withUnsafeBufferPointer { text in
                var from = 0, out = 0
                for (position, replacement) in zip(found, replacements) {
                    let at = Int(position)
                    let span = at - from
                    if span > 0 { (view.baseAddress! + out).update(from: text.baseAddress! + from, count: span) }
                    out += span
                    rewrites.append(Int32(out))
                    view[out] = replacement
                    out += 1
                    from = at + 3
                }
                let rest = count - from
                if rest > 0 { (view.baseAddress! + out).update(from: text.baseAddress! + from, count: rest) }
                viewCount = out + rest
            }
        }
        self.rewrites = rewrites
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
        rewrites.isEmpty ? offset : offset + 2 * rewrites(before: offset)
    }

    /// The original byte range of a view byte range.
    @inline(__always)
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
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
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
