/// An international number written with a + (or 00) and an assigned country code. For the countries
/// in ``nationalLengths`` the national number must have one of that country's lengths; for others,
/// 8 to 15 digits in all. When the country code is set apart by a space or dash, that group must
/// itself be a country code. Canonical: + and the digits.
public struct E164Validator: Validator {
    public let id = "e164"
    public let summary = "International number: + assigned country code and a national number of a valid length"
    public let examples = ValidatorExamples(
        valid: ["+44 20 7946 0018", "+1 (212) 555-0123", "+852 5123 4567", "0044 7911 123456", "+886912345678", "+61 458 486 153"],
        invalid: ["+0 123 456 789", "+44 123", "+2 1234 5678", "+99 1234 5678", "+44 20 7946 00188", "+61 497 419 957 2018", "+852 5123 456"])
    public init() {}

    public func validate(_ candidate: String) -> Validation? {
        var text = Substring(candidate)
        if text.hasPrefix("+") { text = text.dropFirst() } else if text.hasPrefix("00") { text = text.dropFirst(2) } else { return nil }
        let digits = String(text).digitsOnly
        guard (8...15).contains(digits.utf8.count) else { return nil }
        let leading = text.prefix { $0.isASCII && $0.isNumber }
        let code: String
        if leading.count < digits.utf8.count, leading.count <= 3 {
            // The writer separated the country code: it must be one.
            guard E164Validator.isCountryCode(String(leading)) else { return nil }
            code = String(leading)
        } else {
            guard let found = (1...3).map({ String(digits.prefix($0)) }).first(where: E164Validator.isCountryCode) else { return nil }
            code = found
        }
        if let lengths = E164Validator.nationalLengths[code] {
            guard lengths.contains(digits.utf8.count - code.count) else { return nil }
        }
        return Validation(canonical: "+" + digits, attributes: ["kind": "international", "country": code])
    }

    /// Whether `code` is an assigned ITU-T E.164 country calling code.
    static func isCountryCode(_ code: String) -> Bool {
        guard let value = Int(code), !code.hasPrefix("0") else { return false }
        switch code.count {
        case 1: return value == 1 || value == 7
        case 2: return twoDigitCodes.contains(value)
        case 3: return !twoDigitCodes.contains(value / 10) && value / 100 != 1 && value / 100 != 7 && !unassignedThreeDigit.contains(value)
        default: return false
        }
    }

    /// Lengths of the national (significant) number for countries whose plans are fixed enough to check.
    static let nationalLengths: [String: ClosedRange<Int>] = [
        "1": 10...10, "7": 10...10, "20": 8...10, "27": 9...9, "30": 10...10, "31": 9...9, "32": 8...9, "33": 9...9, "34": 9...9,
        "36": 8...9, "39": 6...11, "40": 9...9, "41": 9...9, "44": 9...10, "45": 8...8, "46": 7...10, "47": 8...8, "48": 9...9,
        "49": 6...11, "51": 8...9, "52": 10...10, "54": 10...11, "55": 10...11, "56": 9...9, "57": 10...10, "60": 8...10, "61": 9...9,
        "62": 8...12, "63": 8...10, "64": 8...10, "65": 8...8, "66": 8...9, "81": 9...10, "82": 8...10, "84": 9...10, "86": 10...11,
        "90": 10...10, "91": 10...10, "92": 9...10, "95": 8...10, "98": 10...10, "351": 9...9, "353": 7...9, "852": 8...8,
        "853": 8...8, "855": 8...9, "856": 8...10, "880": 10...10, "886": 8...9, "966": 9...9, "971": 8...9, "972": 8...9, "974": 8...8,
    ]

    static let twoDigitCodes: Set<Int> = [20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
                                          55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98]
    static let unassignedThreeDigit: Set<Int> = [210, 214, 215, 217, 219, 259, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 292,
                                                 293, 294, 295, 296, 384, 422, 424, 425, 426, 427, 428, 429, 671, 684, 693, 694,
                                                 695, 696, 697, 698, 699, 801, 802, 803, 804, 805, 806, 807, 809, 851, 854, 857,
                                                 858, 859, 871, 872, 873, 874, 875, 876, 877, 879, 884, 885, 887, 889, 890, 891,
                                                 892, 893, 894, 895, 896, 897, 898, 899, 969, 978, 990, 997, 999]
}
