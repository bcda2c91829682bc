/// Eight bytes of text tested at once (SWAR: SIMD within a register), so the per-byte loops that
/// build a document's views, digit runs, tables and positions step over the bytes that cannot
/// matter eight at a time. Each test is exact as a yes/no for the block.
struct ByteBlock {
    let bits: UInt64

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (the caller checks that they are in the buffer).
    @inline(__always)
    init(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) {
        bits = UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether a byte of the block is ≥ 0x80 (part of a multi-byte character).
    @inline(__always)
    var hasNonASCII: Bool { bits & Self.highs != 0 }

    /// Whether a byte of the block equals `byte`.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        equalities(byte) & Self.highs != 0
    }

    /// Whether a byte of the block equals one of five bytes: one test of the bits for all of them.
    @inline(__always)
    func containsAny(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8) -> Bool {
        (equalities(a) | equalities(b) | equalities(c) | equalities(d) | equalities(e)) & Self.highs != 0
    }

    /// The high bit of each byte that equals `byte` set (and perhaps of a byte after it: enough for
    /// whether any is).
    @inline(__always)
    private func equalities(_ byte: UInt8) -> UInt64 {
        let x = bits ^ (Self.ones &* UInt64(byte))
        return (x &- Self.ones) & ~x
    }

    /// Whether a byte of the block is an ASCII digit.
    @inline(__always)
    var hasDigit: Bool {
        // For bytes below 0x80: (x + 0x50) sets bit 7 for x ≥ 0x30, (x + 0x46) for x ≥ 0x3A.
        let low = bits & ~Self.highs
        let atLeast0 = low &+ Self.ones &* 0x50
        let atLeast10 = low &+ Self.ones &* 0x46
        return atLeast0 & ~atLeast10 & ~bits & Self.highs != 0
    }

    /// How many bytes of the block begin a character (are not UTF-8 continuation bytes 10xxxxxx).
    @inline(__always)
    var characterStarts: Int {
        let starts = ((~bits >> 7) | (bits >> 6)) & Self.ones
        return starts.nonzeroBitCount
    }
}
