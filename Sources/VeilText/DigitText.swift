extension Collection<UInt8> {
    /// The ASCII digits among the bytes, as bytes.
    @inlinable public var asciiDigits: [UInt8] { filter { $0 >= 0x30 && $0 <= 0x39 } }

    /// Whether the bytes begin with the ASCII text `prefix`.
    @inlinable public func begins(with prefix: StaticString) -> Bool {
        guard count >= prefix.utf8CodeUnitCount else { return false }
        return prefix.withUTF8Buffer { zip(self, $0).allSatisfy { $0 == $1 } }
    }
}

extension String {
    /// The ASCII digits of the string, as numbers 0…9.
    @inlinable public var digitValues: [Int] {
        utf8.compactMap { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }
    }

    /// The ASCII digits of the string, as a string.
    @inlinable public var digitsOnly: String {
        String(decoding: utf8.asciiDigits, as: UTF8.self)
    }
}
