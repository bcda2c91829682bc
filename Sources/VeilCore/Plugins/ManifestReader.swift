import Foundation
internal import PCRE2
import Yams

/// Reads `plugin.yaml` into a ``PluginManifest``, reporting every problem with its line and column.
enum ManifestReader {
    static let topLevelKeys: Set<String> = [
        "id", "version", "summary", "entities", "patterns", "lexicons", "recognizer", "options",
        "data", "context", "negative", "normalize", "surrogate", "priority", "examples", "process"
    ]
    static let patternKeys: Set<String> = [
        "name", "regex", "score", "entity", "validate", "group", "needs_context", "caseless", "canonical", "backoff", "digits", "anchor", "unvalidated"
    ]

    /// The manifest in `directory`; the validators and generators it names must be among `code`'s.
    static func read(directory: String, code: PluginCode) throws(ConfigurationError) -> PluginManifest {
        let path = (directory as NSString).appendingPathComponent("plugin.yaml")
        let yaml = try YAMLDocument(contentsOf: path)
        let manifest = read(yaml, directory: directory, code: code)
        try yaml.finish()
        guard let manifest else { throw ConfigurationError(Diagnostic(file: path, message: "not a plugin manifest")) }
        return manifest
    }

    private static func read(_ yaml: YAMLDocument, directory: String, code: PluginCode) -> PluginManifest? {
        guard let pairs = yaml.mapping(yaml.root, what: "a plugin manifest", allowed: topLevelKeys) else { return nil }
        var fields: [String: (keyNode: Node, value: Node)] = [:]
        for pair in pairs { fields[pair.key] = (pair.keyNode, pair.value) }

        var manifest = PluginManifest(
            id: "", version: 1, summary: "", entities: [], kind: .patterns, patterns: [], lexicons: [],
            process: nil, recognizerID: nil, options: [:], dataFiles: [], context: nil, negative: nil,
            normalization: [], surrogate: nil, priority: 0, matchExamples: [], noMatchExamples: [],
            directory: directory, path: yaml.path)
        if let node = fields["id"]?.value, let id = yaml.string(node, what: "'id'") {
            if isKebabCase(id) { manifest.id = id } else { yaml.error("plugin id '\(id)' must be kebab-case (a-z, 0-9 and -)", at: node) }
        } else if fields["id"] == nil {
            yaml.error("missing 'id'", at: yaml.root)
        }
        if let node = fields["version"]?.value, let version = yaml.int(node, what: "'version'", in: 1...1_000_000) { manifest.version = version }
        if let node = fields["summary"]?.value, let summary = yaml.string(node, what: "'summary'") { manifest.summary = summary }
        if let node = fields["entities"]?.value, let entities = yaml.strings(node, what: "'entities'") {
            for (name, node) in entities {
                let entity = EntityType(name)
                if entity.isWellFormed { manifest.entities.append(entity) } else { yaml.error("entity '\(name)' must be UPPER_SNAKE_CASE", at: node) }
            }
        } else if fields["entities"] == nil {
            yaml.error("missing 'entities' (the entity types this plugin finds)", at: yaml.root)
        }

        let kinds = ["patterns", "lexicons", "recognizer", "process"].filter { fields[$0] != nil }
        if kinds.count != 1 {
            yaml.error(
                kinds.isEmpty
                    ? "a plugin needs one of 'patterns', 'lexicons', 'recognizer' or 'process'"
                    : "a plugin has one kind, but this one has \(kinds.map { "'\($0)'" }.joined(separator: " and "))", at: yaml.root)
        }
        if let node = fields["process"]?.value {
            manifest.kind = .process
            manifest.process = readProcess(yaml, node, directory: directory)
        }
        let defaultEntity = manifest.entities.first ?? EntityType("UNKNOWN")
        if let node = fields["patterns"]?.value {
            manifest.kind = .patterns
            manifest.patterns = readPatterns(yaml, node, defaultEntity: defaultEntity, declared: Set(manifest.entities), validators: code.validators)
        }
        if let node = fields["lexicons"]?.value {
            manifest.kind = .lexicons
            manifest.lexicons = readLexicons(yaml, node, defaultEntity: defaultEntity, directory: directory)
        }
        if let node = fields["recognizer"]?.value {
            manifest.kind = .recognizer
            manifest.recognizerID = yaml.string(node, what: "'recognizer'")
        }
        if let node = fields["options"]?.value, let pairs = yaml.mapping(node, what: "'options'") {
            for pair in pairs { if let value = yaml.string(pair.value, what: "option '\(pair.key)'") { manifest.options[pair.key] = value } }
        }
        if let node = fields["data"]?.value, let files = yaml.strings(node, what: "'data'") {
            for (file, node) in files where checkInside(yaml, file: file, directory: directory, at: node) { manifest.dataFiles.append(file) }
        }
        if let node = fields["context"]?.value { manifest.context = readContext(yaml, node, what: "'context'", amountKey: "boost", sign: 1) }
        if let node = fields["negative"]?.value { manifest.negative = readContext(yaml, node, what: "'negative'", amountKey: "penalty", sign: -1) }
        if let node = fields["normalize"]?.value, let names = yaml.strings(node, what: "'normalize'") {
            for (name, node) in names {
                if let option = Normalization.names[name] {
                    manifest.normalization.insert(option)
                } else {
                    yaml.error("unknown normalization '\(name)'; expected one of: \(Normalization.names.keys.sorted().joined(separator: ", "))", at: node)
                }
            }
        }
        if let node = fields["surrogate"]?.value, let surrogate = yaml.string(node, what: "'surrogate'") {
            if let problem = code.surrogateProblem(surrogate) { yaml.error(problem, at: node) } else { manifest.surrogate = surrogate }
        }
        if let node = fields["priority"]?.value, let priority = yaml.int(node, what: "'priority'", in: -1000...1000) { manifest.priority = priority }
        if let node = fields["examples"]?.value { readExamples(yaml, node, into: &manifest) }
        return manifest
    }

