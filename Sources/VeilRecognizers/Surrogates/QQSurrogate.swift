package import VeilCore

/// QQ numbers: the same number of digits, no leading zero.
package struct QQSurrogate: SurrogateGenerator {
    package let id = "qq"
    package let examples = ["12345678", "987654321", "10001"]
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        DigitSurrogate.fill("", to: canonical.utf8.count, random: &random, firstNonZero: true)
    }
}
