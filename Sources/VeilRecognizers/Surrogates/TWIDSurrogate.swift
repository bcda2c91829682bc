package import VeilCore

/// Taiwan ID numbers: a new region letter, the same sex digit, new digits, a correct check digit.
package struct TWIDSurrogate: SurrogateGenerator {
    package let id = "tw-id"
    package let examples = ["A123456789", "F131104093"]
    package let validatorID: String? = "tw-id"
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let original = Array(canonical.utf8)
        var chars: [UInt8] = [UInt8(ascii: "A") + UInt8(random.next(below: 26)), original.count > 1 ? original[1] : UInt8(ascii: "1")]
        chars += (0..<7).map { _ in UInt8(ascii: "0") + UInt8(random.digit()) }
        chars.append(UInt8(ascii: "0"))
        // The check digit has weight 1: choose it so the weighted sum is a multiple of 10.
        let remainder = TWIDValidator.weightedSum(chars) % 10
        chars[9] = UInt8(ascii: "0") + UInt8((10 - remainder) % 10)
        return String(decoding: chars, as: UTF8.self)
    }
}