    private static func readPatterns(
        _ yaml: YAMLDocument, _ node: Node, defaultEntity: EntityType, declared: Set<EntityType>, validators: [String: any Validator]
    ) -> [PluginManifest.PatternSpec] {
        guard let items = yaml.sequence(node, what: "'patterns'") else { return [] }
        var specs: [PluginManifest.PatternSpec] = []
        var names = Set<String>()
        for (index, item) in items.enumerated() {
            guard let pairs = yaml.mapping(item, what: "a pattern", allowed: patternKeys) else { continue }
            var spec = PluginManifest.PatternSpec(
                name: "pattern-\(index + 1)", regex: "", score: 0.5, entity: defaultEntity, validator: nil,
                group: 0, needsContext: false, caseless: false, canonical: .exact, backoff: false)
            var regexNode: Node?
            for (key, _, value) in pairs {
                switch key {
                case "name": if let name = yaml.string(value, what: "'name'") { spec.name = name }
                case "regex": regexNode = value; spec.regex = yaml.string(value, what: "'regex'") ?? ""
                case "score": if let score = yaml.double(value, what: "'score'", in: 0...1) { spec.score = score }
                case "entity":
                    if let name = yaml.string(value, what: "'entity'") {
                        if declared.contains(EntityType(name)) {
                            spec.entity = EntityType(name)
                        } else {
                            yaml.error("entity '\(name)' is not in this plugin's 'entities'", at: value)
                        }
                    }
                case "validate":
                    if let id = yaml.string(value, what: "'validate'") {
                        if validators[id] != nil {
                            spec.validator = id
                        } else {
                            yaml.error("unknown validator '\(id)'; expected one of: \(validators.keys.sorted().joined(separator: ", "))", at: value)
                        }
                    }
                case "group": if let group = yaml.int(value, what: "'group'", in: 0...99) { spec.group = group }
                case "needs_context":
                    if case .scalar(let scalar) = value, scalar.string == "column" {
                        spec.needsContext = true
                        spec.needsColumnContext = true
                    } else if let flag = yaml.bool(value, what: "'needs_context' (true, false or column)") {
                        spec.needsContext = flag
                    }
                case "caseless": if let flag = yaml.bool(value, what: "'caseless'") { spec.caseless = flag }
                case "backoff": if let flag = yaml.bool(value, what: "'backoff'") { spec.backoff = flag }
                case "digits": if let count = yaml.int(value, what: "'digits'", in: 1...64) { spec.minimumDigits = count }
                case "anchor":
                    if let anchor = yaml.string(value, what: "'anchor'") {
                        do {
                            _ = try Pattern(anchor, options: [.utf, .ucp], jit: false)
                            spec.anchor = anchor
                        } catch {
                            yaml.error("the anchor does not compile: \(error.message)" + (error.offset.map { " at byte \($0) of the pattern" } ?? ""), at: value)
                        }
                    }
                case "unvalidated": if let score = yaml.double(value, what: "'unvalidated'", in: 0...1) { spec.unvalidatedScore = score }
                case "canonical":
                    if let name = yaml.string(value, what: "'canonical'") {
                        if let form = CanonicalForm(rawValue: name) {
                            spec.canonical = form
                        } else {
                            yaml.error("unknown canonical form '\(name)'; expected one of: \(CanonicalForm.allCases.map(\.rawValue).joined(separator: ", "))", at: value)
                        }
                    }
                default: break
                }
            }
            guard let regexNode else { yaml.error("a pattern needs 'regex'", at: item); continue }
            if spec.backoff && spec.validator == nil { yaml.error("'backoff' needs 'validate': it retries what the validator rejects", at: item) }
            if spec.anchor != nil && spec.minimumDigits > 0 { yaml.error("a pattern takes 'digits' or 'anchor', not both", at: item) }
            if spec.unvalidatedScore != nil && spec.validator == nil { yaml.error("'unvalidated' needs 'validate': it scores what the validator rejects", at: item) }
            if !names.insert(spec.name).inserted { yaml.error("two patterns are called '\(spec.name)'", at: item) }
            // Compile now (without machine code: a policy may never select the plugin), so a bad
            // pattern is reported where it is written.
            do {
                let pattern = try Pattern(spec.regex, options: spec.caseless ? [.utf, .ucp, .caseless] : [.utf, .ucp], jit: false)
                spec.compiled = PluginManifest.CompiledRegex(pattern: pattern)
                if spec.group > pattern.captureCount {
                    yaml.error("'group' is \(spec.group) but the pattern has \(pattern.captureCount) capture groups", at: item)
                }
            } catch {
                yaml.error("the regex does not compile: \(error.message)" + (error.offset.map { " at byte \($0) of the pattern" } ?? ""), at: regexNode)
            }
            specs.append(spec)
        }
        return specs
    }

