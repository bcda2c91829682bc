/// Checks a pattern match beyond what a regular expression can say: a checksum, a number plan, a
/// real date. Named in a manifest by `validate: <id>`.
///
/// Every implementation must be pure and fast, accept the matched text as the plugin's normalized
/// view gives it (ASCII digits, possibly with separators), and return nil to reject. Its examples
/// are checked by the test suite, like a plugin's.
package protocol Validator: Sendable {
    /// The id manifests use (kebab-case).
    var id: String { get }
    var summary: String { get }
    /// Values that must validate, and values that must not.
    var examples: ValidatorExamples { get }
    /// The canonical value of `candidate`, or nil if it is not valid.
    func validate(_ candidate: String) -> Validation?
    /// The same check over the matched UTF-8 bytes, as patterns call it. The default builds a
    /// String; validators that run on most matches read the bytes directly.
    func validate(utf8 candidate: ArraySlice<UInt8>) -> Validation?
    /// Builds what the validator keeps (tables, compiled patterns) now, when a plugin that uses it
    /// is loaded, rather than on the first match. The default has nothing to build.
    func prepare()
}

extension Validator {
    package func prepare() {}

    package func validate(utf8 candidate: ArraySlice<UInt8>) -> Validation? {
        validate(String(decoding: candidate, as: UTF8.self))
    }
}

/// A value that passed: its canonical form (what linked mentions share) and facts about it.
package struct Validation: Sendable, Hashable {
    package var canonical: String
    package var attributes: [String: String]
    package init(canonical: String, attributes: [String: String] = [:]) {
        self.canonical = canonical
        self.attributes = attributes
    }
}

/// A validator's own positive and negative examples.
package struct ValidatorExamples: Sendable, Hashable {
    package var valid: [String]
    package var invalid: [String]
    package init(valid: [String], invalid: [String]) {
        self.valid = valid
        self.invalid = invalid
    }
}

/// The validators compiled into Veil, by id.
package enum Validators {
    package static let all: [any Validator] = [
        CNMobileValidator(),
        CNLandlineValidator(),
        CNServiceNumberValidator(),
        CNResidentIDValidator(),
        CNPassportValidator(),
        HKIDValidator(),
        TWIDValidator(),
        BankCardValidator(),
        IBANValidator(),
        USSSNValidator(),
        UKNINOValidator(),
        UKNHSValidator(),
        USITINValidator(),
        ABARoutingValidator(),
        DEAValidator(),
        BitcoinAddressValidator(),
        LuhnValidator(),
        SpokenDigitsValidator(),
        IPv4Validator(),
        IPv6Validator(),
        E164Validator(),
        PhoneDigitsValidator(),
        PhoneNationalValidator(),
        ObfuscatedEmailValidator()
    ]

    package static let byID: [String: any Validator] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

extension Collection<UInt8> {
    /// The ASCII digits among the bytes, as bytes.
    var asciiDigits: [UInt8] { filter { $0 >= 0x30 && $0 <= 0x39 } }

    /// Whether the bytes begin with the ASCII text `prefix`.
    func begins(with prefix: StaticString) -> Bool {
        guard count >= prefix.utf8CodeUnitCount else { return false }
        return prefix.withUTF8Buffer { zip(self, $0).allSatisfy { $0 == $1 } }
    }
}

extension String {
    /// The ASCII digits of the string, as numbers 0…9.
    var digitValues: [Int] {
        utf8.compactMap { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }
    }

    /// The ASCII digits of the string, as a string.
    var digitsOnly: String {
        String(decoding: utf8.asciiDigits, as: UTF8.self)
    }
}
