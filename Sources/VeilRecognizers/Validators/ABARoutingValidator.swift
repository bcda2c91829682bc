package import VeilCore
import VeilText

/// of ten, the first two a Federal Reserve routing symbol (00–12, 21–32, 61–72, 80).
package struct ABARoutingValidator: Validator {
    package let id = "aba-routing"
    package let summary = "US ABA routing number: 3-7-1 checksum and a Federal Reserve prefix"
    package let examples = ValidatorExamples(valid: ["011000015", "121000358", "0110-0001-5"], invalid: ["011000016", "991000015", "12345678"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitValues
        guard digits.count == 9 else { return nil }
        let prefix = digits[0] * 10 + digits[1]
        guard (0...12).contains(prefix) || (21...32).contains(prefix) || (61...72).contains(prefix) || prefix == 80 else { return nil }
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * [3, 7, 1][$1.offset % 3] }
        guard sum % 10 == 0, sum > 0 else { return nil }
        return Validation(canonical: candidate.digitsOnly)
    }
}
