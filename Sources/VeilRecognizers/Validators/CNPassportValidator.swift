package import VeilCore

/// A People's Republic of China passport number: E or G followed by 8 digits, or E plus a letter
/// (not I or O) and 7 digits (e-passports since 2017). The number has no public check digit, so
/// the plugin needs context ("护照", "passport"). Canonical: upper-cased.
package struct CNPassportValidator: Validator {
    package let id = "cn-passport"
    package let summary = "E/G + 8 digits, or E + letter + 7 digits"
    package let examples = ValidatorExamples(
        valid: ["E12345678", "EA1234567", "G23456789"],
        invalid: ["E1234567", "EI1234567", "A12345678"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let value = Array(candidate.uppercased().utf8)
        guard value.count == 9, value[0] == UInt8(ascii: "E") || value[0] == UInt8(ascii: "G") else { return nil }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        if value.dropFirst().allSatisfy(isDigit) { return Validation(canonical: String(decoding: value, as: UTF8.self)) }
        let second = value[1]
        guard value[0] == UInt8(ascii: "E"), second >= 0x41, second <= 0x5A, second != UInt8(ascii: "I"), second != UInt8(ascii: "O"),
            value.dropFirst(2).allSatisfy(isDigit)
        else { return nil }
        return Validation(canonical: String(decoding: value, as: UTF8.self))
    }
}
