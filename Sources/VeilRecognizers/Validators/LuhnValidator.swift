package import VeilCore
import VeilText

/// The Luhn (mod 10) check digit, on 12–19 digits. Canonical: the digits.
package struct LuhnValidator: Validator {
    package let id = "luhn"
    package let summary = "Luhn (mod 10) checksum over 12 to 19 digits"
    package let examples = ValidatorExamples(
        valid: ["4111 1111 1111 1111", "6222021234567890128"],
        invalid: ["4111 1111 1111 1112", "1234"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitValues
        guard (12...19).contains(digits.count), LuhnValidator.isValid(digits) else { return nil }
        return Validation(canonical: candidate.digitsOnly)
    }

    /// Whether `digits` end with a correct Luhn check digit.
    package static func isValid(_ digits: [Int]) -> Bool {
        checkDigit(for: Array(digits.dropLast())) == digits.last
    }

    /// The Luhn check digit to append to `payload`.
    package static func checkDigit(for payload: [Int]) -> Int {
        var sum = 0
        for (index, digit) in payload.reversed().enumerated() {
            if index % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }
}
