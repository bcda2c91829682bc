package import VeilCore

/// A Hong Kong identity card number: one or two letters, six digits and a check character (0–9 or A)
/// often written in brackets: A123456(3). Check: weighted sum mod 11 (a missing first letter
/// counts as 36, letters A–Z as 10–35). Canonical: letters and digits without brackets.
package struct HKIDValidator: Validator {
    package let id = "hk-id"
    package let summary = "Hong Kong ID with its mod-11 check character"
    package let examples = ValidatorExamples(
        valid: ["A123456(3)", "C668668(9)", "AB9876543"],
        invalid: ["A123456(4)", "A12345(3)", "1234567(8)"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let compact = CanonicalForm.alphanumeric.apply(candidate)
        let chars = Array(compact.utf8)
        guard chars.count == 8 || chars.count == 9 else { return nil }
        let letterCount = chars.count - 7
        let isLetter = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard chars.prefix(letterCount).allSatisfy(isLetter), chars.dropFirst(letterCount).prefix(6).allSatisfy(isDigit) else { return nil }
        guard let check = chars.last, isDigit(check) || check == UInt8(ascii: "A") else { return nil }
        guard chars.last == HKIDValidator.checkCharacter(for: Array(chars.dropLast())) else { return nil }
        return Validation(canonical: compact)
    }

    /// The check character for letters + six digits.
    package static func checkCharacter(for body: [UInt8]) -> UInt8? {
        var values: [Int] = body.map { $0 >= 0x41 ? Int($0 - 0x41) + 10 : Int($0 - 0x30) }
        if values.count == 7 { values.insert(36, at: 0) }
        guard values.count == 8 else { return nil }
        let sum = zip(values, [9, 8, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (11 - sum % 11) % 11
        return check == 10 ? UInt8(ascii: "A") : UInt8(ascii: "0") + UInt8(check)
    }
}
