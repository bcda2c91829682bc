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
        var view: [UInt8] = []
        var offsets: [Int32] = []
        var changed = false
        var index = 0
        let count = original.count
        while index < count {
            let lead = original[index]
            // Only three-byte sequences (U+0800…U+FFFF) are ever rewritten.
            if lead >= 0xE0 && lead < 0xF0 && index + 2 < count {
                let scalar = UInt32(lead & 0x0F) << 12 | UInt32(original[index + 1] & 0x3F) << 6 | UInt32(original[index + 2] & 0x3F)
                if let ascii = normalization.replacement(for: scalar) {
                    if !changed {
                        changed = true
                        view.reserveCapacity(count)
                        offsets.reserveCapacity(count + 1)
                        view.append(contentsOf: original[0..<index])
                        offsets.append(contentsOf: (0..<index).map(Int32.init))
                    }
                    view.append(ascii)
                    offsets.append(Int32(index))
                    index += 3
                    continue
                }
            }
            if changed {
                view.append(lead)
                offsets.append(Int32(index))
            }
            index += 1
        }
        if changed {
            offsets.append(Int32(count))
            self.bytes = view
            self.originalOffsets = offsets
        } else {
            self.bytes = original
            self.originalOffsets = nil
        }
    }

    /// The original byte range of a view byte range.
    @inline(__always)
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard let originalOffsets else { return range }
        return Int(originalOffsets[range.lowerBound])..<Int(originalOffsets[range.upperBound])
    }

    /// The view's text in `range`, as a String (for validators and canonical values).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
