package import VeilCore

/// even ones, last digit). Canonical: upper case.
package struct DEAValidator: Validator {
    package let id = "dea"
    package let summary = "US DEA registration number: type letter, letter or 9, seven digits with the DEA check"
    package let examples = ValidatorExamples(valid: ["AB1234563", "BJ6125341", "fs9876547"], invalid: ["AB1234567", "IB1234563", "AB123456"])
    package init() {}

    static let types: Set<UInt8> = Set("ABCDEFGHJKLMPRSTUX".utf8)

    package func validate(_ candidate: String) -> Validation? {
        let bytes = Array(candidate.uppercased().utf8)
        guard bytes.count == 9, Self.types.contains(bytes[0]), (bytes[1] >= 0x41 && bytes[1] <= 0x5A) || bytes[1] == 0x39,
            bytes[2...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let d = bytes[2...].map { Int($0) - 0x30 }
        guard (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6] else { return nil }
        return Validation(canonical: String(decoding: bytes, as: UTF8.self))
    }
}
