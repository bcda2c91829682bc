internal import PCRE2

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

    /// Whether `digits` (ASCII) are a valid national significant number in any plan whose trunk
    /// prefix they begin with (the prefix removed), or in any plan dialled without one — North
    /// America's included, whose 1 is mostly left out. Nil-free: a pattern that cannot be read
    /// rejects.
    static func isNationalNumber(_ digits: String) -> Bool {
        let bytes = Array(digits.utf8)
        for (prefix, matcher) in nationalMatchers.withTrunk where digits.hasPrefix(prefix) {
            if matcher.matchesWhole(bytes.dropFirst(prefix.utf8.count)) { return true }
        }
        return nationalMatchers.withoutTrunk.matchesWhole(bytes[...])
    }

    /// Whether `digits` are a valid national significant number for calling code `code`.
    func isSignificantNumber(_ digits: String) -> Bool {
        lengths.contains(digits.utf8.count) && NumberingPlan.codeMatchers[code]?.matchesWhole(Array(digits.utf8)[...]) == true
    }

    /// One anchored pattern per calling code, compiled when first needed.
    private static let codeMatchers: [Int: WholeMatcher] = Dictionary(uniqueKeysWithValues: all.compactMap { plan in
        WholeMatcher(plan.pattern).map { (plan.code, $0) }
    })

    /// The united patterns of the plans with each trunk prefix, and of those without one.
    private static let nationalMatchers: (withTrunk: [(String, WholeMatcher)], withoutTrunk: WholeMatcher) = {
        var byPrefix: [String: [String]] = [:]
        var without: [String] = []
        for plan in all {
            for prefix in plan.trunkPrefixes { byPrefix[prefix, default: []].append(plan.pattern) }
            if plan.trunkPrefixes.isEmpty || plan.code == 1 { without.append(plan.pattern) }
        }
        let withTrunk = byPrefix.keys.sorted().compactMap { prefix in
            WholeMatcher(byPrefix[prefix]!.map { "(?:\($0))" }.joined(separator: "|")).map { (prefix, $0) }
        }
        return (withTrunk, WholeMatcher(without.map { "(?:\($0))" }.joined(separator: "|")) ?? WholeMatcher.never)
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
        return Array(digits).withUnsafeBufferPointer { buffer in
            ((try? pattern.matchRanges(in: buffer)) ?? []).isEmpty == false
        }
    }
}
