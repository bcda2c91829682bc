import Foundation
package import VeilCore

/// A mainland resident identity card number: 18 digits with an ISO 7064 MOD 11-2 check character
/// (0–9 or X) and a real birth date, or the 15-digit legacy form (YYMMDD in the 1900s, no check
/// character); the first two digits must be a province code. Canonical: upper-cased, no spaces.
package struct CNResidentIDValidator: Validator {
    package let id = "cn-resident-id"
    package let summary = "18-digit ID with MOD 11-2 check and a real birth date, or 15-digit legacy ID"
    package let examples = ValidatorExamples(
        valid: ["11010519491231002X", "360731198506121231", "510104199003078818", "110105491231002", "110105 19491231 002X"],
        invalid: ["110105194912310021", "11010519491331002X", "990105194912310023", "110105491331002"])

    package init() {}

    static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91
    ]
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    package func validate(_ candidate: String) -> Validation? {
        validate(utf8: ArraySlice(candidate.utf8))
    }

    package func validate(utf8 candidate: ArraySlice<UInt8>) -> Validation? {
        // Upper-cased, without spaces and dashes; any other byte outside ASCII digits and X fails below.
        let compact = candidate.compactMap { byte -> UInt8? in
            byte == 0x20 || byte == 0x2D ? nil : (byte == 0x78 ? 0x58 : byte)
        }
        let digits = compact.compactMap { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }
        guard digits.count >= 2, CNResidentIDValidator.provinceCodes.contains(digits[0] * 10 + digits[1]) else { return nil }
        if compact.count == 18 {
            guard digits.count == 18 || (digits.count == 17 && compact[17] == 0x58) else { return nil }
            let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
            let month = digits[10] * 10 + digits[11], day = digits[12] * 10 + digits[13]
            guard CNResidentIDValidator.isRealDate(year: year, month: month, day: day, notAfterToday: true) else { return nil }
            guard compact[17] == CNResidentIDValidator.checkCharacter(for: Array(digits.prefix(17))).asciiValue else { return nil }
            return Validation(canonical: String(decoding: compact, as: UTF8.self))
        }
        if compact.count == 15, digits.count == 15 {
            let month = digits[8] * 10 + digits[9], day = digits[10] * 10 + digits[11]
            guard CNResidentIDValidator.isRealDate(year: 1900 + digits[6] * 10 + digits[7], month: month, day: day, notAfterToday: true) else { return nil }
            return Validation(canonical: String(decoding: compact, as: UTF8.self))
        }
        return nil
    }

    /// The MOD 11-2 check character for the first 17 digits.
    package static func checkCharacter(for first17: [Int]) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    static func isRealDate(year: Int, month: Int, day: Int, notAfterToday: Bool) -> Bool {
        guard year >= 1900, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return false }
        if notAfterToday {
            guard year * 10000 + month * 100 + day <= todayInBeijing() else { return false }
        }
        return true
    }

    /// Today's date in China (UTC+8, no daylight saving) as YYYYMMDD, from the clock by integer
    /// arithmetic (days to civil date; Howard Hinnant's algorithm), cheap enough for every match.
    static func todayInBeijing() -> Int {
        let days = Int((Date().timeIntervalSince1970 + 8 * 3600) / 86_400)
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return year * 10000 + month * 100 + day
    }
}
