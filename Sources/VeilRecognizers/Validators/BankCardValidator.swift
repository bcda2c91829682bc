package import VeilCore
import VeilText

/// A payment card number with a known issuer prefix and length, passing Luhn: UnionPay (62, 60, 81,
/// 9558; 16–19 digits), Visa (4; 13, 16–19), Mastercard (51–55, 2221–2720; 16–19), Discover (6011,
/// 644–649, 65; 16–19), JCB (35: 3528–3589 assigned, and the rest of 35 as generators such as Faker
/// write it; 16–19; 1800 and 2131, 15), Mir (2200–2204; 16–19), American Express (34, 37; 15),
/// Diners Club (300–305, 36, 38, 39; 14–19) and Maestro (50 and 56–69 as its issuers' national
/// ranges use them — Portugal's 670 and 677, Russia's 63 and 67 — and 0604; 12–19). Canonical: the digits.
package struct BankCardValidator: Validator {
    package let id = "bank-card"
    package let summary =
        "card number with a known issuer prefix and length (Visa, Mastercard, Amex, Diners, Discover, JCB, UnionPay, Maestro, Mir) and a Luhn check digit"
    package let examples = ValidatorExamples(
        valid: [
            "6222 0212 3456 7890 128", "6228480402564890018", "4111-1111-1111-1111", "5500 0000 0000 0004", "3782 822463 10005", "30569309025904",
            "4222222222222", "2223 0000 4841 0010", "6011 1111 1111 1117", "3530 1113 3330 0000", "6759 6498 2643 8453", "2200 0000 0000 0004", "180080909056297",
            "6773 9312 3456 7897", "8171 0012 3456 7893"
        ],
        invalid: [
            "6222021234567890127", "1234567812345670", "4111111111111", "2023112912345678", "378282246310006", "41111111111111",
            "6011 1111 1111 1118", "9111 1111 1111 1111"
        ])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitValues
        guard digits.count >= 12, digits.count <= 19, BankCardValidator.hasKnownPrefix(digits), LuhnValidator.isValid(digits) else { return nil }
        return Validation(canonical: candidate.digitsOnly)
    }

    static func hasKnownPrefix(_ digits: [Int]) -> Bool {
        network(of: digits) != "unknown"
    }

    static func network(of digits: [Int]) -> String {
        let length = digits.count
        let two = digits[0] * 10 + digits[1]
        let three = two * 10 + digits[2]
        let four = three * 10 + digits[3]
        let long = (16...19).contains(length)
        switch true {
        case [34, 37].contains(two): return length == 15 ? "amex" : "unknown"
        case (300...305).contains(three) || [36, 38, 39].contains(two): return (14...19).contains(length) ? "diners" : "unknown"
        case four == 6011 || (644...649).contains(three) || two == 65: return long ? "discover" : "unknown"
        case two == 35: return long ? "jcb" : "unknown"
        case four == 1800 || four == 2131: return length == 15 ? "jcb" : "unknown"
        case (2200...2204).contains(four): return long ? "mir" : "unknown"
        case (2221...2720).contains(four) || (51...55).contains(two): return long ? "mastercard" : "unknown"
        case two == 62 || two == 60 || two == 81 || four == 9558: return long ? "unionpay" : "unknown"
        case two == 50 || (56...69).contains(two) || four == 604: return length >= 12 ? "maestro" : "unknown"
        case digits[0] == 4: return length == 13 || long ? "visa" : "unknown"
        default: return "unknown"
        }
    }
}
