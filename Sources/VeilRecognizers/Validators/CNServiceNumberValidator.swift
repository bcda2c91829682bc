package import VeilCore
import VeilText

/// A mainland China 400 or 800 service number: ten digits starting 400 or 800.
package struct CNServiceNumberValidator: Validator {
    package let id = "cn-service-number"
    package let summary = "400/800 service number (10 digits)"
    package let examples = ValidatorExamples(
        valid: ["400-810-8888", "800 820 8820", "4006123456"],
        invalid: ["400-810-888", "500-810-8888"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitsOnly
        guard digits.utf8.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800") else { return nil }
        return Validation(canonical: digits)
    }
}
