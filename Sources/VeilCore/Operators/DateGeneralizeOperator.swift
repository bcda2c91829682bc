/// `generalize: {to: month | year}` for dates: the date written to the month or the year only, in
/// the layout it was written in (2023年11月2日 → 2023年11月, 2023-11-02 → 2023-11, 2023/11/02 →
/// 2023/11, November 2, 2023 and 2 November 2023 → November 2023; to the year: 2023年, 2023). A date
/// it cannot read (11月2日 has no year to keep at `year`) becomes `[DATE]`, so no day passes through.
struct DateGeneralizeOperator: Operator {
    let precision: Action.DatePrecision

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"
    ]

    func replacement(for mention: Mention, in context: OperatorContext) -> String {
        Self.generalized(mention.text, to: precision) ?? "[\(mention.detection.entity.rawValue)]"
    }

    static func generalized(_ text: String, to precision: Action.DatePrecision) -> String? {
        let scalars = Array(text.unicodeScalars)
        let string = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])) }
        // 2023年11月2日
        if let year = scalars.firstIndex(of: "年") {
            if precision == .year { return string(0..<year + 1) }
            guard let month = scalars.firstIndex(of: "月"), month > year else { return nil }
            return string(0..<month + 1)
        }
        // 11月2日: a month, no year.
        if let month = scalars.firstIndex(of: "月") { return precision == .month ? string(0..<month + 1) : nil }
        // 2023-11-02, 2023/11/02, 2023.11.02
        if scalars.count >= 8, scalars.prefix(4).allSatisfy({ $0.properties.numericType != nil && $0.isASCII }),
            let separator = scalars.dropFirst(4).first, "-/.".unicodeScalars.contains(separator)
        {
            let parts = text.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            return precision == .year ? String(parts[0]) : "\(parts[0])\(Character(separator))\(parts[1])"
        }
        // November 2, 2023 / 2 November 2023 / Nov. 2nd 2023
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let year = words.last(where: { $0.count == 4 && $0.allSatisfy(\.isNumber) }),
            let month = words.first(where: { months.contains($0.lowercased().trimmingSuffix(".")) })
        else { return nil }
        return precision == .year ? year : "\(month) \(year)"
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
