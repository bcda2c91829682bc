package import VeilCore

/// An International Bank Account Number: a country code, two check digits and the account in the
/// country's length (ISO 13616), whose digits and letters taken as a number leave 1 modulo 97.
/// Canonical: the letters and digits without spaces, upper case.
package struct IBANValidator: Validator {
    package let id = "iban"
    package let summary = "IBAN: a known country's length and the mod-97 check (ISO 13616)"
    package let examples = ValidatorExamples(
        valid: ["GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00", "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300", "ch93 0076 2011 6238 5295 7"],
        invalid: ["GB82 WEST 1234 5698 7654 33", "DE89 3704 0044 0532 0130 0", "XX82 WEST 1234 5698 7654 32", "GB82-WEST"])
    package init() {}

    /// The length of an IBAN in each country that issues them (the SWIFT IBAN registry).
    static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29, "BY": 28,
        "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
        "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
        "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
        "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
        "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
        "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26,
        "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30
    ]

    package func validate(_ candidate: String) -> Validation? {
        var characters: [UInt8] = []
        for byte in candidate.utf8 {
            switch byte {
            case 0x20, 0x2D: continue
            case 0x61...0x7A: characters.append(byte - 0x20)
            case 0x30...0x39, 0x41...0x5A: characters.append(byte)
            default: return nil
            }
        }
        guard characters.count >= 15, characters[0] >= 0x41, characters[1] >= 0x41, characters[2] <= 0x39, characters[3] <= 0x39,
            Self.lengths[String(decoding: characters[0..<2], as: UTF8.self)] == characters.count,
            Self.remainder(characters) == 1
        else { return nil }
        return Validation(canonical: String(decoding: characters, as: UTF8.self))
    }

    /// The IBAN with its first four characters moved to the end and each letter written as 10–35,
    /// as a number, modulo 97.
    static func remainder(_ characters: [UInt8]) -> Int {
        var remainder = 0
        for byte in characters[4...] + characters[0..<4] {
            if byte <= 0x39 {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - 0x41 + 10)) % 97
            }
        }
        return remainder
    }
}
