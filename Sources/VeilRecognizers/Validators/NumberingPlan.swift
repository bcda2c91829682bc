internal import PCRE2
import VeilCore

/// One calling code's numbering plan, as libphonenumber's metadata describes it: the national
/// (trunk) prefixes dialled before a national number at home, the lengths of a national
/// significant number and the pattern a valid one matches. The table is generated
/// (NumberingPlans+Data.swift, by scripts/build_numbering_plans.py).
struct NumberingPlan: Sendable {
    let code: Int
    let trunkPrefixes: [String]
    let lengths: Set<Int>
    let pattern: String

    /// The plans by calling code.
    static let byCode: [Int: NumberingPlan] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// Whether `digits` (ASCII digit bytes) are a valid national significant number in any plan
    /// whose trunk prefix they begin with (the prefix removed), or in any plan dialled without one
    /// — North America's, Brazil's and Mexico's included, whose prefix is mostly left out. Lengths are checked before patterns.
    static func isNationalNumber(_ digits: [UInt8]) -> Bool {
        for group in nationalGroups.withTrunk where digits.starts(with: group.prefix) {
            if group.lengths.contains(digits.count - group.prefix.count), group.matcher.matchesWhole(digits[group.prefix.count...]) { return true }
        }
        let group = nationalGroups.withoutTrunk
        return group.lengths.contains(digits.count) && group.matcher.matchesWhole(digits[...])
    }

    /// Whether `digits` (ASCII digit bytes, no trunk prefix) are a valid national significant number
    /// in this plan: a length it allows and its pattern.
    func isValidNational(_ digits: ArraySlice<UInt8>) -> Bool {
        lengths.contains(digits.count) && (Self.planMatchers[code]?.matchesWhole(digits) ?? false)
    }

    /// Compiles the plans' patterns now (they are otherwise compiled on the first number checked).
    static func prepare() { _ = nationalGroups }

    /// Each plan's own pattern, compiled.
    private static let planMatchers: [Int: WholeMatcher] = Dictionary(
        uniqueKeysWithValues: all.compactMap { plan in
            WholeMatcher(plan.pattern).map { (plan.code, $0) }
        })

    /// The plans sharing a trunk prefix (or having none): their lengths and united patterns.
    private struct NationalGroup: Sendable {
        let prefix: [UInt8]
        let lengths: Set<Int>
        let matcher: WholeMatcher
    }

    /// Plans with a trunk prefix whose numbers are mostly written without it: North America's 1,
    /// Brazil's and Mexico's area codes ((11) 98765-4321, 55 1234 5678).
    private static let writtenWithoutTrunk: Set<Int> = [1, 52, 55]

    /// The groups of plans by trunk prefix, and the plans without one.
    private static let nationalGroups: (withTrunk: [NationalGroup], withoutTrunk: NationalGroup) = {
        var byPrefix: [String: [NumberingPlan]] = [:]
        var without: [NumberingPlan] = []
        for plan in all {
            for prefix in plan.trunkPrefixes { byPrefix[prefix, default: []].append(plan) }
            if plan.trunkPrefixes.isEmpty || writtenWithoutTrunk.contains(plan.code) { without.append(plan) }
        }
        func group(_ prefix: String, _ plans: [NumberingPlan]) -> NationalGroup {
            NationalGroup(
                prefix: Array(prefix.utf8), lengths: plans.reduce(into: Set<Int>()) { $0.formUnion($1.lengths) },
                matcher: WholeMatcher(plans.map { "(?:\($0.pattern))" }.joined(separator: "|")) ?? .never)
        }
        return (byPrefix.keys.sorted().map { group($0, byPrefix[$0]!) }, group("", without))
    }()
}

/// A compiled pattern that must match a whole string of ASCII digits.
private struct WholeMatcher: Sendable {
    private let pattern: Pattern?

    init?(_ source: String) {
        guard let compiled = try? Pattern("^(?:\(source))$", options: []) else { return nil }
        pattern = compiled
    }

    private init() { pattern = nil }

    static let never = WholeMatcher()

    func matchesWhole(_ digits: ArraySlice<UInt8>) -> Bool {
        guard let pattern else { return false }
        return digits.withUnsafeBufferPointer { pattern.matches($0) }
    }
}
