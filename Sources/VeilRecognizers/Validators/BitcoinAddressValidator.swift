import Crypto
package import VeilCore

/// A Bitcoin address (Presidio's CRYPTO): a legacy or script address in Base58Check (1… or 3…,
/// version byte 0 or 5, the double-SHA-256 checksum right), or a SegWit address in bech32 or
/// bech32m (bc1…, the BCH checksum right). Canonical: as written (bech32 lower-cased).
package struct BitcoinAddressValidator: Validator {
    package let id = "bitcoin-address"
    package let summary = "Bitcoin address: Base58Check (1…, 3…) or bech32/bech32m (bc1…) with its checksum"
    package let examples = ValidatorExamples(
        valid: [
            "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
        ],
        invalid: ["1BoatSLRHtKNngkdXEeobR76b53LETtpyU", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr", "2BoatSLRHtKNngkdXEeobR76b53LETtpyT"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        if candidate.lowercased().hasPrefix("bc1") { return Self.isBech32(candidate) ? Validation(canonical: candidate.lowercased()) : nil }
        guard let bytes = Self.base58(candidate), bytes.count == 25, bytes[0] == 0 || bytes[0] == 5 else { return nil }
        let checksum = Array(SHA256.hash(data: Array(SHA256.hash(data: bytes[0..<21])))).prefix(4)
        guard Array(checksum) == Array(bytes[21...]) else { return nil }
        return Validation(canonical: candidate)
    }

    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// The bytes a Base58 string stands for, leading 1s as zero bytes; nil for a foreign character.
    static func base58(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for character in text.utf8 {
            guard let digit = alphabet.firstIndex(of: character) else { return nil }
            var carry = digit
            for index in bytes.indices.reversed() {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        let zeros = text.utf8.prefix { $0 == 0x31 }.count
        return [UInt8](repeating: 0, count: zeros) + bytes
    }

    private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    /// Whether a bc1 address has a valid bech32 (witness version 0) or bech32m (later versions) checksum.
    static func isBech32(_ text: String) -> Bool {
        guard text == text.lowercased() || text == text.uppercased() else { return false }
        let lower = Array(text.lowercased().utf8)
        guard lower.count >= 14, lower.count <= 90 else { return false }
        var values: [UInt32] = []
        for character in lower.dropFirst(3) {
            guard let value = charset.firstIndex(of: character) else { return false }
            values.append(UInt32(value))
        }
        let prefix = Array("bc".utf8).map { UInt32($0) >> 5 } + [0] + Array("bc".utf8).map { UInt32($0) & 31 }
        let check = polymod(prefix + values)
        return (values.first == 0 && check == 1) || (values.first.map { $0 > 0 } == true && check == 0x2BC8_30A3)
    }

    private static func polymod(_ values: [UInt32]) -> UInt32 {
        let generator: [UInt32] = [0x3B6A_57B2, 0x2650_8E6D, 0x1EA1_19FA, 0x3D42_33DD, 0x2A14_62B3]
        var check: UInt32 = 1
        for value in values {
            let top = check >> 25
            check = (check & 0x1FF_FFFF) << 5 ^ value
            for index in 0..<5 where (top >> UInt32(index)) & 1 == 1 { check ^= generator[index] }
        }
        return check
    }
}
