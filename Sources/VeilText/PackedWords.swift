import Foundation

/// Words packed into one byte buffer, for sorting many of them by their UTF-8 bytes — the order of
/// their scalars, for NFC text — with one `memcmp` per comparison and no String traffic (a
/// gazetteer sorts its hundred thousand names at every start-up).
public struct PackedWords {
    /// Word i's bytes are `bytes[starts[i]..<starts[i + 1]]`.
    @usableFromInline private(set) var bytes: [UInt8] = []
    @usableFromInline private(set) var starts: [Int] = [0]

    /// Packs `words`, with ASCII capitals folded to small letters when `foldingCase`.
    @inlinable public init(_ words: some Sequence<String>, foldingCase: Bool = false) {
        starts.reserveCapacity(words.underestimatedCount + 1)
        for word in words {
            if foldingCase {
                for byte in word.utf8 { bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
            } else {
                // One copy of the string's bytes, not an append per byte.
                bytes += word.utf8
            }
            starts.append(bytes.count)
        }
    }

    public init() {}

    /// Adds a word at the end.
    @inlinable public mutating func append(_ word: String) {
        bytes += word.utf8
        starts.append(bytes.count)
    }

    /// Adds a word, as bytes, at the end.
    @inlinable public mutating func append(_ word: [UInt8]) {
        bytes += word
        starts.append(bytes.count)
    }

    @inlinable public var count: Int { starts.count - 1 }

    @inlinable public func length(_ word: Int) -> Int { starts[word + 1] - starts[word] }

    /// The bytes of word `index`.
    @inlinable public subscript(index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }

    /// The indices of `words` (all, by default) in the order of their bytes; equal words in the
    /// order of their indices.
    public func sortedIndices(_ words: [Int]? = nil) -> [Int] {
        let words = words ?? Array(0..<count)
        return bytes.withUnsafeBufferPointer { buffer in
            // Each word's first eight bytes as one big-endian number, compared first: most words
            // differ there, and a comparison is then one instruction, not a call to memcmp.
            let heads = words.map { word in
                var head: UInt64 = 0
                let start = starts[word], length = min(8, starts[word + 1] - start)
                for offset in 0..<8 { head = head << 8 | UInt64(offset < length ? buffer[start + offset] : 0) }
                return head
            }
            return words.indices.sorted { a, b in
                if heads[a] != heads[b] { return heads[a] < heads[b] }
                let wordA = words[a], wordB = words[b]
                let lengthA = length(wordA), lengthB = length(wordB)
                let shared = min(lengthA, lengthB)
                let order = shared <= 8 ? 0 : memcmp(buffer.baseAddress! + starts[wordA] + 8, buffer.baseAddress! + starts[wordB] + 8, shared - 8)
                return order != 0 ? order < 0 : lengthA != lengthB ? lengthA < lengthB : wordA < wordB
            }.map { words[$0] }
        }
    }

    /// Whether `word` is one of the words, given ``sortedIndices(_:)`` of all of them (a binary
    /// search).
    public func contains(_ word: [UInt8], sortedIndices order: [Int]) -> Bool {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = self[order[middle]]
            if candidate.elementsEqual(word) { return true }
            if candidate.lexicographicallyPrecedes(word) { low = middle + 1 } else { high = middle }
        }
        return false
    }
}
