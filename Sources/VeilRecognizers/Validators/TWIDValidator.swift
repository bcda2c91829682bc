package import VeilCore

/// A Taiwan national identification number: a region letter, 1 or 2 (sex), seven digits and a check
/// digit; the letter stands for a two-digit number and the weighted sum must be divisible by 10.
package struct TWIDValidator: Validator {
    package let id = "tw-id"
    package let summary = "Taiwan ID: letter + 9 digits with its weighted mod-10 check"
    package let examples = ValidatorExamples(valid: ["A123456789", "F131104093"], invalid: ["A123456788", "A323456789", "1123456789"])
    package init() {}

    /// The two-digit number of each region letter A…Z.
    static let letterValues: [Int] = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33]

    package func validate(_ candidate: String) -> Validation? {
        let chars = Array(candidate.uppercased().utf8)
        guard chars.count == 10, chars[0] >= 0x41, chars[0] <= 0x5A, chars[1] == 0x31 || chars[1] == 0x32,
            chars.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        guard TWIDValidator.checksumIsValid(chars) else { return nil }
        return Validation(canonical: String(decoding: chars, as: UTF8.self))
    }

    static func checksumIsValid(_ chars: [UInt8]) -> Bool {
        weightedSum(chars) % 10 == 0
    }

    /// The weighted sum over the letter and all nine digits.
    static func weightedSum(_ chars: [UInt8]) -> Int {
        let letter = letterValues[Int(chars[0] - 0x41)]
        var sum = letter / 10 + (letter % 10) * 9
        let weights = [8, 7, 6, 5, 4, 3, 2, 1, 1]
        for (index, weight) in weights.enumerated() { sum += Int(chars[index + 1] - 0x30) * weight }
        return sum
    }
}
