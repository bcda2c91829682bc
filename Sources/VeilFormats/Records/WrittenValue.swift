import VeilCore

/// A value as its file writes it — a quoted CSV cell's content, a JSON string's — and where each
/// byte of its decoded text lies there, so that rewrites of the text are spliced into the bytes as
/// written: every byte around them stays as it was (escapes, doubled quotes), and each reversible
/// rewrite remembers the original exactly as written, for reveal to put back.
struct WrittenValue {
    let raw: ArraySlice<UInt8>
    /// For each offset into the decoded text's UTF-8, the offset into `raw` (-1 inside an escape);
    /// nil when the text is written as it is.
    let offsets: [Int]?

    /// A value written as its text.
    init(plain raw: ArraySlice<UInt8>) {
        self.raw = raw
        self.offsets = nil
    }

    /// A quoted CSV cell's content (between the quotes), where `""` stands for `"`.
    init(csvQuoted raw: ArraySlice<UInt8>) {
        self.raw = raw
        var offsets: [Int] = []
        offsets.reserveCapacity(raw.count + 1)
        var index = raw.startIndex
        while index < raw.endIndex {
            offsets.append(index - raw.startIndex)
            index += raw[index] == UInt8(ascii: "\"") && index + 1 < raw.endIndex && raw[index + 1] == UInt8(ascii: "\"") ? 2 : 1
        }
        offsets.append(raw.count)
        self.offsets = offsets
    }

    /// A JSON string's content (between the quotes, already checked by the parser).
    init(jsonString raw: ArraySlice<UInt8>) {
        self.raw = raw
        var offsets: [Int] = []
        offsets.reserveCapacity(raw.count + 1)
        var index = raw.startIndex
        func hex(_ at: Int) -> UInt32 { UInt32(String(decoding: raw[at..<min(at + 4, raw.endIndex)], as: UTF8.self), radix: 16) ?? 0 }
        while index < raw.endIndex {
            let start = index - raw.startIndex
            var decodedLength = 1
            if raw[index] != UInt8(ascii: "\\") {
                index += 1
            } else if index + 1 < raw.endIndex, raw[index + 1] == UInt8(ascii: "u") {
                let value = hex(index + 2)
                index += 6
                if (0xD800...0xDBFF).contains(value) {
                    index += 6 // its low half
                    decodedLength = 4
                } else {
                    decodedLength = value < 0x80 ? 1 : value < 0x800 ? 2 : 3
                }
            } else {
                index += 2
            }
            offsets.append(start)
            for _ in 1..<max(decodedLength, 1) { offsets.append(-1) }
        }
        offsets.append(raw.count)
        self.offsets = offsets
    }

    /// Where a decoded offset lies in `raw` (nil inside an escape or out of range).
    private func rawOffset(_ decoded: Int) -> Int? {
        guard let offsets else { return decoded <= raw.count ? decoded : nil }
        guard decoded >= 0, decoded < offsets.count, offsets[decoded] >= 0 else { return nil }
        return offsets[decoded]
    }

    /// The bytes with each rewrite's replacement, written by `encode`, in place of what it
    /// replaced; nil if a rewrite does not start and end between written characters (it always
    /// does: rewrites cut at whole code points).
    func splicing(_ rewrites: [Rewrite], encode: (String) -> [UInt8]) -> OutputPiece? {
        var piece = OutputPiece(bytes: [])
        piece.bytes.reserveCapacity(raw.count + 16)
        var cursor = 0
        for rewrite in rewrites {
            guard let lower = rawOffset(rewrite.range.lowerBound), let upper = rawOffset(rewrite.range.upperBound), lower >= cursor else { return nil }
            piece.bytes += raw[(raw.startIndex + cursor)..<(raw.startIndex + lower)]
            let start = piece.bytes.count
            piece.bytes += encode(rewrite.replacement)
            if rewrite.isReversible {
                piece.reversals.append(Reversal(range: start..<piece.bytes.count, original: Array(raw[(raw.startIndex + lower)..<(raw.startIndex + upper)])))
            } else {
                piece.irreversible += 1
            }
            cursor = upper
        }
        piece.bytes += raw[(raw.startIndex + cursor)...]
        return piece
    }

    /// A value written anew as a whole (`bytes`): reveal puts back the whole original as written
    /// when every rewrite in it is reversible; otherwise none of them (the count says so).
    static func replacedWhole(_ original: ArraySlice<UInt8>, by bytes: [UInt8], _ rewrites: [Rewrite]) -> OutputPiece {
        if rewrites.allSatisfy(\.isReversible) {
            return OutputPiece(bytes: bytes, reversals: [Reversal(range: 0..<bytes.count, original: Array(original))])
        }
        return OutputPiece(bytes: bytes, irreversible: rewrites.count)
    }
}
