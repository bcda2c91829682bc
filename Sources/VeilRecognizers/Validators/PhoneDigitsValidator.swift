package import VeilCore
import VeilText

/// A telephone number in some national layout, told only by its shape: seven to fifteen digits
/// (the length E.164 allows; an extension after x or ext not counted) or six in groups (89 03 29,
/// 4 397 14, 25 07 43: Luxembourg, the Faroes, Greenland, Andorra number so) — parted by spaces, or
/// by dots, dashes or slashes in pairs that do not read as a day and a month (12.05.23) — not one
/// digit repeated, not a count up (123 456), and not a date (12/05/2023, 2023-05-12). For rules that fire only beside a word such as phone, tel
/// or mobile. Canonical: the digits, the extension's included.
package struct PhoneDigitsValidator: Validator {
    package let id = "phone-digits"
    package let summary = "7-15 digits (an extension aside) or six in groups, not one digit repeated, not a date"
    package let examples = ValidatorExamples(
        valid: [
            "60 95 32 52", "(06095) 32529", "09/532-5292", "(274)665-5856x411", "+358 095325292", "08-70 73 81", "382.631.9459 ext. 4804", "89 03 29",
            "89-03-29", "4 397 14", "25 07 43"
        ],
        invalid: ["123 456", "890329", "12.05.23", "12/05/23", "1111111", "12/05/2023", "2023-05-12", "1234567890123456", "2023-02-23 04", "2023-03-162"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        // The number before its extension (x411, ext. 4804).
        let number = String(candidate.lowercased().prefix { $0 != "x" })
        let digits = number.digitValues
        guard (7...15).contains(digits.count) || (digits.count == 6 && Self.isSixDigitNumber(number, digits)),
            Set(digits).count > 1, !Self.isDate(number)
        else { return nil }
        return Validation(canonical: candidate.digitsOnly)
    }

    /// Six digits in two groups or more: parted by spaces only (4 397 14, 25 07 43 — a date is not
    /// written so), or in pairs that do not read as a day and a month (89-03-29, not 12.05.23); not
    /// the digits counting up (123 456, a placeholder).
    static func isSixDigitNumber(_ number: String, _ digits: [Int]) -> Bool {
        let groups = PhoneNumberText.digitGroups(ArraySlice(number.utf8))
        guard groups.count >= 2, !zip(digits, digits.dropFirst()).allSatisfy({ $1 == $0 + 1 }) else { return false }
        if number.utf8.allSatisfy({ $0 == 0x20 || ASCIIByte.isDigit($0) }) { return true }
        return groups.map(\.length) == [2, 2, 2]
            && !((1...31).contains(groups[0].value) && (1...12).contains(groups[1].value))
            && !((1...12).contains(groups[0].value) && (1...31).contains(groups[1].value))
    }

    /// dd/mm/yyyy, dd.mm.yyyy, yyyy-mm-dd and the like, alone or with a time after it (2023-02-23 04):
    /// three groups in a row, one of them a year at either end; or a year and a month first.
    static func isDate(_ text: String) -> Bool {
        isDate(groups: PhoneNumberText.digitGroups(ArraySlice(text.utf8)))
    }

    /// The same over the groups of digits (their values and lengths).
    static func isDate(groups: [(value: Int, length: Int)]) -> Bool {
        guard groups.count >= 3 else { return false }
        let year = { (group: (value: Int, length: Int)) in group.length == 4 && (1900...2099).contains(group.value) }
        let small = { (group: (value: Int, length: Int)) in group.length <= 2 && group.value <= 31 }
        // A year and a month first (2023-03-16⏎2 read across a wrapped line): a date whatever follows.
        if year(groups[0]), groups[1].length == 2, groups[1].value <= 12 { return true }
        return (0...groups.count - 3).contains { i in
            (year(groups[i]) && small(groups[i + 1]) && small(groups[i + 2])) || (small(groups[i]) && small(groups[i + 1]) && year(groups[i + 2]))
        }
    }
}
