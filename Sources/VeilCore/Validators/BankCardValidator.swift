/// A payment card number: 16–19 digits with a known issuer prefix (UnionPay 62, 60 and 9558 debit
/// cards; Visa 4; Mastercard 51–55 and 22–27; JCB 35; Discover 65), or an American Express number
/// (15 digits, 34 or 37) or a Diners Club number (14 digits, 30, 36, 38 or 39), passing Luhn.
/// Canonical: the digits.
public struct BankCardValidator: Validator {
    public let id = "bank-card"
    public let summary = "card number with a known issuer prefix and length (16-19 digits; Amex 15, Diners 14) and a Luhn check digit"
    public let examples = ValidatorExamples(
        valid: ["6222 0212 3456 7890 128", "6228480402564890018", "4111-1111-1111-1111", "5500 0000 0000 0004", "3782 822463 10005", "30569309025904"],
        invalid: ["6222021234567890127", "1234567812345670", "4111111111111", "2023112912345678", "378282246310006", "41111111111111"])
    public init() {}

    public func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitValues
        guard digits.count >= 14, digits.count <= 19, BankCardValidator.hasKnownPrefix(digits), LuhnValidator.isValid(digits) else { return nil }
        return Validation(canonical: candidate.digitsOnly, attributes: ["network": BankCardValidator.network(of: digits)])
    }

    static func hasKnownPrefix(_ digits: [Int]) -> Bool {
        network(of: digits) != "unknown"
    }

    static func network(of digits: [Int]) -> String {
        let two = digits[0] * 10 + digits[1]
        let four = two * 100 + digits[2] * 10 + digits[3]
        switch digits.count {
        case 14: return [30, 36, 38, 39].contains(two) ? "diners" : "unknown"
        case 15: return [34, 37].contains(two) ? "amex" : "unknown"
        default: break
        }
        switch two {
        case 65: return "discover"
        case 62, 60: return "unionpay"
        case 40...49: return "visa"
        case 51...55, 22...27: return "mastercard"
        case 35: return "jcb"
        default: return four == 9558 ? "unionpay" : "unknown"
        }
    }
}
