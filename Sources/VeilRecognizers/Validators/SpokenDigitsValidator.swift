package import VeilCore

/// A number said word by word in English, as transcripts write it: "five five five, one two three,
/// four five six seven", "plus eight six, one three nine …", with "oh" for zero. Seven to fifteen
/// digits. Canonical: the digits, with + when "plus" leads.
package struct SpokenDigitsValidator: Validator {
    package let id = "spoken-digits"
    package let summary = "a number said digit by digit in English words (seven to fifteen digits); canonical form is the digits"
    package let examples = ValidatorExamples(
        valid: ["five five five, one two three, four five six seven", "plus eight six, one three nine oh oh one one two two three three"],
        invalid: ["one two three", "five apples and six pears", "nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine nine"])

    static let words: [String: Character] = [
        "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
        "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"
    ]

    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        var digits = ""
        var plus = false
        for word in candidate.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }) {
            if word == "plus" && digits.isEmpty { plus = true; continue }
            guard let digit = Self.words[String(word)] else { return nil }
            digits.append(digit)
        }
        guard (7...15).contains(digits.count) else { return nil }
        return Validation(canonical: (plus ? "+" : "") + digits)
    }
}
