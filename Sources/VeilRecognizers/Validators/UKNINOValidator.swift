package import VeilCore

/// A UK National Insurance number: two prefix letters (never D, F, I, Q, U or V; O not second; not
/// BG, GB, KN, NK, NT, TN or ZZ), six digits and a suffix A–D, spaced or not (AB 12 34 56 C).
/// Canonical: the nine characters, upper case.
package struct UKNINOValidator: Validator {
    package let id = "uk-nino"
    package let summary = "UK National Insurance number: allowed prefix letters, six digits, suffix A-D"
    package let examples = ValidatorExamples(
        valid: ["AB123456C", "JG 10 37 21 A", "ce 12 34 56 d"],
        invalid: ["QQ123456C", "GB123456A", "AO123456B", "AB123456E", "AB12345C"])
    package init() {}

    static let notFirst: Set<UInt8> = Set("DFIQUV".utf8)
    static let notSecond: Set<UInt8> = Set("DFIOQUV".utf8)
    static let notPrefixes: Set<String> = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]

    package func validate(_ candidate: String) -> Validation? {
        let characters = candidate.uppercased().utf8.filter { $0 != 0x20 }
        guard characters.count == 9 else { return nil }
        let letters = Array(characters)
        guard letters[0] >= 0x41, letters[0] <= 0x5A, letters[1] >= 0x41, letters[1] <= 0x5A,
            letters[2...7].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), (0x41...0x44).contains(letters[8]),
            !Self.notFirst.contains(letters[0]), !Self.notSecond.contains(letters[1]),
            !Self.notPrefixes.contains(String(decoding: letters[0..<2], as: UTF8.self))
        else { return nil }
        return Validation(canonical: String(decoding: letters, as: UTF8.self))
    }
}
