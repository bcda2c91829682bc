package import VeilCore

/// A dotted-quad IPv4 address with every part 0–255 and no leading zeros.
package struct IPv4Validator: Validator {
    package let id = "ipv4"
    package let summary = "IPv4 address, four parts 0-255"
    package let examples = ValidatorExamples(valid: ["192.168.1.20", "8.8.8.8"], invalid: ["256.1.1.1", "1.2.3", "01.2.3.4"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let parts = candidate.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let value = Int(part), value <= 255,
                part.count == 1 || part.first != "0"
            else { return nil }
        }
        return Validation(canonical: candidate)
    }
}
