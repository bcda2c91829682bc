/// The one file a user edits: which plugins run, what happens to each entity type, what is never
/// touched (allow) and what is always found (deny), and where the pseudonym key comes from.
package struct Policy: Sendable {
    /// A place in the policy file, for diagnostics that come up after reading (an unknown plugin id).
    package struct Location: Sendable, Hashable {
        package var file: String
        package var line: Int?
        package var column: Int?
    }

    package var name: String
    /// The file the policy was read from (the child, when it extends another).
    package var path: String
    /// The enabled plugin ids, in the order written.
    package var plugins: [String]
    package var pluginLocations: [String: Location]
    /// Findings scoring below this are dropped (0…1).
    package var threshold: Double
    package var rules: [EntityType: EntityRule]
    /// The rule for entity types without their own.
    package var defaultRule: EntityRule
    /// Texts never treated as personal data (compared case-insensitively), such as 中国 or Reuters.
    package var allow: [String]
    /// Texts always found as the given entity, with score 1.
    package var deny: [EntityType: [String]]
    /// Where the pseudonym key comes from; nil means a random key for this run.
    package var key: KeySpec?
    package var keyLocation: Location?
    /// The mapping vault (`pseudonyms.vault`, relative to the policy file), if any.
    package var vaultPath: String?
    /// What to do with each field of a dataset's records (CSV columns, JSON values).
    package var fields = FieldRules()
    /// Where each entity named under `entities:` and `deny:` is written.
    package var entityLocations: [EntityType: Location] = [:]
    /// Where each facet an entity rule keeps (`keep: [province]`) is first written: the engine
    /// checks them against the facets its plugins' generators can keep.
    package var facetLocations: [String: Location] = [:]
    /// Problems found while reading the policy, when the reader was asked to leave them to the
    /// engine (``PolicyReader/read(path:environment:deferringProblems:)``), so every problem of a
    /// policy — its own and those only its plugins reveal — is reported in one pass.
    package var problems: [Diagnostic] = []

    package init(
        name: String, path: String, plugins: [String], threshold: Double = 0.5, rules: [EntityType: EntityRule] = [:],
        defaultRule: EntityRule = EntityRule(action: .replace(template: "[{entity}]")), allow: [String] = [],
        deny: [EntityType: [String]] = [:], key: KeySpec? = nil
    ) {
        self.name = name
        self.path = path
        self.plugins = plugins
        self.pluginLocations = [:]
        self.threshold = threshold
        self.rules = rules
        self.defaultRule = defaultRule
        self.allow = allow
        self.deny = deny
        self.key = key
    }

    /// The rule that applies to `entity`.
    package func rule(for entity: EntityType) -> EntityRule { rules[entity] ?? defaultRule }

    /// The threshold that applies to `entity`.
    package func threshold(for entity: EntityType) -> Double { rules[entity]?.threshold ?? threshold }
}
