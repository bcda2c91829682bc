import Foundation

/// A mainland resident identity card number: 18 digits with an ISO 7064 MOD 11-2 check character
/// (0–9 or X) and a real birth date, or the 15-digit legacy form (YYMMDD in the 1900s, no check
/// character); the first two digits must be a province code. Canonical: upper-cased, no spaces.
public struct CNResidentIDValidator: Validator {
    public let id = "cn-resident-id"
    public let summary = "18-digit ID with MOD 11-2 check and a real birth date, or 15-digit legacy ID"
    public let examples = ValidatorExamples(
        valid: ["11010519491231002X", "360731198506121231", "510104199003078818", "110105491231002", "110105 19491231 002X"],
        invalid: ["110105194912310021", "11010519491331002X", "990105194912310023", "110105491331002"])

    public init() {}

    static let provinceCodes: Set<Int> = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                                          50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    public func validate(_ candidate: String) -> Validation? {
        let compact = String(candidate.uppercased().filter { $0 != " " && $0 != "-" })
        let characters = Array(compact)
        let digits = compact.digitValues
        guard CNResidentIDValidator.provinceCodes.contains((digits.first ?? 0) * 10 + (digits.dropFirst().first ?? 0)) else { return nil }
        if characters.count == 18 {
            guard digits.count == 18 || (digits.count == 17 && characters[17] == "X") else { return nil }
            let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
            let month = digits[10] * 10 + digits[11], day = digits[12] * 10 + digits[13]
            guard CNResidentIDValidator.isRealDate(year: year, month: month, day: day, notAfterToday: true) else { return nil }
            guard characters[17] == CNResidentIDValidator.checkCharacter(for: Array(digits.prefix(17))) else { return nil }
            return Validation(canonical: compact, attributes: ["form": "18"])
        }
        if characters.count == 15, digits.count == 15 {
            let month = digits[8] * 10 + digits[9], day = digits[10] * 10 + digits[11]
            guard CNResidentIDValidator.isRealDate(year: 1900 + digits[6] * 10 + digits[7], month: month, day: day, notAfterToday: true) else { return nil }
            return Validation(canonical: compact, attributes: ["form": "15"])
        }
        return nil
    }

    /// The MOD 11-2 check character for the first 17 digits.
    public static func checkCharacter(for first17: [Int]) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    static func isRealDate(year: Int, month: Int, day: Int, notAfterToday: Bool) -> Bool {
        guard year >= 1900, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return false }
        if notAfterToday {
            let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
            let now = (today.year ?? 9999) * 10000 + (today.month ?? 12) * 100 + (today.day ?? 31)
            guard year * 10000 + month * 100 + day <= now else { return false }
        }
        return true
    }
}
