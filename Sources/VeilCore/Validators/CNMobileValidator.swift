/// A mainland China mobile number on a real number segment (13x, 145–149, 15x but 154, 162, 165–167,
/// 170–178, 18x, 19x but 194), with or without +86 / 0086. Canonical: the 11 digits.
public struct CNMobileValidator: Validator {
    public let id = "cn-mobile"
    public let summary = "Mainland mobile number on an allocated segment; canonical form is the 11 national digits"
    public let examples = ValidatorExamples(
        valid: ["13812345678", "+86 138-1234-5678", "0086 199 1234 5678", "166 0000 1111", "(+86)13812345678", "(86)13812345678"],
        invalid: ["12012345678", "15412345678", "1381234567", "+1 138 1234 5678", "19412345678"])

    public init() {}

    public func validate(_ candidate: String) -> Validation? {
        var digits = candidate.digitsOnly
        let trimmed = candidate.drop { $0 == " " || $0 == "(" }
        if trimmed.hasPrefix("+") || (trimmed.hasPrefix("86") && digits.utf8.count == 13) {
            guard digits.hasPrefix("86") else { return nil }
            digits.removeFirst(2)
        } else if trimmed.hasPrefix("0086") {
            digits.removeFirst(4)
        }
        guard digits.utf8.count == 11, CNMobileValidator.isAllocated(digits) else { return nil }
        return Validation(canonical: digits, attributes: ["kind": "mobile"])
    }

    /// Whether the first three digits of an 11-digit number are an allocated mobile segment.
    static func isAllocated(_ digits: String) -> Bool {
        let value = digits.digitValues
        guard value.count >= 3, value[0] == 1 else { return false }
        switch (value[1], value[2]) {
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
