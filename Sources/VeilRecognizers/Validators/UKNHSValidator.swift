package import VeilCore
import VeilText

/// the first nine (weights 10 down to 2; a check of 10 is never issued). Canonical: the digits.
package struct UKNHSValidator: Validator {
    package let id = "uk-nhs"
    package let summary = "UK NHS number: ten digits with the modulus-11 check digit"
    package let examples = ValidatorExamples(
        valid: ["943 476 5919", "9434765919", "401-023-2137"],
        invalid: ["943 476 5918", "1111111111", "943 476 591", "0000000000"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitValues
        guard digits.count == 10, Set(digits).count > 1 else { return nil }
        let sum = zip(digits.prefix(9), (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (11 - sum % 11) % 11
        guard check != 10, check == digits[9] else { return nil }
        return Validation(canonical: candidate.digitsOnly)
    }
}