    private static func readLexicons(_ yaml: YAMLDocument, _ node: Node, defaultEntity: EntityType, directory: String) -> [PluginManifest.LexiconSpec] {
        guard let items = yaml.sequence(node, what: "'lexicons'") else { return [] }
        var specs: [PluginManifest.LexiconSpec] = []
        for (index, item) in items.enumerated() {
            guard let pairs = yaml.mapping(item, what: "a lexicon", allowed: ["name", "file", "entity", "score", "case"]) else { continue }
            var spec = PluginManifest.LexiconSpec(name: "lexicon-\(index + 1)", file: "", entity: defaultEntity, score: 0.8)
            var fileNode: Node?
            for (key, _, value) in pairs {
                switch key {
                case "name": if let name = yaml.string(value, what: "'name'") { spec.name = name }
                case "file": fileNode = value; spec.file = yaml.string(value, what: "'file'") ?? ""
                case "entity": if let name = yaml.string(value, what: "'entity'") { spec.entity = EntityType(name) }
                case "score": if let score = yaml.double(value, what: "'score'", in: 0...1) { spec.score = score }
                case "case":
                    switch yaml.string(value, what: "'case'") {
                    case "any": spec.capitalizedOnly = false
                    case "capitalized": spec.capitalizedOnly = true
                    case nil: break
                    case let other?: yaml.error("'case' is 'any' or 'capitalized', not '\(other)'", at: value)
                    }
                default: break
                }
            }
            guard let fileNode else { yaml.error("a lexicon needs 'file'", at: item); continue }
            if checkInside(yaml, file: spec.file, directory: directory, at: fileNode) {
                let full = (directory as NSString).appendingPathComponent(spec.file)
                if FileManager.default.isReadableFile(atPath: full) {
                    specs.append(spec)
                } else {
                    yaml.error("lexicon file '\(spec.file)' does not exist in the plugin folder", at: fileNode)
                }
            }
        }
        return specs
    }

