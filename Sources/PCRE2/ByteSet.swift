/// A set of byte values: the bytes a text holds, or the bytes a match can begin with.
public struct ByteSet: Sendable, Equatable {
    private var words: SIMD4<UInt64> = .zero

    /// The empty set.
    public init() {}

    /// Every byte value.
    public static let all = ByteSet(words: SIMD4(repeating: .max))

    private init(words: SIMD4<UInt64>) { self.words = words }

    /// The bytes `text` holds.
    public init(of text: UnsafeBufferPointer<UInt8>) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            let word = raw.bindMemory(to: UInt64.self)
            for byte in text { word[Int(byte >> 6)] |= UInt64(1) << UInt64(byte & 63) }
        }
        self.words = SIMD4(words.0, words.1, words.2, words.3)
    }

    /// The bytes whose bits are set in a 32-byte bitmap (bit `b & 7` of byte `b >> 3`), as PCRE2 writes them.
    init(bitmap: UnsafePointer<UInt8>) {
        for byte in 0..<256 where bitmap[byte >> 3] & (1 << (byte & 7)) != 0 { insert(UInt8(byte)) }
    }

    public mutating func insert(_ byte: UInt8) { words[Int(byte >> 6)] |= UInt64(1) << UInt64(byte & 63) }

    public func contains(_ byte: UInt8) -> Bool { words[Int(byte >> 6)] & (UInt64(1) << UInt64(byte & 63)) != 0 }

    /// Whether the two sets share a byte.
    public func intersects(_ other: ByteSet) -> Bool { (words & other.words) != .zero }

    public var isEmpty: Bool { words == .zero }
}
