package import VeilCore

/// A telephone number in its country's national layout, with no calling code: after its trunk
/// prefix (0 in most of Europe, 8 in Russia, 06 in Hungary) or without one (North America,
/// Denmark, Norway, Poland, Spain, Portugal, Greece …) the digits are a valid national number in
/// some country's plan (libphonenumber's metadata, ``NumberingPlan``). Written with + or 00, the
/// e164 rules apply. Dates and one digit repeated are refused as phone-digits refuses them; an
/// extension is not part of the number. Canonical: the digits.
package struct PhoneNationalValidator: Validator {
    package let id = "phone-national"
    package let summary = "A national number valid in some country's numbering plan (libphonenumber), or an international one"
    package let examples = ValidatorExamples(
        valid: [
            "01 49 70 69 65", "(06404) 86833 065", "0519-89 15 84", "939 961 574", "781 103 714", "810.678.2319", "8 (912) 345-67-89",
            "06 99 28 69 67", "740-379-6422x42112", "+33 6 12 34 56 78", "020 7946 0958"
        ],
        invalid: ["12/05/2023", "2023-05-12", "1111111", "123 456", "0000 123 456", "+99 1234 5678"])
    package init() {}

    package func prepare() { NumberingPlan.prepare() }

    package func validate(_ candidate: String) -> Validation? {
        validate(utf8: ArraySlice(candidate.utf8))
    }

    package func validate(utf8 candidate: ArraySlice<UInt8>) -> Validation? {
        let number = candidate[..<PhoneNumberText.extensionStart(candidate)].drop { $0 == 0x20 }
        if number.first == 0x2B || number.starts(with: [0x30, 0x30]) { return E164Validator().validate(String(decoding: candidate, as: UTF8.self)) }
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        for byte in number where byte >= 0x30 && byte <= 0x39 { digits.append(byte) }
        guard (7...15).contains(digits.count), digits.contains(where: { $0 != digits[0] }),
            !PhoneDigitsValidator.isDate(groups: PhoneNumberText.digitGroups(number)),
            NumberingPlan.isNationalNumber(digits)
        else { return nil }
        return Validation(canonical: String(decoding: digits, as: UTF8.self))
    }

}
