/// A multi-pattern automaton over UTF-8 bytes (Aho–Corasick): every occurrence of every word in one
/// pass over the text, whatever the number of words.
///
/// Matching folds ASCII letters to lower case; words are folded when the automaton is built.
/// Transitions are kept as sorted edge lists per state (compact for large word lists), with a
/// direct table for the root, where most of the text's bytes are looked up.
public struct AhoCorasick: Sendable {
    /// One occurrence: the byte range and the index of the word in the list given to `init`.
    public struct Occurrence: Sendable, Hashable {
        public let range: Range<Int>
        public let word: Int
    }

    private var edgeStart: [Int32] = []        // per state: first edge in `edgeBytes`/`edgeTargets`
    private var edgeCount: [UInt16] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    private var rootTable = [Int32](repeating: 0, count: 256)
    private var failure: [Int32] = []
    private var outputs: [[Int32]] = []        // word indices ending at each state, suffixes included
    private var wordLengths: [Int] = []

    /// The number of words.
    public var count: Int { wordLengths.count }

    /// Builds the automaton; empty words are ignored.
    public init(words: [String]) {
        // Build a trie with dictionary children first, then freeze it into sorted edge arrays.
        var children: [[UInt8: Int32]] = [[:]]
        var terminal: [[Int32]] = [[]]
        for (index, word) in words.enumerated() {
            let bytes = AhoCorasick.fold(Array(word.utf8))
            wordLengths.append(bytes.count)
            guard !bytes.isEmpty else { continue }
            var state: Int32 = 0
            for byte in bytes {
                if let next = children[Int(state)][byte] {
                    state = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    terminal.append([])
                    children[Int(state)][byte] = next
                    state = next
                }
            }
            terminal[Int(state)].append(Int32(index))
        }

        let stateCount = children.count
        edgeStart.reserveCapacity(stateCount)
        edgeCount.reserveCapacity(stateCount)
        for state in 0..<stateCount {
            edgeStart.append(Int32(edgeBytes.count))
            let sorted = children[state].sorted { $0.key < $1.key }
            edgeCount.append(UInt16(sorted.count))
            for (byte, target) in sorted {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
        }
        for (byte, target) in children[0] { rootTable[Int(byte)] = target }

        // Breadth-first failure links; outputs inherit the outputs of their failure state.
        failure = [Int32](repeating: 0, count: stateCount)
        outputs = terminal
        var queue: [Int32] = children[0].values.sorted()
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, target) in children[Int(state)].sorted(by: { $0.key < $1.key }) {
                var fallback = failure[Int(state)]
                while fallback != 0 && child(of: fallback, byte) == nil { fallback = failure[Int(fallback)] }
                let link = state == 0 ? 0 : (child(of: fallback, byte) ?? 0)
                failure[Int(target)] = link == target ? 0 : link
                outputs[Int(target)].append(contentsOf: outputs[Int(failure[Int(target)])])
                queue.append(target)
            }
        }
    }

    @inline(__always)
    private func child(of state: Int32, _ byte: UInt8) -> Int32? {
        if state == 0 {
            let target = rootTable[Int(byte)]
            return target == 0 ? nil : target
        }
        let start = Int(edgeStart[Int(state)])
        var low = start, high = start + Int(edgeCount[Int(state)])
        while low < high {
            let mid = (low + high) >> 1
            let value = edgeBytes[mid]
            if value == byte { return edgeTargets[mid] }
            if value < byte { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// Every occurrence of every word in `bytes`, in order of where they end.
    public func occurrences(in bytes: [UInt8]) -> [Occurrence] {
        var found: [Occurrence] = []
        var state: Int32 = 0
        for (index, raw) in bytes.enumerated() {
            let byte = raw >= 0x41 && raw <= 0x5A ? raw | 0x20 : raw
            while true {
                if let next = child(of: state, byte) { state = next; break }
                if state == 0 { break }
                state = failure[Int(state)]
            }
            for word in outputs[Int(state)] {
                let length = wordLengths[Int(word)]
                found.append(Occurrence(range: (index + 1 - length)..<(index + 1), word: Int(word)))
            }
        }
        return found
    }

    private static func fold(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
}
