package import VeilCore

/// Hong Kong ID numbers: the same number of letters, new letters and digits, a correct check character.
package struct HKIDSurrogate: SurrogateGenerator {
    package let id = "hk-id"
    package let examples = ["A1234563", "C6686689"]
    package let validatorID: String? = "hk-id"
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let letters = canonical.utf8.count - 7
        var body: [UInt8] = (0..<max(letters, 1)).map { _ in UInt8(ascii: "A") + UInt8(random.next(below: 26)) }
        body += (0..<6).map { _ in UInt8(ascii: "0") + UInt8(random.digit()) }
        let check = HKIDValidator.checkCharacter(for: body) ?? UInt8(ascii: "0")
        return String(decoding: body + [check], as: UTF8.self)
    }
}
