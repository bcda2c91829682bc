import Crypto

/// What `veil reveal` needs to undo one output of a run, built as the output is written and kept
/// in the vault (sealed) once the output is in place: a digest of the whole output, a digest and
/// length of each of its lines, and each reversible change — where it lies, how long it is, and
/// the original exactly as the input wrote it. Reveal works from these positions, never by
/// searching the text for pseudonyms, so it restores exactly what the run changed and nothing else.
package struct OutputLog {
    /// One reversible change: `length` bytes at `offset` of the output replaced `originals[original]`.
    struct Change: Sendable, Hashable {
        var offset: Int
        var length: Int
        var original: Int
    }

    /// Each line's digest (``lineDigest(_:)``) and length in bytes, its line break included.
    package private(set) var lines: [(digest: UInt64, length: Int)] = []
    private(set) var changes: [Change] = []
    private(set) var originals: [[UInt8]] = []
    /// Changes in the output that cannot be undone (masked, hashed, generalized, removed).
    package private(set) var irreversible = 0
    /// The number of bytes written.
    package private(set) var size = 0
    /// SHA-256 of the whole output, once ``finish()`` is called.
    package private(set) var digest: [UInt8] = []

    private var indexOfOriginal: [[UInt8]: Int] = [:]
    private var hasher = SHA256()
    private var lineHash = LineHash()
    private var lineLength = 0

    package init() {}

    /// The number of reversible changes recorded.
    package var reversible: Int { changes.count }

    /// Notes the next bytes of the output.
    package mutating func append(_ piece: OutputPiece) {
        hasher.update(data: piece.bytes)
        for reversal in piece.reversals {
            let index: Int
            if let known = indexOfOriginal[reversal.original] {
                index = known
            } else {
                index = originals.count
                originals.append(reversal.original)
                indexOfOriginal[reversal.original] = index
            }
            changes.append(Change(offset: size + reversal.range.lowerBound, length: reversal.range.count, original: index))
        }
        irreversible += piece.irreversible
        for byte in piece.bytes {
            lineHash.add(byte)
            lineLength += 1
            if byte == 0x0A { endLine() }
        }
        size += piece.bytes.count
    }

    /// Ends the output: its last line and its digest.
    package mutating func finish() {
        guard digest.isEmpty else { return }
        if lineLength > 0 { endLine() }
        digest = Array(hasher.finalize())
        indexOfOriginal = [:]
    }

    private mutating func endLine() {
        lines.append((lineHash.value, lineLength))
        lineHash = LineHash()
        lineLength = 0
    }

    /// The digest of one line as reveal compares lines (FNV-1a, 64 bits: lines are matched by
    /// place and digest together, so a collision could at worst pair two lines that differ).
    static func lineDigest(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = LineHash()
        for byte in bytes { hash.add(byte) }
        return hash.value
    }

    struct LineHash {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
    }

    /// SHA-256 of `bytes`, as ``digest`` is of a whole output.
    package static func digest(of bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }
}

// MARK: Stored form

extension OutputLog {
    /// The log as the vault stores it (sealed): lines, originals, changes, each as variable-length
    /// integers.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.count * 10 + changes.count * 4 + originals.reduce(0) { $0 + $1.count + 1 })
        out.appendVarint(size)
        out += digest.count == 32 ? digest : [UInt8](repeating: 0, count: 32)
        out.appendVarint(irreversible)
        out.appendVarint(lines.count)
        for line in lines {
            for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: line.digest >> UInt64(shift))) }
            out.appendVarint(line.length)
        }
        out.appendVarint(originals.count)
        for original in originals {
            out.appendVarint(original.count)
            out += original
        }
        out.appendVarint(changes.count)
        var end = 0
        for change in changes {
            out.appendVarint(change.offset - end)
            out.appendVarint(change.length)
            out.appendVarint(change.original)
            end = change.offset + change.length
        }
        return out
    }

    /// A stored log; nil if the bytes are not one.
    init?(serialized bytes: [UInt8]) {
        var reader = VarintReader(bytes: bytes)
        guard let size = reader.next(), let digest = reader.take(32), let irreversible = reader.next(), let lineCount = reader.next(),
            lineCount <= bytes.count
        else { return nil }
        self.size = size
        self.digest = digest
        self.irreversible = irreversible
        lines.reserveCapacity(lineCount)
        for _ in 0..<lineCount {
            guard let raw = reader.take(8), let length = reader.next() else { return nil }
            let value = raw.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            lines.append((value, length))
        }
        guard let originalCount = reader.next(), originalCount <= bytes.count else { return nil }
        for _ in 0..<originalCount {
            guard let length = reader.next(), let original = reader.take(length) else { return nil }
            originals.append(original)
        }
        guard let changeCount = reader.next(), changeCount <= bytes.count else { return nil }
        var end = 0
        for _ in 0..<changeCount {
            guard let gap = reader.next(), let length = reader.next(), let original = reader.next(), original < originals.count else { return nil }
            changes.append(Change(offset: end + gap, length: length, original: original))
            end += gap + length
        }
        guard reader.isAtEnd, end <= size else { return nil }
    }
}

extension [UInt8] {
    mutating func appendVarint(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }
}

private struct VarintReader {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func next() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 63 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
            shift += 7
        }
        return nil
    }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= bytes.count - index else { return nil }
        defer { index += count }
        return Array(bytes[index..<index + count])
    }
}
