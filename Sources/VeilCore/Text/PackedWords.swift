import Foundation

/// Words packed into one byte buffer, for sorting many of them by their UTF-8 bytes — the order of
/// their scalars, for NFC text — with one `memcmp` per comparison and no String traffic (a
/// gazetteer sorts its hundred thousand names at every start-up).
struct PackedWords {
    /// Word i's bytes are `bytes[starts[i]..<starts[i + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]

    /// Packs `words`, with ASCII capitals folded to small letters when `foldingCase`.
    init(_ words: some Sequence<String>, foldingCase: Bool = false) {
        for word in words {
            for byte in word.utf8 { bytes.append(foldingCase && byte &- 0x41 < 26 ? byte | 0x20 : byte) }
            starts.append(bytes.count)
        }
    }

    var count: Int { starts.count - 1 }

    func length(_ word: Int) -> Int { starts[word + 1] - starts[word] }

    /// The bytes of word `index`.
    subscript(index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }

    /// The indices of `words` (all, by default) in the order of their bytes; equal words in the
    /// order of their indices.
    func sortedIndices(_ words: [Int]? = nil) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            (words ?? Array(0..<count)).sorted { a, b in
                let lengthA = length(a), lengthB = length(b)
                let shared = min(lengthA, lengthB)
                let order = shared == 0 ? 0 : memcmp(buffer.baseAddress! + starts[a], buffer.baseAddress! + starts[b], shared)
                return order != 0 ? order < 0 : lengthA != lengthB ? lengthA < lengthB : a < b
            }
        }
    }

    /// `words` sorted by their bytes.
    static func sorted(_ words: some Collection<String>) -> [String] {
        let array = Array(words)
        return PackedWords(array).sortedIndices().map { array[$0] }
    }
}
