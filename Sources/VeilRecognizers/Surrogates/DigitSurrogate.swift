import VeilCore

/// Helpers shared by the number surrogates.
enum DigitSurrogate {
    /// `prefix` followed by random digits up to `length` in all.
    static func fill(_ prefix: String, to length: Int, random: inout SurrogateRandom, firstNonZero: Bool = false) -> String {
        var result = prefix
        while result.utf8.count < length {
            let digit = result.isEmpty && firstNonZero ? 1 + random.next(below: 9) : random.digit()
            result.append(Character(String(digit)))
        }
        return result
    }

    static func string(_ digits: [Int]) -> String { digits.map(String.init).joined() }
}
