/// A telephone number in some national layout, told only by its shape: seven to fifteen digits
/// (the length E.164 allows; an extension after x or ext not counted) or six in three pairs (89 03
/// 29: Luxembourg, the Faroes, Greenland, Andorra number so; not pairs that read as a day and a
/// month), not one digit repeated, and
/// not a date (12/05/2023, 2023-05-12). For rules that fire only beside a word such as phone, tel
/// or mobile. Canonical: the digits, the extension's included.
public struct PhoneDigitsValidator: Validator {
    public let id = "phone-digits"
    public let summary = "7-15 digits (an extension aside) or six in three pairs, not one digit repeated, not a date"
    public let examples = ValidatorExamples(
        valid: ["60 95 32 52", "(06095) 32529", "09/532-5292", "(274)665-5856x411", "+358 095325292", "08-70 73 81", "382.631.9459 ext. 4804", "89 03 29"],
        invalid: ["123 456", "890329", "12 05 23", "1111111", "12/05/2023", "2023-05-12", "1234567890123456", "2023-02-23 04", "2023-03-162"])
    public init() {}

    public func validate(_ candidate: String) -> Validation? {
        // The number before its extension (x411, ext. 4804).
        let number = String(candidate.lowercased().prefix { $0 != "x" })
        let digits = number.digitValues
        // Six digits in pairs, unless the pairs read as a day and a month (12 05 23).
        let groups = digits.count == 6 ? PhoneNumberText.digitGroups(ArraySlice(number.utf8)) : []
        let inPairs = groups.map(\.length) == [2, 2, 2]
            && !((1...31).contains(groups[0].value) && (1...12).contains(groups[1].value))
            && !((1...12).contains(groups[0].value) && (1...31).contains(groups[1].value))
        guard (7...15).contains(digits.count) || inPairs, Set(digits).count > 1, !Self.isDate(number) else { return nil }
        return Validation(canonical: candidate.digitsOnly)
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
