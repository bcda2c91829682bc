/// The bytes a recognizer matches against: the document's UTF-8, or a normalized copy of it with a
/// map from every view offset back to an original offset.
///
/// Views are always valid UTF-8 (the original is validated once; normalization only swaps whole
/// characters for ASCII), so patterns match them with `PCRE2_NO_UTF_CHECK`.
public struct TextView: Sendable {
    /// The view's UTF-8 bytes.
    public let bytes: [UInt8]
    /// `originalOffsets[i]` is the original offset of view offset `i` (count + 1 entries);
    /// nil when the view is the original itself.
    private let originalOffsets: [Int32]?

    /// A view that is the original text unchanged.
    init(original bytes: [UInt8]) {
        self.bytes = bytes
        self.originalOffsets = nil
    }

    /// Builds the view of `original` under `normalization`; returns an identity view when nothing
    /// in the text is affected.
    init(original: [UInt8], normalization: Normalization) {
        let count = original.count
        let table = normalization.replacementTable
        // Where the first rewritten character is; most texts have none for most options.
        var first = 0
        table.withUnsafeBufferPointer { table in
            original.withUnsafeBufferPointer { original in
                findFirst: while first < count {
                    let lead = original[first]
                    if lead >= 0xE0 && lead < 0xF0 && first + 2 < count && table[Int(Self.scalar(original, at: first))] != 0 { break findFirst }
                    first += 1
                }
            }
        }
        guard first < count else {
            self.bytes = original
            self.originalOffsets = nil
            return
        }
        // The view is never longer than the original: write both arrays in place.
        var offsets = [Int32](repeating: 0, count: count + 1)
        var length = 0
        let view = [UInt8](unsafeUninitializedCapacity: count) { view, viewCount in
            offsets.withUnsafeMutableBufferPointer { offsets in
                original.withUnsafeBufferPointer { original in
                    table.withUnsafeBufferPointer { table in
                        for index in 0..<first {
                            view[index] = original[index]
                            offsets[index] = Int32(index)
                        }
                        var index = first, out = first
                        while index < count {
                            let lead = original[index]
                            // Only three-byte sequences (U+0800…U+FFFF) are ever rewritten.
                            if lead >= 0xE0 && lead < 0xF0 && index + 2 < count {
                                let ascii = table[Int(Self.scalar(original, at: index))]
                                if ascii != 0 {
                                    view[out] = ascii
                                    offsets[out] = Int32(index)
                                    out += 1
                                    index += 3
                                    continue
                                }
                            }
                            view[out] = lead
                            offsets[out] = Int32(index)
                            out += 1
                            index += 1
                        }
                        offsets[out] = Int32(count)
                        length = out
                    }
                }
            }
            viewCount = length
        }
        offsets.removeLast(count - length)
        self.bytes = view
        self.originalOffsets = offsets
    }

    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
    }

    /// The original byte range of a view byte range.
    @inline(__always)
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard let originalOffsets else { return range }
        return Int(originalOffsets[range.lowerBound])..<Int(originalOffsets[range.upperBound])
    }

    /// The view byte range of an original byte range (the characters that begin inside it).
    func viewRange(ofOriginal range: Range<Int>) -> Range<Int> {
        guard let originalOffsets else { return range }
        func firstViewOffset(atOrAfter original: Int) -> Int {
            var low = 0, high = originalOffsets.count - 1
            while low < high {
                let middle = (low + high) / 2
                if Int(originalOffsets[middle]) < original { low = middle + 1 } else { high = middle }
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
