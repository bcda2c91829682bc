/// A mainland China 400 or 800 service number: ten digits starting 400 or 800.
public struct CNServiceNumberValidator: Validator {
    public let id = "cn-service-number"
    public let summary = "400/800 service number (10 digits)"
    public let examples = ValidatorExamples(valid: ["400-810-8888", "800 820 8820", "4006123456"],
                                            invalid: ["400-810-888", "500-810-8888"])
    public init() {}

    public func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitsOnly
        guard digits.utf8.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800") else { return nil }
        return Validation(canonical: digits, attributes: ["kind": "service"])
    }
}
