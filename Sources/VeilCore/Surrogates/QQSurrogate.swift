/// QQ numbers: the same number of digits, no leading zero.
public struct QQSurrogate: SurrogateGenerator {
    public let id = "qq"
    public let examples = ["12345678", "987654321", "10001"]
    public init() {}

    public func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        DigitSurrogate.fill("", to: canonical.utf8.count, random: &random, firstNonZero: true)
    }
}
