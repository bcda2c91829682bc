package import VeilCore
import VeilText

/// the ranges the IRS issues (50–65, 70–88, 90–92, 94–99). Canonical: the digits.
package struct USITINValidator: Validator {
    package let id = "us-itin"
    package let summary = "US ITIN: 9XX-XX-XXXX with a middle group the IRS issues"
    package let examples = ValidatorExamples(valid: ["912-70-1234", "900 50 0000", "999941234"], invalid: ["912-49-1234", "812-70-1234", "912-93-1234"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let digits = candidate.digitValues
        guard digits.count == 9, digits[0] == 9 else { return nil }
        let middle = digits[3] * 10 + digits[4]
        guard (50...65).contains(middle) || (70...88).contains(middle) || (90...92).contains(middle) || (94...99).contains(middle) else { return nil }
        return Validation(canonical: candidate.digitsOnly)
    }
}
