package import VeilCore
import VeilText

/// A mainland China mobile number on a real number segment (13x, 145–149, 15x but 154, 162, 165–167,
/// 170–178, 18x, 19x but 194), with or without +86 / 0086. Canonical: the 11 digits.
package struct CNMobileValidator: Validator {
    package let id = "cn-mobile"
    package let summary = "Mainland mobile number on an allocated segment; canonical form is the 11 national digits"
    package let examples = ValidatorExamples(
        valid: ["13812345678", "+86 138-1234-5678", "0086 199 1234 5678", "166 0000 1111", "(+86)13812345678", "(86)13812345678"],
        invalid: ["12012345678", "15412345678", "1381234567", "+1 138 1234 5678", "19412345678"])

    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        validate(utf8: ArraySlice(candidate.utf8))
    }

    package func validate(utf8 candidate: ArraySlice<UInt8>) -> Validation? {
        var digits = candidate.asciiDigits[...]
        let trimmed = candidate.drop { $0 == 0x20 || $0 == 0x28 }
        if trimmed.begins(with: "+") || (trimmed.begins(with: "86") && digits.count == 13) {
            guard digits.begins(with: "86") else { return nil }
            digits = digits.dropFirst(2)
        } else if trimmed.begins(with: "0086") {
            digits = digits.dropFirst(4)
        }
        guard digits.count == 11, CNMobileValidator.isAllocated(digits) else { return nil }
        return Validation(canonical: String(decoding: digits, as: UTF8.self))
    }

    /// Whether the first three digits (ASCII bytes) are an allocated mobile segment.
    static func isAllocated(_ digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count >= 3 else { return false }
        let start = digits.startIndex
        let first = Int(digits[start]) - 0x30, second = Int(digits[start + 1]) - 0x30, third = Int(digits[start + 2]) - 0x30
        guard first == 1 else { return false }
        switch (second, third) {
        case (3, _), (8, _): return true
        case (4, let third): return third >= 5
        case (5, let third): return third != 4
        case (6, let third): return [2, 5, 6, 7].contains(third)
        case (7, let third): return third <= 8
        case (9, let third): return third != 4
        default: return false
        }
    }
}
