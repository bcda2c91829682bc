package import VeilCore

/// IP addresses: an IPv4 address becomes another public-looking IPv4 address (first part 11–223,
/// not 127); an IPv6 address keeps its shape with new hex digits.
package struct IPSurrogate: SurrogateGenerator {
    package let id = "ip"
    package let examples = ["192.168.1.20", "8.8.8.8", "2001:db8::8a2e:370:7334"]
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        if canonical.contains(":") {
            let hex = Array("0123456789abcdef")
            return String(canonical.map { $0.isHexDigit ? random.pick(hex) : $0 })
        }
        var first = 11 + random.next(below: 213)
        if first == 127 { first = 128 }
        return [first, random.next(below: 256), random.next(below: 256), 1 + random.next(below: 254)].map(String.init).joined(separator: ".")
    }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String { surrogate }
}
