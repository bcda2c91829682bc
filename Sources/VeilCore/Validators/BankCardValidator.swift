/// A payment card number as Chinese banks issue them: 16–19 digits passing Luhn, with a known issuer
/// prefix (UnionPay 62, 60 and 9558 debit cards; Visa 4; Mastercard 51–55 and 22–27; JCB 35).
/// Canonical: the digits.
public struct BankCardValidator: Validator {
    public let id = "bank-card"
    public let summary = "16-19 digit card number with a known issuer prefix and a Luhn check digit"
    public let examples = ValidatorExamples(
        valid: ["6222 0212 3456 7890 128", "6228480402564890018", "4111-1111-1111-1111", "5500 0000 0000 0004"],
        invalid: ["6222021234567890127", "1234567812345670", "4111111111111", "2023112912345678"])
    public init() {}

    public func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitValues
        guard (16...19).contains(digits.count), BankCardValidator.hasKnownPrefix(digits), LuhnValidator.isValid(digits) else { return nil }
        return Validation(canonical: candidate.digitsOnly, attributes: ["network": BankCardValidator.network(of: digits)])
    }

    static func hasKnownPrefix(_ digits: [Int]) -> Bool {
        network(of: digits) != "unknown"
    }

    static func network(of digits: [Int]) -> String {
        let two = digits[0] * 10 + digits[1]
        let four = two * 100 + digits[2] * 10 + digits[3]
        switch two {
        case 62, 60: return "unionpay"
        case 40...49: return "visa"
        case 51...55, 22...27: return "mastercard"
        case 35: return "jcb"
        default: return four == 9558 ? "unionpay" : "unknown"
        }
    }
}
