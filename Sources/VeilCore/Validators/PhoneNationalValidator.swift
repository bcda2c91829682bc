/// A telephone number in its country's national layout, with no calling code: after its trunk
/// prefix (0 in most of Europe, 8 in Russia, 06 in Hungary) or without one (North America,
/// Denmark, Norway, Poland, Spain, Portugal, Greece …) the digits are a valid national number in
/// some country's plan (libphonenumber's metadata, ``NumberingPlan``). Written with + or 00, the
/// e164 rules apply. Dates and one digit repeated are refused as phone-digits refuses them; an
/// extension is not part of the number. Canonical: the digits.
public struct PhoneNationalValidator: Validator {
    public let id = "phone-national"
    public let summary = "A national number valid in some country's numbering plan (libphonenumber), or an international one"
    public let examples = ValidatorExamples(
        valid: ["01 49 70 69 65", "(06404) 86833 065", "0519-89 15 84", "939 961 574", "781 103 714", "810.678.2319", "8 (912) 345-67-89",
                "06 99 28 69 67", "740-379-6422x42112", "+33 6 12 34 56 78", "020 7946 0958"],
        invalid: ["12/05/2023", "2023-05-12", "1111111", "123 456", "0000 123 456", "+99 1234 5678"])
    public init() {}

    public func validate(_ candidate: String) -> Validation? {
        let number = PhoneNumberText.withoutExtension(candidate)
        if number.hasPrefix("+") || number.hasPrefix("00") { return E164Validator().validate(candidate) }
        guard PhoneDigitsValidator().validate(number) != nil else { return nil }
        let digits = number.digitsOnly
        guard NumberingPlan.isNationalNumber(digits) else { return nil }
        return Validation(canonical: digits, attributes: ["kind": "national"])
    }
}
