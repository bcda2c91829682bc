package import VeilCore
import VeilText

/// A US Social Security number as the Social Security Administration issues them: area 001–899 but
/// not 666, group 01–99, serial 0001–9999, written 123-45-6789, 123 45 6789 or as nine digits.
/// Canonical: the nine digits.
package struct USSSNValidator: Validator {
    package let id = "us-ssn"
    package let summary = "US SSN: area 001-899 except 666, group 01-99, serial 0001-9999"
    package let examples = ValidatorExamples(
        valid: ["536-90-4399", "536 90 4399", "536904399", "001-01-0001"],
        invalid: ["000-12-3456", "666-12-3456", "912-34-5678", "536-00-4399", "536-90-0000", "536-904-399"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let bytes = Array(candidate.utf8)
        let digits = candidate.digitValues
        guard digits.count == 9 else { return nil }
        // Separators only between area and group and between group and serial.
        if bytes.count == 11 { guard bytes[3] == bytes[6], bytes[3] == 0x2D || bytes[3] == 0x20 else { return nil } } else if bytes.count != 9 { return nil }
        let area = digits[0] * 100 + digits[1] * 10 + digits[2]
        let group = digits[3] * 10 + digits[4]
        let serial = digits[5] * 1000 + digits[6] * 100 + digits[7] * 10 + digits[8]
        guard (1...899).contains(area), area != 666, group != 0, serial != 0 else { return nil }
        return Validation(canonical: candidate.digitsOnly)
    }
}
