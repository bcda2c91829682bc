package import VeilCore
import VeilText

/// Resident ID numbers: a valid number (real county code, real date, right check character) of the
/// same form (18 or 15 digits). A policy may keep facets of the original: `province` (a county in
/// the same province), `birth-year`, `birth-date`, `sex` (the parity of the sequence number).
package struct ResidentIDSurrogate: SurrogateGenerator {
    package let id = "id-cn"
    package let keepableFacets: Set<String> = ["province", "birth-year", "birth-date", "sex"]
    package let examples = ["11010519491231002X", "360731198506121231", "110105491231002"]
    package let validatorID: String? = "cn-resident-id"
    package init() {}

    /// One real county-level division code in each province-level division (GB/T 2260).
    static let countyCodes: [Int: String] = [
        11: "110101", 12: "120101", 13: "130102", 14: "140105", 15: "150102", 21: "210102", 22: "220102", 23: "230102",
        31: "310101", 32: "320102", 33: "330102", 34: "340102", 35: "350102", 36: "360102", 37: "370102", 41: "410102",
        42: "420102", 43: "430102", 44: "440103", 45: "450102", 46: "460105", 50: "500101", 51: "510104", 52: "520102",
        53: "530102", 54: "540102", 61: "610102", 62: "620102", 63: "630102", 64: "640104", 65: "650102"
    ]

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        // A number of another length (a plugin's own, or one cut short) reads as 0 where it has no digit.
        let written = canonical.digitValues
        let digits = written + [Int](repeating: 0, count: max(0, 18 - written.count))
        let isLegacy = canonical.utf8.count == 15
        let province = (digits.first ?? 1) * 10 + (digits.dropFirst().first ?? 1)
        let region =
            keeping.contains("province")
            ? (ResidentIDSurrogate.countyCodes[province] ?? "110101")
            : random.pick(ResidentIDSurrogate.countyCodes.keys.sorted().map { ResidentIDSurrogate.countyCodes[$0]! })
        let originalYear = isLegacy ? 1900 + digits[6] * 10 + digits[7] : digits[6...9].reduce(0) { $0 * 10 + $1 }
        let dateStart = isLegacy ? 8 : 10
        var year =
            keeping.contains("birth-year") || keeping.contains("birth-date")
            ? originalYear
            : (isLegacy ? 1930 + random.next(below: 70) : 1950 + random.next(below: 56))
        var month = 1 + random.next(below: 12), day = 1 + random.next(below: 28)
        if keeping.contains("birth-date") {
            month = digits[dateStart] * 10 + digits[dateStart + 1]
            day = digits[dateStart + 2] * 10 + digits[dateStart + 3]
            year = originalYear
        }
        let sequenceStart = dateStart + 4
        var sequence = [random.digit(), random.digit(), random.digit()]
        if keeping.contains("sex") { sequence[2] = (sequence[2] & ~1) | (digits[sequenceStart + 2] & 1) }
        let date = String(format2(year % (isLegacy ? 100 : 10_000), width: isLegacy ? 2 : 4)) + format2(month, width: 2) + format2(day, width: 2)
        let body = region + date + DigitSurrogate.string(sequence)
        if isLegacy { return body }
        return body + String(CNResidentIDValidator.checkCharacter(for: body.digitValues))
    }

    private func format2(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
