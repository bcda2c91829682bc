import Foundation
import Testing

@testable import VeilCore
@testable import VeilRecognizers

/// One test walks each registry: every shipped plugin against its own examples, every validator
/// and every surrogate generator against theirs.
@Suite struct RegistryTests {
    @Test(arguments: Shipped.catalog.sorted.map(\.id))
    func pluginExamplesHold(id: String) throws {
        let plugin = try #require(Shipped.catalog[id])
        #expect(plugin.manifest.matchExamples.count >= 2, "every plugin shows at least two texts it finds")
        #expect(!plugin.manifest.noMatchExamples.isEmpty, "every plugin shows texts it must leave alone")
        for failure in PluginExamples.check(plugin, in: Shipped.catalog) {
            Issue.record("\(failure)")
        }
    }

    /// Plugins a user opts into: dates and ages are not personal data in most texts, so only the
    /// policies that need them (journalist-source) name them.
    static let optIn: Set<String> = ["date", "age"]

    @Test func defaultPolicyRunsEveryShippedPluginButTheOptInOnes() {
        #expect(Set(Shipped.defaultPolicy.plugins) == Set(Shipped.catalog.plugins.keys).subtracting(Self.optIn))
        #expect(Self.optIn.isSubset(of: Set(Shipped.catalog.plugins.keys)))
    }

    @Test(arguments: PluginCode.builtin.validators.keys.sorted())
    func validatorExamplesHold(id: String) throws {
        let validator = try #require(PluginCode.builtin.validators[id])
        #expect(!validator.examples.valid.isEmpty && !validator.examples.invalid.isEmpty)
        for value in validator.examples.valid {
            #expect(validator.validate(value) != nil, "\(id) should accept \(value)")
        }
        for value in validator.examples.invalid {
            #expect(validator.validate(value) == nil, "\(id) should reject \(value)")
        }
        // Patterns call the byte form: it must give the same answer as the string form.
        for value in validator.examples.valid + validator.examples.invalid {
            #expect(validator.validate(utf8: ArraySlice(value.utf8)) == validator.validate(value), "\(id) on bytes: \(value)")
        }
    }

    @Test func residentIDsKnowTodayInChina() {
        let before = CNResidentIDValidator.todayInBeijing()
        let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
        let after = CNResidentIDValidator.todayInBeijing()
        let expected = today.year! * 10000 + today.month! * 100 + today.day!
        // Read a moment apart: midnight may fall between two of the readings.
        #expect(expected == before || expected == after)
    }

    @Test(arguments: PluginCode.builtin.surrogates.keys.sorted())
    func surrogatesKeepShapeAndValidity(id: String) throws {
        let generator = try #require(PluginCode.builtin.surrogates[id])
        let key = Shipped.key.derived(for: "pseudonym:TEST")
        let otherKey = PseudonymKey(secret: Array("another key, also long enough".utf8)).derived(for: "pseudonym:TEST")
        #expect(!generator.examples.isEmpty)
        for original in generator.examples {
            var random = SurrogateRandom(key: key, value: original)
            let surrogate = generator.surrogate(for: original, keeping: [], random: &random)
            var again = SurrogateRandom(key: key, value: original)
            #expect(generator.surrogate(for: original, keeping: [], random: &again) == surrogate, "same key, same value: same surrogate")
            var other = SurrogateRandom(key: otherKey, value: original)
            #expect(generator.surrogate(for: original, keeping: [], random: &other) != surrogate, "another key gives another surrogate")
            #expect(surrogate != original)
            if !["email", "url", "ip", "address"].contains(id) {
                #expect(surrogate.count == original.count, "\(id): \(original.count) characters in, \(surrogate.count) out")
            }
            if let validatorID = generator.validatorID {
                let validator = try #require(PluginCode.builtin.validators[validatorID])
                #expect(validator.validate(surrogate) != nil, "\(id) made a surrogate that fails \(validatorID)")
            }
        }
    }

    /// A number cut short (a context word keeps a match its validator rejects: `#phone : +43 7 ..`
    /// in a tweet) still gets another number: a generator that keeps a prefix (a country code, an
    /// issuer) keeps less of a short one, rather than hand the number back, which fails the whole
    /// document closed.
    @Test(arguments: PluginCode.builtin.surrogates.keys.sorted())
    func aNumberCutShortStillGetsAnotherNumber(id: String) throws {
        let generator = try #require(PluginCode.builtin.surrogates[id])
        let key = Shipped.key.derived(for: "pseudonym:TEST")
        for example in generator.examples where example.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+") }) {
            let digits = example.filter(\.isNumber).count
            for cut in 2..<digits {
                let short = String(example.prefix(example.count - digits + cut))
                let differs = (0..<8).contains { attempt in
                    var random = SurrogateRandom(key: key, value: short, attempt: attempt)
                    return generator.surrogate(for: short, keeping: [], random: &random) != short
                }
                #expect(differs, "\(id) gives \(short) back")
            }
        }
    }
}
