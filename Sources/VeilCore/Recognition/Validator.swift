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

/// A value that passed: its canonical form (what linked mentions share).
package struct Validation: Sendable, Hashable {
    package var canonical: String
    package init(canonical: String) {
        self.canonical = canonical
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
