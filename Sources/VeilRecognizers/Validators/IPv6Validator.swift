import Foundation
package import VeilCore

/// An IPv6 address: up to eight groups of 1–4 hex digits, at most one `::`.
package struct IPv6Validator: Validator {
    package let id = "ipv6"
    package let summary = "IPv6 address in full or compressed form"
    package let examples = ValidatorExamples(
        valid: ["2001:db8::8a2e:370:7334", "fe80::1", "2001:0db8:0000:0000:0000:ff00:0042:8329"],
        invalid: ["2001:db8::8a2e::7334", "12:34", "2001:db8:zz::1"])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        let lower = candidate.lowercased()
        let halves = lower.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        let groups = halves.flatMap { $0.isEmpty ? [] : $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
        guard groups.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        if halves.count == 2 {
            guard groups.count <= 7, groups.count >= 1 || lower == "::" else { return nil }
        } else {
            guard groups.count == 8 else { return nil }
        }
        return Validation(canonical: lower)
    }
}
