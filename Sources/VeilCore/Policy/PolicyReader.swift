import Foundation
import Yams

/// Reads policy files, following `extends`, and reports every problem as `file:line:col: error: …`.
package enum PolicyReader {
    static let topLevelKeys: Set<String> = ["version", "name", "extends", "plugins", "threshold", "entities", "allow", "deny", "pseudonyms", "fields", "other_fields"]
    static let ruleKeys: Set<String> = ["action", "threshold", "with", "char", "keep_first", "keep_last", "length", "keep", "to"]

    /// Reads the policy at `path`. `extends: NAME` names a built-in policy in `Policies/`;
    /// `extends: FILE.yaml` a file relative to this one.
    package static func read(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> Policy {
        try read(path: path, environment: environment, visiting: [])
    }

    /// Reads the policy at `path`, leaving the problems found in it in ``Policy/problems`` when
    /// `deferringProblems` (the engine reports them with its own, in one pass); throws only when
    /// the file is not a policy at all (not YAML, not a mapping).
    package static func read(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        deferringProblems: Bool
    ) throws(ConfigurationError) -> Policy {
        try read(YAMLDocument(contentsOf: path), path: path, environment: environment, visiting: [], deferringProblems: deferringProblems)
    }

    /// Reads a policy from `text` (YAML, as in a policy file). `path` names it in errors, and a
    /// relative `extends: FILE.yaml` is taken from its folder (default: the current directory).
    package static func read(text: String, path: String = "<policy text>", environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError)
        -> Policy
    {
        try read(YAMLDocument(path: path, text: text), path: path, environment: environment, visiting: [])
    }

    /// The built-in policy called `name` (`default`, …).
    package static func builtin(_ name: String = "default", environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> Policy {
        let path = try BuiltinResources.policiesDirectory(environment: environment).appendingPathComponent("\(name).yaml").path
        return try read(path: path, environment: environment)
    }

    private static func read(path: String, environment: [String: String], visiting: [String]) throws(ConfigurationError) -> Policy {
        try read(YAMLDocument(contentsOf: path), path: path, environment: environment, visiting: visiting)
    }

    private static func read(
        _ yaml: YAMLDocument, path: String, environment: [String: String], visiting: [String],
        deferringProblems: Bool = false
    ) throws(ConfigurationError) -> Policy {
        guard let pairs = yaml.mapping(yaml.root, what: "a policy", allowed: topLevelKeys) else { throw ConfigurationError(yaml.diagnostics) }
        var fields: [String: (keyNode: Node, value: Node)] = [:]
        for pair in pairs { fields[pair.key] = (pair.keyNode, pair.value) }

        if let node = fields["version"]?.value, let version = yaml.int(node, what: "'version'"), version != 1 {
            yaml.error("this Veil reads policy version 1, not \(version)", at: node)
        } else if fields["version"] == nil {
            yaml.error("missing 'version: 1'", at: yaml.root)
        }

        // Start from the parent, if any.
        var policy = Policy(name: (path as NSString).lastPathComponent, path: path, plugins: [])
        var hasParent = false
        if let node = fields["extends"]?.value, let parentName = yaml.string(node, what: "'extends'") {
            let parentPath = resolveParent(parentName, from: path, environment: environment)
            let standardized = URL(fileURLWithPath: parentPath).standardizedFileURL.path
            if visiting.contains(standardized) || standardized == URL(fileURLWithPath: path).standardizedFileURL.path {
                yaml.error("'extends' makes a cycle: \((visiting + [path, parentPath]).joined(separator: " -> "))", at: node)
            } else if let parentPath = Optional(parentPath), FileManager.default.fileExists(atPath: parentPath) {
                do {
                    policy = try read(path: parentPath, environment: environment, visiting: visiting + [URL(fileURLWithPath: path).standardizedFileURL.path])
                    hasParent = true
                } catch {
                    for diagnostic in error.diagnostics { yaml.error("in the policy it extends: \(diagnostic)", at: node) }
                }
            } else {
                yaml.error("'extends' names '\(parentName)', which is neither a built-in policy nor a file next to this one", at: node)
            }
        }
        policy.path = path
        if let node = fields["name"]?.value, let name = yaml.string(node, what: "'name'") { policy.name = name }
        if let node = fields["plugins"]?.value, let ids = yaml.strings(node, what: "'plugins'") {
            policy.plugins = []
            policy.pluginLocations = [:]
            for (id, node) in ids {
                if policy.plugins.contains(id) { yaml.error("plugin '\(id)' is listed twice", at: node); continue }
                policy.plugins.append(id)
                policy.pluginLocations[id] = Policy.Location(file: path, line: node.mark?.line, column: node.mark?.column)
            }
        } else if fields["plugins"] == nil && !hasParent {
            yaml.error("missing 'plugins' (the plugin ids this policy runs)", at: yaml.root)
        }
        if let node = fields["threshold"]?.value, let threshold = yaml.double(node, what: "'threshold'", in: 0...1) { policy.threshold = threshold }
        if let node = fields["entities"]?.value, let entries = yaml.mapping(node, what: "'entities'") {
            for (key, keyNode, value) in entries {
                guard let rule = readRule(yaml, value, facets: &policy.facetLocations) else { continue }
                if key == "default" { policy.defaultRule = rule; continue }
                let entity = EntityType(key)
                guard entity.isWellFormed else { yaml.error("entity '\(key)' must be UPPER_SNAKE_CASE (or 'default')", at: keyNode); continue }
                policy.rules[entity] = rule
                policy.entityLocations[entity] = Policy.Location(file: path, line: keyNode.mark?.line, column: keyNode.mark?.column)
            }
        }
        if let node = fields["allow"]?.value, let words = yaml.strings(node, what: "'allow'") {
            policy.allow += words.map(\.value).filter { !policy.allow.contains($0) }
        }
        if let node = fields["deny"]?.value, let entries = yaml.mapping(node, what: "'deny'") {
            for (key, keyNode, value) in entries {
                let entity = EntityType(key)
                guard entity.isWellFormed else { yaml.error("entity '\(key)' must be UPPER_SNAKE_CASE", at: keyNode); continue }
                policy.entityLocations[entity] = policy.entityLocations[entity] ?? Policy.Location(file: path, line: keyNode.mark?.line, column: keyNode.mark?.column)
                if let words = yaml.strings(value, what: "'deny: \(key)'") { policy.deny[entity, default: []] += words.map(\.value).filter { !$0.isEmpty } }
            }
        }
        if let node = fields["pseudonyms"]?.value, let entries = yaml.mapping(node, what: "'pseudonyms'", allowed: ["key", "vault"]) {
            for (name, _, value) in entries {
                guard let text = yaml.string(value, what: "'\(name)'") else { continue }
                if name == "vault" {
                    policy.vaultPath = text.hasPrefix("/") ? text : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(text)
                } else if let spec = KeySpec(text) {
                    policy.key = spec
                    policy.keyLocation = Policy.Location(file: path, line: value.mark?.line, column: value.mark?.column)
                } else {
                    yaml.error("'key' must be env:NAME or file:PATH (the key itself never goes in a policy)", at: value)
                }
            }
        }
        if let node = fields["fields"]?.value, let entries = yaml.mapping(node, what: "'fields'") {
            var rules: [FieldRuleEntry] = []
            for (key, keyNode, value) in entries {
                let path: FieldPath
                do { path = try FieldPath(key) } catch {
                    yaml.error("field path '\(key)': \(error.message) (at character \(error.offset + 1))", at: keyNode)
                    continue
                }
                guard let rule = readFieldRule(yaml, value) else { continue }
                rules.append(FieldRuleEntry(path: path, rule: rule, location: Policy.Location(file: policy.path, line: keyNode.mark?.line, column: keyNode.mark?.column)))
            }
            // This file's rules come before (and so win over) the ones it extends.
            policy.fields.entries = rules + policy.fields.entries.filter { old in !rules.contains { $0.path == old.path } }
        }
        if let node = fields["other_fields"]?.value, let rule = readFieldRule(yaml, node) {
            if case .entity = rule {
                yaml.error("'other_fields' cannot make every field one entity; use scan, keep, drop or hash", at: node)
            } else {
                policy.fields.otherFields = rule
            }
        }
        if deferringProblems {
            policy.problems = yaml.diagnostics
        } else {
            try yaml.finish()
        }
        return policy
    }

    /// `scan`, `keep`, `drop`, `hash`, `{scan: true}`, `{entity: PERSON}`, `{hash: LENGTH}`.
    private static func readFieldRule(_ yaml: YAMLDocument, _ node: Node) -> FieldRule? {
        let expected = "expected scan, keep, drop, hash, {entity: NAME} or {hash: LENGTH}"
        if case .scalar = node, let name = yaml.string(node, what: "a field rule") {
            switch name {
            case "scan": return .scan
            case "keep": return .keep
            case "drop": return .drop
            case "hash": return .hash(length: 16)
            default: yaml.error("unknown field rule '\(name)'; \(expected)", at: node); return nil
            }
        }
        guard let pairs = yaml.mapping(node, what: "a field rule", allowed: ["scan", "entity", "hash", "keep", "drop"]) else { return nil }
        guard pairs.count == 1, let (key, _, value) = pairs.first else {
            yaml.error("a field rule has exactly one of: scan, entity, hash, keep, drop", at: node); return nil
        }
        switch key {
        case "entity":
            guard let name = yaml.string(value, what: "'entity'") else { return nil }
            let entity = EntityType(name)
            guard entity.isWellFormed else { yaml.error("entity '\(name)' must be UPPER_SNAKE_CASE", at: value); return nil }
            return .entity(entity)
        case "hash":
            return yaml.int(value, what: "'hash' (its length in hex digits)", in: 4...64).map { .hash(length: $0) }
        default:
            guard case .scalar(let scalar) = value, ["true", "yes"].contains(scalar.string) else {
                yaml.error("write '\(key)' or '{\(key): true}'", at: value)
                return nil
            }
            return key == "scan" ? .scan : key == "keep" ? .keep : .drop
        }
    }

    private static func readRule(_ yaml: YAMLDocument, _ node: Node, facets: inout [String: Policy.Location]) -> EntityRule? {
        // A bare action name is short for {action: NAME}.
        if case .scalar = node, let name = yaml.string(node, what: "an entity rule") {
            return action(yaml, name: name, fields: [:], at: node, facets: &facets).map { EntityRule(action: $0) }
        }
        guard let pairs = yaml.mapping(node, what: "an entity rule", allowed: ruleKeys) else { return nil }
        var fields: [String: Node] = [:]
        for pair in pairs { fields[pair.key] = pair.value }
        guard let actionNode = fields["action"] else {
            yaml.error("an entity rule needs 'action' (one of: \(Action.names.joined(separator: ", ")))", at: node); return nil
        }
        guard let name = yaml.string(actionNode, what: "'action'"), let action = action(yaml, name: name, fields: fields, at: actionNode, facets: &facets) else {
            return nil
        }
        var rule = EntityRule(action: action)
        if let node = fields["threshold"] { rule.threshold = yaml.double(node, what: "'threshold'", in: 0...1) }
        return rule
    }

    /// The action called `name`; the facets a `pseudonymize` keeps are recorded in `facets` with
    /// where each is written, for the engine to check against its plugins' generators.
    private static func action(_ yaml: YAMLDocument, name: String, fields: [String: Node], at node: Node, facets written: inout [String: Policy.Location]) -> Action? {
        let allowedOptions: [String: Set<String>] = [
            "keep": [], "redact": [], "replace": ["with"], "mask": ["char", "keep_first", "keep_last"],
            "hash": ["length"], "pseudonymize": ["keep"], "generalize": ["to"]
        ]
        guard let allowed = allowedOptions[name] else {
            yaml.error("unknown action '\(name)'; expected one of: \(Action.names.joined(separator: ", "))", at: node)
            return nil
        }
        for (key, value) in fields where key != "action" && key != "threshold" && !allowed.contains(key) {
            yaml.error("'\(key)' does not apply to action '\(name)'", at: value)
        }
        switch name {
        case "keep": return .keep
        case "redact": return .redact
        case "replace": return .replace(template: fields["with"].flatMap { yaml.string($0, what: "'with'") } ?? "[{entity}]")
        case "mask":
            var character: Character = "*"
            if let node = fields["char"], let text = yaml.string(node, what: "'char'") {
                if text.count == 1 { character = text.first! } else { yaml.error("'char' must be a single character", at: node) }
            }
            let first = fields["keep_first"].flatMap { yaml.int($0, what: "'keep_first'", in: 0...64) } ?? 0
            let last = fields["keep_last"].flatMap { yaml.int($0, what: "'keep_last'", in: 0...64) } ?? 0
            return .mask(character: character, keepFirst: first, keepLast: last)
        case "hash": return .hash(length: fields["length"].flatMap { yaml.int($0, what: "'length'", in: 4...64) } ?? 16)
        case "generalize":
            let levels = (PlaceLevel.allCases.map(\.rawValue) + Action.DatePrecision.allCases.map(\.rawValue)).joined(separator: ", ")
            guard let node = fields["to"], let name = yaml.string(node, what: "'to'") else {
                yaml.error("'generalize' needs 'to' (one of: \(levels))", at: node)
                return nil
            }
            if let precision = Action.DatePrecision(rawValue: name) { return .generalizeDate(to: precision) }
            guard let level = PlaceLevel(rawValue: name) else {
                yaml.error("unknown level '\(name)'; expected one of: \(levels)", at: node)
                return nil
            }
            return .generalize(to: level)
        default:
            var facets = Set<String>()
            if let node = fields["keep"], let names = yaml.strings(node, what: "'keep'") {
                for (facet, node) in names {
                    facets.insert(facet)
                    if written[facet] == nil { written[facet] = Policy.Location(file: yaml.path, line: node.mark?.line, column: node.mark?.column) }
                }
            }
            return .pseudonymize(keep: facets)
        }
    }

    private static func resolveParent(_ name: String, from path: String, environment: [String: String]) -> String {
        if name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            if name.hasPrefix("/") { return name }
            return ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        }
        let builtin = (try? BuiltinResources.policiesDirectory(environment: environment).appendingPathComponent("\(name).yaml").path) ?? name
        return builtin
    }
}