    private static func readContext(_ yaml: YAMLDocument, _ node: Node, what: String, amountKey: String, sign: Double) -> PluginManifest.ContextSpec? {
        guard let pairs = yaml.mapping(node, what: what, allowed: ["words", amountKey, "window", "after"]) else { return nil }
        var spec = PluginManifest.ContextSpec(words: [], adjustment: 0.3 * sign, window: 16, windowAfter: 16)
        var after: Int?
        for (key, _, value) in pairs {
            switch key {
            case "words": spec.words = yaml.strings(value, what: "'words'")?.map(\.value) ?? []
            case "window": if let window = yaml.int(value, what: "'window'", in: 1...200) { spec.window = window }
            case "after": after = yaml.int(value, what: "'after'", in: 0...200)
            default: if let amount = yaml.double(value, what: "'\(amountKey)'", in: 0...1) { spec.adjustment = amount * sign }
            }
        }
        spec.windowAfter = after ?? spec.window
        return spec
    }

    private static func readExamples(_ yaml: YAMLDocument, _ node: Node, into manifest: inout PluginManifest) {
        guard let pairs = yaml.mapping(node, what: "'examples'", allowed: ["match", "no_match"]) else { return }
        for (key, _, value) in pairs {
            guard let items = yaml.sequence(value, what: "'\(key)'") else { continue }
            for item in items {
                var example: PluginManifest.Example?
                if case .scalar = item, let text = yaml.string(item, what: "an example") {
                    example = .init(text: text, find: nil, line: item.mark?.line)
                } else if let fields = yaml.mapping(item, what: "an example", allowed: ["text", "find"]) {
                    var text: String?, find: [String]?
                    for (field, _, value) in fields {
                        if field == "text" { text = yaml.string(value, what: "'text'") } else { find = yaml.strings(value, what: "'find'")?.map(\.value) }
                    }
                    if let text { example = .init(text: text, find: find, line: item.mark?.line) } else { yaml.error("an example needs 'text'", at: item) }
                }
                guard let example else { continue }
                if key == "match" {
                    manifest.matchExamples.append(example)
                } else {
                    if example.find != nil { yaml.error("'find' belongs to 'match' examples", at: item) }
                    manifest.noMatchExamples.append(example)
                }
            }
        }
    }

    /// A data file must stay inside its plugin folder (no `..`, no absolute paths, no links out).
    static let processKeys: Set<String> = ["command", "timeout", "restarts"]

    private static func readProcess(_ yaml: YAMLDocument, _ node: Node, directory: String) -> PluginManifest.ProcessSpec? {
        guard let pairs = yaml.mapping(node, what: "'process'", allowed: processKeys) else { return nil }
        var spec = PluginManifest.ProcessSpec(command: [], timeout: 10, restarts: 2)
        var sawCommand = false
        for (key, _, value) in pairs {
            switch key {
            case "command":
                sawCommand = true
                guard let words = yaml.strings(value, what: "'command'") else { continue }
                if words.isEmpty || words[0].value.isEmpty { yaml.error("'command' must name a program", at: value); continue }
                if words[0].value.contains("/"), !checkInside(yaml, file: words[0].value, directory: directory, at: words[0].node, what: "program") { continue }
                // [sh, ../../x.sh], [python3, /tmp/x.py]: an argument written as a path (with a
                // slash; an option's value after `=` too) must stay inside the folder, like the program.
                let outside = words.dropFirst().filter { word in
                    let path = word.value.split(separator: "=", maxSplits: 1).last.map(String.init) ?? word.value
                    return path.contains("/") && !checkInside(yaml, file: path, directory: directory, at: word.node, what: "argument")
                }
                if !outside.isEmpty { continue }
                spec.command = words.map(\.value)
            case "timeout": if let seconds = yaml.double(value, what: "'timeout'", in: 0.1...3600) { spec.timeout = seconds }
            case "restarts": if let count = yaml.int(value, what: "'restarts'", in: 0...100) { spec.restarts = count }
            default: break
            }
        }
        if !sawCommand { yaml.error("missing 'command' (the program to run and its arguments)", at: node) }
        return spec.command.isEmpty ? nil : spec
    }

    private static func checkInside(_ yaml: YAMLDocument, file: String, directory: String, at node: Node, what: String = "data file") -> Bool {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let full = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
            .standardizedFileURL.resolvingSymlinksInPath().path
        if file.hasPrefix("/") || !(full == base || full.hasPrefix(base + "/")) {
            yaml.error("\(what) '\(file)' must be inside the plugin folder", at: node)
            return false
        }
        return true
    }

    static func isKebabCase(_ id: String) -> Bool {
        guard let first = id.utf8.first, first >= 0x61, first <= 0x7A, id.utf8.last != UInt8(ascii: "-") else { return false }
        return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
    }
}
