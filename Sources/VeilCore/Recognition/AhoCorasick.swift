import Foundation
import Synchronization
package import VeilText

/// A multi-pattern automaton over UTF-8 bytes (Aho–Corasick): every occurrence of every word in one
/// pass over the text, whatever the number of words.
///
/// Matching folds ASCII letters to lower case, and words are folded when the automaton is built,
/// unless it is built to match case exactly (`foldsCase: false`): then a byte that begins no word
/// (a small letter, where every word begins with a capital) is passed over at the root. The trie
/// is built from the sorted words straight into flat arrays (sorted edge lists per state, a direct
/// table for the root), and each state keeps one word and a link to the next state with a word, so
/// neither building nor matching copies lists of outputs.
package struct AhoCorasick: Sendable {
    /// One occurrence: the byte range and the index of the word in the list given to `init`.
    package struct Occurrence: Sendable, Hashable {
        package let range: Range<Int>
        package let word: Int
    }

    /// Direct rows of 256 targets (0: none) for the root and every state with many children, so the
    /// busiest steps (the root, the bytes inside a Chinese character) need no search.
    private var denseRows: [Int32] = []
    /// Further words that end at the same state (the same word listed twice).
    private var duplicates: [Int32: [Int32]] = [:]
    /// What matching reads, packed so that one state is one cache line's worth of neighbours and
    /// the loop reads three buffers: per state ``Field``'s six values; per edge its target << 8 |
    /// its byte, each state's edges sorted by byte.
    private var states: [Int32] = []
    private var edges: [Int32] = []

    /// The values of a state in `states`, in this order.
    private enum Field {
        static let denseRow = 0, edgeStart = 1, edgeCount = 2, failure = 3, terminal = 4, outputLink = 5
        static let stride = 6
    }
    private var wordLengths: [Int] = []
    private let foldsCase: Bool

    /// The number of words.
    package var count: Int { wordLengths.count }

    /// The length in bytes of the longest word.
    package private(set) var longestWord = 0

    /// Builds the automaton; empty words are ignored. With `foldsCase` false, words match only as
    /// written.
    package init(words: [String], foldsCase: Bool = true) {
        self.foldsCase = foldsCase
        let packed = PackedWords(words, foldingCase: foldsCase)
        let lengths = (0..<words.count).map(packed.length)
        wordLengths = lengths
        longestWord = lengths.max() ?? 0
        // In byte order (the same word listed twice: in the order given).
        let order = packed.sortedIndices((0..<words.count).filter { lengths[$0] > 0 })

        // States are created in sorted order of the words, so each state's children come in byte
        // order; they are kept as sibling chains (no array per state) until flattened below.
        var firstChild: [Int32] = [-1], lastChild: [Int32] = [-1], nextSibling: [Int32] = [-1]
        var incoming: [UInt8] = [0]
        // The word ending at each state (-1: none).
        var terminal: [Int32] = [-1]
        var path: [Int32] = [0] // path[d] is the state at depth d for the previous word
        var previous: ArraySlice<UInt8> = []
        for index in order {
            let word = packed[index]
            var common = 0
            while common < min(word.count, previous.count), word[word.startIndex + common] == previous[previous.startIndex + common] { common += 1 }
            path.removeSubrange((common + 1)...)
            for depth in common..<word.count {
                let state = Int32(firstChild.count)
                let parent = Int(path[depth])
                firstChild.append(-1)
                lastChild.append(-1)
                nextSibling.append(-1)
                incoming.append(word[word.startIndex + depth])
                terminal.append(-1)
                if lastChild[parent] < 0 { firstChild[parent] = state } else { nextSibling[Int(lastChild[parent])] = state }
                lastChild[parent] = state
                path.append(state)
            }
            let end = path[word.count]
            if terminal[Int(end)] < 0 { terminal[Int(end)] = Int32(index) } else { duplicates[end, default: []].append(Int32(index)) }
            previous = word
        }

        // Each state's edges, sorted by byte: edgeBytes and edgeTargets[edgeStart..<+edgeCount].
        let stateCount = firstChild.count
        var edgeStart: [Int32] = [], edgeCount: [UInt16] = [], edgeBytes: [UInt8] = [], edgeTargets: [Int32] = []
        edgeStart.reserveCapacity(stateCount)
        edgeCount.reserveCapacity(stateCount)
        edgeBytes.reserveCapacity(stateCount)
        edgeTargets.reserveCapacity(stateCount)
        for state in 0..<stateCount {
            edgeStart.append(Int32(edgeBytes.count))
            var count: UInt16 = 0
            var child = firstChild[state]
            while child >= 0 {
                edgeBytes.append(incoming[Int(child)])
                edgeTargets.append(child)
                count += 1
                child = nextSibling[Int(child)]
            }
            edgeCount.append(count)
        }
        // Each state's row in `denseRows` (-1: search its sorted edges).
        var denseRow = [Int32](repeating: -1, count: stateCount)
        var denseRows: [Int32] = []
        for state in 0..<stateCount where state == 0 || edgeCount[state] >= Self.denseChildren {
            denseRow[state] = Int32(denseRows.count / 256)
            let base = denseRows.count
            denseRows.append(contentsOf: repeatElement(0, count: 256))
            var child = firstChild[state]
            while child >= 0 {
                denseRows[base + Int(incoming[Int(child)])] = child
                child = nextSibling[Int(child)]
            }
        }

        // Breadth-first failure links and output links: states in queue order. Local buffers, not
        // the value's own arrays: this loop runs once per state of a large automaton at start-up.
        var failure = [Int32](repeating: 0, count: stateCount)
        // The nearest state on the failure chain that ends a word (-1: none).
        var outputLink = [Int32](repeating: -1, count: stateCount)
        self.denseRows = denseRows
        edgeStart.withUnsafeBufferPointer { edgeStart in
            edgeCount.withUnsafeBufferPointer { edgeCount in
                edgeBytes.withUnsafeBufferPointer { edgeBytes in
                    edgeTargets.withUnsafeBufferPointer { edgeTargets in
                        denseRow.withUnsafeBufferPointer { denseRow in
                            denseRows.withUnsafeBufferPointer { denseRows in
                                failure.withUnsafeMutableBufferPointer { failure in
                                    outputLink.withUnsafeMutableBufferPointer { outputLink in
                                        // The child of `state` on `byte`, or 0 (the root is no one's child).
                                        func child(_ state: Int, _ byte: UInt8) -> Int32 {
                                            let row = denseRow[state]
                                            if row >= 0 { return denseRows[Int(row) << 8 | Int(byte)] }
                                            var low = Int(edgeStart[state]), high = low + Int(edgeCount[state])
                                            while low < high {
                                                let middle = (low + high) >> 1
                                                let value = edgeBytes[middle]
                                                if value == byte { return edgeTargets[middle] }
                                                if value < byte { low = middle + 1 } else { high = middle }
                                            }
                                            return 0
                                        }
                                        var queue: [Int32] = [0]
                                        queue.reserveCapacity(stateCount)
                                        var head = 0
                                        while head < queue.count {
                                            let state = Int(queue[head])
                                            head += 1
                                            var target = firstChild[state]
                                            while target >= 0 {
                                                let byte = incoming[Int(target)]
                                                if state != 0 {
                                                    var fallback = Int(failure[state])
                                                    while fallback != 0 && child(fallback, byte) == 0 { fallback = Int(failure[fallback]) }
                                                    let link = child(fallback, byte)
                                                    let resolved = link == target ? 0 : link
                                                    failure[Int(target)] = resolved
                                                    outputLink[Int(target)] = terminal[Int(resolved)] >= 0 ? resolved : outputLink[Int(resolved)]
                                                }
                                                queue.append(target)
                                                target = nextSibling[Int(target)]
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        states.reserveCapacity(stateCount * Field.stride)
        for state in 0..<stateCount {
            states.append(denseRow[state]); states.append(edgeStart[state]); states.append(Int32(edgeCount[state]))
            states.append(failure[state]); states.append(terminal[state]); states.append(outputLink[state])
        }
        edges = zip(edgeTargets, edgeBytes).map { $0 << 8 | Int32($1) }
    }

    /// States with at least this many children get a direct row.
    private static let denseChildren: UInt16 = 8

    /// Every occurrence of every word in `bytes`, in order of where they end.
    package func occurrences(in bytes: [UInt8]) -> [Occurrence] {
        occurrences(in: bytes, within: 0..<bytes.count)
    }

    /// Every occurrence of every word that lies inside `range` of `bytes` (offsets into `bytes`).
    package func occurrences(in bytes: [UInt8], within range: Range<Int>) -> [Occurrence] {
        var found: [Occurrence] = []
        bytes.withUnsafeBufferPointer { buffer in
            _ = forEachOccurrence(in: buffer, within: range) {
                found.append($0); return true
            }
        }
        return found
    }

    /// Calls `body` with each occurrence inside `range` of `text`, in order of where they end,
    /// until it returns false. Returns whether it ran to the end.
    @discardableResult
    func forEachOccurrence(in text: UnsafeBufferPointer<UInt8>, within range: Range<Int>, _ body: (Occurrence) -> Bool) -> Bool {
        states.withUnsafeBufferPointer { states in
            edges.withUnsafeBufferPointer { edges in
                denseRows.withUnsafeBufferPointer { denseRows in
                    // The state reached from `state` on `byte`, or -1.
                    @inline(__always) func child(_ state: Int, _ byte: UInt8) -> Int {
                        let base = state &* Field.stride
                        let row = Int(states[base &+ Field.denseRow])
                        if row >= 0 {
                            let target = Int(denseRows[row << 8 | Int(byte)])
                            return target == 0 ? -1 : target
                        }
                        var low = Int(states[base &+ Field.edgeStart]), high = low &+ Int(states[base &+ Field.edgeCount])
                        while low < high {
                            let middle = (low &+ high) >> 1
                            let edge = edges[middle], value = UInt8(truncatingIfNeeded: edge)
                            if value == byte { return Int(edge >> 8) }
                            if value < byte { low = middle &+ 1 } else { high = middle }
                        }
                        return -1
                    }
                    var state = 0
                    let fold: UInt8 = foldsCase ? 0x20 : 0
                    for index in range {
                        let raw = text[index]
                        let byte = raw &- 0x41 < 26 ? raw | fold : raw
                        // Most bytes leave the root where they found it: one load tells.
                        if state == 0 && denseRows[Int(byte)] == 0 { continue }
                        while true {
                            let next = child(state, byte)
                            if next >= 0 { state = next; break }
                            if state == 0 { break }
                            state = Int(states[state &* Field.stride &+ Field.failure])
                        }
                        let base = state &* Field.stride
                        var output = states[base &+ Field.terminal] >= 0 ? state : Int(states[base &+ Field.outputLink])
                        while output >= 0 {
                            let word = Int(states[output &* Field.stride &+ Field.terminal])
                            if !body(Occurrence(range: (index &+ 1 &- wordLengths[word])..<(index &+ 1), word: word)) { return false }
                            if !duplicates.isEmpty, let more = duplicates[Int32(output)] {
                                for extra in more where !body(Occurrence(range: (index &+ 1 &- wordLengths[Int(extra)])..<(index &+ 1), word: Int(extra))) {
                                    return false
                                }
                            }
                            output = Int(states[output &* Field.stride &+ Field.outputLink])
                        }
                    }
                    return true
                }
            }
        }
    }
}

extension AhoCorasick: ImageCodable {
    package func write(to image: inout ImageWriter) {
        image.write(foldsCase)
        image.write(wordLengths)
        image.write(states)
        image.write(edges)
        image.write(denseRows)
        image.write(duplicates)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        let foldsCase: Bool = try image.read()
        self.foldsCase = foldsCase
        wordLengths = try image.read()
        longestWord = wordLengths.max() ?? 0
        states = try image.read()
        edges = try image.read()
        denseRows = try image.read()
        duplicates = try image.read()
        // One the process has read already (the two gazetteers ship the same common words) was
        // checked then: its tables are taken (one copy in memory); a new one is checked.
        let read = self
        if let same = Self.readAutomata.withLock({ known in known[read.key, default: []].first { read.sameTables(as: $0) } }) {
            states = same.states
            edges = same.edges
            denseRows = same.denseRows
            wordLengths = same.wordLengths
            duplicates = same.duplicates
            return
        }
        try checkStructure()
        Self.readAutomata.withLock { $0[read.key, default: []].append(read) }
    }
}

extension AhoCorasick {
    /// Matching follows the automaton's numbers without checking them, so one read from an image
    /// must be a trie whose every number points inside it, whose failure and output links lead to
    /// shallower states (a walk along them ends), and whose words are as long as the depth of the
    /// state they end at (an occurrence never starts before the text).
    private func checkStructure() throws(ImageError) {
        let stateCount = states.count / Field.stride, rowCount = denseRows.count / 256, wordCount = wordLengths.count
        guard states.count % Field.stride == 0, stateCount > 0, denseRows.count >= 256, denseRows.count % 256 == 0 else {
            throw ImageError("an automaton's tables have the wrong shape")
        }
        @inline(__always) func within(_ value: Int32, _ bound: Int) -> Bool { value >= 0 && Int(value) < bound }
        // States are numbered as the trie was built, each after its parent: one pass in order sets
        // every state's depth before its children are looked at.
        var depth = [Int32](repeating: -1, count: stateCount)
        let problem = states.withUnsafeBufferPointer { states in
            edges.withUnsafeBufferPointer { edges in
                denseRows.withUnsafeBufferPointer { denseRows in
                    wordLengths.withUnsafeBufferPointer { wordLengths in
                        depth.withUnsafeMutableBufferPointer { depth -> String? in
                            depth[0] = 0
                            for state in 0..<stateCount {
                                let base = state &* Field.stride
                                guard depth[state] >= 0 else { return "a state is not in the trie" }
                                let start = Int(states[base + Field.edgeStart]), count = Int(states[base + Field.edgeCount])
                                guard start >= 0, count >= 0, start + count <= edges.count else { return "an edge list lies outside the automaton" }
                                for edge in start..<start + count {
                                    let target = Int(edges[edge] >> 8)
                                    guard target > state, target < stateCount, depth[target] < 0 else { return "an edge leads outside the trie" }
                                    depth[target] = depth[state] + 1
                                }
                            }
                            for state in 0..<stateCount {
                                let base = state &* Field.stride
                                let row = states[base + Field.denseRow], failure = states[base + Field.failure]
                                let terminal = states[base + Field.terminal], output = states[base + Field.outputLink]
                                guard row == -1 || within(row, rowCount), state != 0 || row == 0 else { return "a state's row is outside the automaton" }
                                guard within(failure, stateCount), state == 0 ? failure == 0 : depth[Int(failure)] < depth[state] else {
                                    return "a failure link does not lead up"
                                }
                                guard
                                    output == -1
                                        || (within(output, stateCount) && depth[Int(output)] < depth[state] && states[Int(output) &* Field.stride + Field.terminal] >= 0)
                                else { return "an output link does not lead up to a word" }
                                guard terminal == -1 || (within(terminal, wordCount) && wordLengths[Int(terminal)] == Int(depth[state])) else {
                                    return "a word does not end where it should"
                                }
                                // A direct row leads one step down, as the state's edges do (zero: no child).
                                if row >= 0 {
                                    let below = depth[state] + 1
                                    for target in denseRows[Int(row) << 8..<(Int(row) + 1) << 8] where target != 0 {
                                        guard within(target, stateCount), depth[Int(target)] == below else { return "a row does not lead one step down" }
                                    }
                                }
                            }
                            for (state, words) in duplicates {
                                guard within(state, stateCount), states[Int(state) &* Field.stride + Field.terminal] >= 0,
                                    words.allSatisfy({ within($0, wordCount) && wordLengths[Int($0)] == Int(depth[Int(state)]) })
                                else { return "a repeated word does not end where it should" }
                            }
                            return nil
                        }
                    }
                }
            }
        }
        if let problem { throw ImageError("the automaton is damaged: \(problem)") }
    }

    /// The automata read from images, by ``key``: each is checked once per process.
    private var key: [Int] { [states.count, edges.count, wordLengths.count, denseRows.count] }

    private func sameTables(as other: AhoCorasick) -> Bool {
        foldsCase == other.foldsCase && states == other.states && edges == other.edges && wordLengths == other.wordLengths
            && denseRows == other.denseRows && duplicates == other.duplicates
    }

    private static let readAutomata = Mutex<[[Int]: [AhoCorasick]]>([:])

    /// The automaton of a word-list file (``WordList/read(_:)``), built once per process for each
    /// distinct content: plugins that ship the same list (the two gazetteers' common words) share
    /// one, and a second engine in the same process builds none.
    package static func wordList(_ path: String) throws(ConfigurationError) -> AhoCorasick {
        let content = FileContent(bytes: try WordList.bytes(path, what: "the word list"))
        if let built = builtWordLists.withLock({ $0[content] }) { return built }
        let built = AhoCorasick(words: WordList.words(in: content.bytes))
        builtWordLists.withLock { $0[content] = built }
        return built
    }

    private static let builtWordLists = Mutex<[FileContent: AhoCorasick]>([:])

    /// A file's bytes as a dictionary key, hashed as one block.
    private struct FileContent: Hashable, Sendable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}
