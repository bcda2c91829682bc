/// One mention rewritten: where it lay in the original (UTF-8 bytes of the document or value),
/// what was written in its place, and whether `veil reveal` may put the original back.
///
/// Pseudonyms and numbered templates (`<{entity}_{n}>`) are reversible: the vault keeps what they
/// stand for. Masks, hashes, generalized places and removals are not, and stay as they are.
package struct Rewrite: Sendable, Hashable {
    package let range: Range<Int>
    package let replacement: String
    package let isReversible: Bool

    package init(range: Range<Int>, replacement: String, isReversible: Bool) {
        self.range = range
        self.replacement = replacement
        self.isReversible = isReversible
    }
}

/// One change reveal can undo in an output: the bytes written (`range`, in the output) and the
/// original bytes they replaced, exactly as the input had them (escapes and quoting included).
package struct Reversal: Sendable, Hashable {
    package var range: Range<Int>
    package var original: [UInt8]

    package init(range: Range<Int>, original: [UInt8]) {
        self.range = range
        self.original = original
    }

    package func shifted(by offset: Int) -> Reversal {
        Reversal(range: (range.lowerBound + offset)..<(range.upperBound + offset), original: original)
    }
}

/// Bytes written to an output, with what reveal may undo in them and how many changes it may not.
package struct OutputPiece: Sendable {
    package var bytes: [UInt8]
    /// Ranges into `bytes`, in order, not overlapping.
    package var reversals: [Reversal]
    /// Changes made in `bytes` that cannot be undone (masked, hashed, generalized, removed).
    package var irreversible: Int

    package init(bytes: [UInt8], reversals: [Reversal] = [], irreversible: Int = 0) {
        self.bytes = bytes
        self.reversals = reversals
        self.irreversible = irreversible
    }

    /// `bytes` with `rewrites` (sorted, not overlapping, ranges into `bytes`) made: the rewritten
    /// bytes and, for each reversible rewrite, where it went and what it replaced.
    package static func splicing(_ bytes: ArraySlice<UInt8>, _ rewrites: [Rewrite]) -> OutputPiece {
        var piece = OutputPiece(bytes: [])
        piece.bytes.reserveCapacity(bytes.count)
        var cursor = bytes.startIndex
        for rewrite in rewrites {
            let lower = bytes.startIndex + rewrite.range.lowerBound, upper = bytes.startIndex + rewrite.range.upperBound
            piece.bytes += bytes[cursor..<lower]
            let start = piece.bytes.count
            piece.bytes += rewrite.replacement.utf8
            if rewrite.isReversible {
                piece.reversals.append(Reversal(range: start..<piece.bytes.count, original: Array(bytes[lower..<upper])))
            } else {
                piece.irreversible += 1
            }
            cursor = upper
        }
        piece.bytes += bytes[cursor...]
        return piece
    }

    /// Appends `other`, its reversals moved past these bytes.
    package mutating func append(_ other: OutputPiece) {
        let offset = bytes.count
        bytes += other.bytes
        reversals += other.reversals.map { $0.shifted(by: offset) }
        irreversible += other.irreversible
    }
}
