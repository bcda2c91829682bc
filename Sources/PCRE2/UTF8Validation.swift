/// Validates UTF-8 once per document, so patterns can match with `PCRE2_NO_UTF_CHECK`.
public enum UTF8Validation {
    /// Whether the eight bytes at `offset` are all ASCII (the caller checks they are in `bytes`).
    @inline(__always)
    static func areEightASCII(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    }

    /// The byte offset of the first byte that is not part of a valid UTF-8 sequence, or nil if all
    /// of `bytes` is valid (overlong forms, surrogates and values past U+10FFFF are invalid).
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        while index < count {
            // Eight ASCII bytes at a time.
            while index + 8 <= count, UTF8Validation.areEightASCII(bytes, at: index) { index += 8 }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 { index += 1; continue }
            // The common case of Chinese text: a three-byte character outside E0 and ED's limits.
            if lead >= 0xE1 && lead <= 0xEF && lead != 0xED && index + 2 < count && base[index + 1] & 0xC0 == 0x80 && base[index + 2] & 0xC0 == 0x80 {
                index += 3
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return index }
            var continuation = index + 2
            while continuation < index + length {
                guard bytes[continuation] & 0xC0 == 0x80 else { return index }
                continuation += 1
            }
            index += length
        }
        return nil
    }
}
