/// What reveal did to one file.
package struct RevealSummary: Sendable, Hashable {
    /// Changes put back to the original.
    package var restored = 0
    /// Changes whose action cannot be undone (masked, hashed, generalized, removed): left as they are.
    package var notReversible = 0
    /// Reversible changes on lines edited since the run wrote them: left as they are.
    package var onEditedLines = 0
    /// The lines (1-based) of the file that differ from the output the run wrote.
    package var editedLines: [Int] = []
    /// Whether the file is, byte for byte, the output the run wrote.
    package var isExact = false

    package init() {}
}

extension OutputLog {
    /// How much of `bytes` (a file to reveal) matches this output, line by line: the number of
    /// its lines found among the output's. Picks the right log for a file edited since.
    package func overlap(with bytes: [UInt8]) -> Int {
        var counts: [UInt64: Int] = [:]
        for line in lines { counts[line.digest, default: 0] += 1 }
        var shared = 0
        for range in Self.lineRanges(bytes) {
            let digest = Self.lineDigest(bytes[range])
            if let count = counts[digest], count > 0 {
                counts[digest] = count - 1
                shared += 1
            }
        }
        return shared
    }

    /// `bytes` with every reversible change of this output put back. A file that is the output
    /// as written gets every change undone; in one edited since, lines are matched to the
    /// output's (in order, by digest) and only changes on lines that match are undone — an edited
    /// line is left as it is, never guessed at.
    package func restore(_ bytes: [UInt8]) -> (bytes: [UInt8], summary: RevealSummary) {
        var summary = RevealSummary()
        summary.notReversible = irreversible
        if bytes.count == size, Self.digest(of: bytes) == digest {
            summary.isExact = true
            summary.restored = changes.count
            return (apply(changes.map { ($0, $0.offset) }, to: bytes), summary)
        }
        let current = Self.lineRanges(bytes)
        let currentDigests = current.map { Self.lineDigest(bytes[$0]) }
        var recordedStarts: [Int] = []
        recordedStarts.reserveCapacity(lines.count)
        var start = 0
        for line in lines {
            recordedStarts.append(start)
            start += line.length
        }
        let pairs = LineAlignment.pairs(lines.map(\.digest), currentDigests)
        var currentOf = [Int?](repeating: nil, count: lines.count)
        var matched = [Bool](repeating: false, count: current.count)
        for (recorded, now) in pairs where lines[recorded].length == current[now].count {
            currentOf[recorded] = now
            matched[now] = true
        }
        var placed: [(Change, Int)] = []
        var line = 0
        for change in changes {
            while line + 1 < lines.count, recordedStarts[line + 1] <= change.offset { line += 1 }
            let within = change.offset - recordedStarts[line]
            if let now = currentOf[line], within + change.length <= lines[line].length {
                placed.append((change, current[now].lowerBound + within))
            } else {
                summary.onEditedLines += 1
            }
        }
        summary.restored = placed.count
        summary.editedLines = matched.indices.filter { !matched[$0] }.map { $0 + 1 }
        return (apply(placed, to: bytes), summary)
    }

    private func apply(_ placed: [(Change, Int)], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for (change, at) in placed where at >= cursor && at + change.length <= bytes.count {
            out += bytes[cursor..<at]
            out += originals[change.original]
            cursor = at + change.length
        }
        out += bytes[cursor...]
        return out
    }

    /// Each line of `bytes`, its line break included.
    package static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            ranges.append(start..<index + 1)
            start = index + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }
}

/// Pairs the lines of two versions of a file that are the same and in the same order (a patience
/// alignment: the common start and end, then lines that occur once in each as anchors, then the
/// same between anchors).
enum LineAlignment {
    static func pairs(_ old: [UInt64], _ new: [UInt64]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        align(old, 0..<old.count, new, 0..<new.count, into: &pairs, depth: 0)
        return pairs
    }

    private static func align(
        _ old: [UInt64], _ oldRange: Range<Int>, _ new: [UInt64], _ newRange: Range<Int>,
        into pairs: inout [(Int, Int)], depth: Int
    ) {
        var oldLower = oldRange.lowerBound, newLower = newRange.lowerBound
        var oldUpper = oldRange.upperBound, newUpper = newRange.upperBound
        while oldLower < oldUpper, newLower < newUpper, old[oldLower] == new[newLower] {
            pairs.append((oldLower, newLower))
            oldLower += 1
            newLower += 1
        }
        var tail: [(Int, Int)] = []
        while oldUpper > oldLower, newUpper > newLower, old[oldUpper - 1] == new[newUpper - 1] {
            oldUpper -= 1
            newUpper -= 1
            tail.append((oldUpper, newUpper))
        }
        defer { pairs += tail.reversed() }
        guard oldLower < oldUpper, newLower < newUpper, depth < 64 else { return }
        // Anchors: lines that occur exactly once on each side, kept where their order agrees.
        var oldCount: [UInt64: (count: Int, at: Int)] = [:], newCount: [UInt64: (count: Int, at: Int)] = [:]
        for index in oldLower..<oldUpper { oldCount[old[index], default: (0, index)].count += 1 }
        for index in newLower..<newUpper { newCount[new[index], default: (0, index)].count += 1 }
        var candidates: [(Int, Int)] = []
        for index in oldLower..<oldUpper {
            guard let mine = oldCount[old[index]], mine.count == 1, let theirs = newCount[old[index]], theirs.count == 1 else { continue }
            candidates.append((index, theirs.at))
        }
        let anchors = longestIncreasing(candidates)
        guard !anchors.isEmpty else { return }
        var previous = (oldLower, newLower)
        for anchor in anchors {
            align(old, previous.0..<anchor.0, new, previous.1..<anchor.1, into: &pairs, depth: depth + 1)
            pairs.append(anchor)
            previous = (anchor.0 + 1, anchor.1 + 1)
        }
        align(old, previous.0..<oldUpper, new, previous.1..<newUpper, into: &pairs, depth: depth + 1)
    }

    /// The longest run of `pairs` (in order of their first) whose seconds increase.
    private static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        var tails: [Int] = [] // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].1 < pair.1 { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result: [(Int, Int)] = []
        var index = tails.last ?? -1
        while index >= 0 {
            result.append(pairs[index])
            index = previous[index]
        }
        return result.reversed()
    }
}
