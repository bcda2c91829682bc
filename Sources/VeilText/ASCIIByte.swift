/// Classes of ASCII bytes, tested the same way wherever UTF-8 text is scanned byte by byte.
public enum ASCIIByte {
    /// A–Z or a–z.
    @inlinable @inline(__always)
    public static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A–Z.
    @inlinable @inline(__always)
    public static func isUppercase(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// a–z.
    @inlinable @inline(__always)
    public static func isLowercase(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// 0–9.
    @inlinable @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// A letter or a digit.
    @inlinable @inline(__always)
    public static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
}
