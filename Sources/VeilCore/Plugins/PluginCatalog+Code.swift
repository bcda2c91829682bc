/// Plugins written in Swift and registered in code: a type conforming to ``Recognizer`` becomes a
/// plugin a policy selects by id, exactly like a built-in one.
///
/// ```swift
/// struct EmployeeIDs: Recognizer {
///     let pluginID = "employee-id"
///     func recognize(_ document: DocumentText) throws -> [Detection] { … }
/// }
/// let catalog = try PluginCatalog.standard()
///     .adding(id: "employee-id", entities: ["EMPLOYEE_ID"]) { EmployeeIDs() }
/// // policy.yaml: plugins: [employee-id, phone-cn, …]
/// ```
extension PluginCatalog {
    /// This catalog with the plugin `id`, whose recognizer `make` builds (once per engine that
    /// selects it). The recognizer's `pluginID` must be `id`. Replaces a built-in plugin of the same
    /// id; an id already registered in code or loaded from a folder is an error.
    package func adding(
        id: String, entities: [EntityType], summary: String = "", surrogate: String? = nil, priority: Int = 0,
        recognizer make: @escaping @Sendable () throws -> any Recognizer
    ) throws(ConfigurationError) -> PluginCatalog {
        let place = "code:\(id)"
        guard ManifestReader.isKebabCase(id) else { throw ConfigurationError(Diagnostic(file: place, message: "plugin id '\(id)' must be kebab-case (a-z, 0-9 and -)")) }
        guard !entities.isEmpty else { throw ConfigurationError(Diagnostic(file: place, message: "a plugin needs at least one entity")) }
        if let bad = entities.first(where: { !$0.isWellFormed }) {
            throw ConfigurationError(Diagnostic(file: place, message: "entity '\(bad.rawValue)' must be UPPER_SNAKE_CASE"))
        }
        if let problem = surrogate.flatMap(code.surrogateProblem) { throw ConfigurationError(Diagnostic(file: place, message: problem)) }
        if let existing = self[id], existing.origin != .builtin {
            throw ConfigurationError(Diagnostic(file: place, message: "plugin '\(id)' is also defined in \(existing.manifest.path)"))
        }
        let manifest = PluginManifest(
            id: id, version: 1, summary: summary, entities: entities, kind: .recognizer, patterns: [], lexicons: [],
            process: nil, recognizerID: id, options: [:], dataFiles: [], context: nil, negative: nil,
            normalization: [], surrogate: surrogate, priority: priority, matchExamples: [], noMatchExamples: [],
            directory: "", path: place)
        let plugin = Plugin(manifest: manifest, origin: .code, overridesBuiltin: self[id] != nil) {
            let recognizer = try make()
            guard recognizer.pluginID == id else {
                throw ConfigurationError(Diagnostic(file: place, message: "the recognizer registered as '\(id)' reports its findings as '\(recognizer.pluginID)'"))
            }
            return recognizer
        }
        var all = plugins
        all[id] = plugin
        return PluginCatalog(plugins: Array(all.values), code: code)
    }
}
