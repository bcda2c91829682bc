import Foundation

/// The plugins a run can use: the built-in ones plus any from `--plugins` folders and
/// `VEIL_PLUGIN_PATH`, each compiled once and frozen.
///
/// A plugin from a user folder with the id of a built-in one replaces it (and `veil plugins list`
/// says so); two user folders offering the same id is an error.
package struct PluginCatalog: Sendable {
    /// Where a plugin came from.
    package enum Origin: Sendable, Hashable, CustomStringConvertible {
        case builtin
        case directory(String)
        case environment(String)
        /// Registered in Swift code (``PluginCatalog/adding(id:entities:summary:surrogate:priority:recognizer:)``).
        case code

        package var description: String {
            switch self {
            case .builtin: return "built-in"
            case .directory(let path): return "--plugins \(path)"
            case .environment(let path): return "VEIL_PLUGIN_PATH \(path)"
            case .code: return "registered in code"
            }
        }
    }

    /// A loaded plugin: its manifest, its recognizer or word list, and its origin.
    package struct Plugin: Sendable {
        package let manifest: PluginManifest
        package let origin: Origin
        /// True when this plugin replaced a built-in one with the same id.
        package let overridesBuiltin: Bool
        /// Builds the recognizer of a `patterns:` or `recognizer:` plugin. Compiled recognizers
        /// (gazetteers with their word lists) are built only for plugins a policy enables.
        private let build: @Sendable () throws -> (any Recognizer)?
        /// The words of a `lexicons:` plugin (matched together with every other lexicon).
        package let lexiconEntries: [LexiconRecognizer.Entry]
        package var id: String { manifest.id }

        init(
            manifest: PluginManifest, origin: Origin, overridesBuiltin: Bool, lexiconEntries: [LexiconRecognizer.Entry] = [],
            build: @escaping @Sendable () throws -> (any Recognizer)?
        ) {
            self.manifest = manifest
            self.origin = origin
            self.overridesBuiltin = overridesBuiltin
            self.lexiconEntries = lexiconEntries
            self.build = build
        }

        /// The size in bytes of its data files: what building its recognizer mostly costs.
        package var dataSize: Int {
            manifest.dataFiles.reduce(0) { total, file in
                var status = stat()
                let path = (manifest.directory as NSString).appendingPathComponent(file)
                return total + (stat(path, &status) == 0 ? Int(status.st_size) : 0)
            }
        }

        /// The plugin's recognizer (nil for word-list plugins); errors name the manifest.
        package func makeRecognizer() throws(ConfigurationError) -> (any Recognizer)? {
            do {
                return try build()
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw ConfigurationError(Diagnostic(file: manifest.path, message: "recognizer '\(manifest.recognizerID ?? manifest.id)' failed to start: \(error)"))
            }
        }
    }

    package let plugins: [String: Plugin]
    /// The Swift code the plugins' manifests name (recognizers, validators, pseudonym generators).
    package let code: PluginCode

    /// The plugins sorted by id.
    package var sorted: [Plugin] { plugins.values.sorted { $0.id < $1.id } }

    package subscript(id: String) -> Plugin? { plugins[id] }

    /// A catalog of exactly these plugins, whose manifests name `code`.
    package init(plugins: [Plugin], code: PluginCode) {
        self.plugins = Dictionary(plugins.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.code = code
    }

    /// Loads plugin folders from each source in order: every subfolder with a `plugin.yaml`. With
    /// `images`, built-in plugins' recognizers are kept there between runs.
    package static func load(
        from sources: [(origin: Origin, directory: String)], code: PluginCode, images: RecognizerImages? = nil
    ) throws(ConfigurationError) -> PluginCatalog {
        var plugins: [String: Plugin] = [:]
        var diagnostics: [Diagnostic] = []
        // Every plugin folder of every source, in order.
        var folders: [(origin: Origin, name: String, path: String)] = []
        for (origin, directory) in sources {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            } catch {
                diagnostics.append(Diagnostic(file: directory, message: "cannot read the plugin folder"))
                continue
            }
            for name in names {
                let path = (directory as NSString).appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("plugin.yaml")) else { continue }
                folders.append((origin, name, path))
            }
        }
        let manifests = readManifests(of: folders, code: code, images: images)
        for ((origin, name, _), read) in zip(folders, manifests) {
            do {
                let manifest = try read.get()
                if name != manifest.id {
                    diagnostics.append(Diagnostic(file: manifest.path, message: "the plugin id '\(manifest.id)' differs from its folder name '\(name)'"))
                    continue
                }
                var overrides = false
                if let existing = plugins[manifest.id] {
                    if existing.origin == .builtin && origin != .builtin {
                        overrides = true
                    } else {
                        diagnostics.append(Diagnostic(file: manifest.path, message: "plugin '\(manifest.id)' is also defined in \(existing.manifest.path)"))
                        continue
                    }
                }
                plugins[manifest.id] = try compile(manifest, origin: origin, overrides: overrides, code: code, images: origin == .builtin ? images : nil)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        if !diagnostics.isEmpty { throw ConfigurationError(diagnostics) }
        return PluginCatalog(plugins: Array(plugins.values), code: code)
    }

    /// The manifests of `folders`, in order: the built-in ones from their image when `images` has
    /// one, the others read on every core (their YAML is most of a catalog's cost). Taken in order
    /// afterwards, so a later source's plugin overrides a built-in one.
    private static func readManifests(
        of folders: [(origin: Origin, name: String, path: String)], code: PluginCode, images: RecognizerImages?
    ) -> [Result<PluginManifest, ConfigurationError>] {
        let builtin = folders.indices.filter { folders[$0].origin == .builtin }
        let builtinPaths = builtin.map { folders[$0].path }
        var manifests = [Result<PluginManifest, ConfigurationError>?](repeating: nil, count: folders.count)
        let kept = builtin.isEmpty ? nil : images?.manifests(of: builtinPaths, code: code)
        for (index, manifest) in zip(builtin, kept ?? []) { manifests[index] = .success(manifest) }
        let unread = folders.indices.filter { manifests[$0] == nil }
        let read = ParallelLoop.map(unread.count) { index in
            Result { () throws(ConfigurationError) in try ManifestReader.read(directory: folders[unread[index]].path, code: code) }
        }
        for (index, result) in zip(unread, read) { manifests[index] = result }
        if kept == nil, let images, !builtin.isEmpty {
            let read = builtin.compactMap { try? manifests[$0]?.get() }
            if read.count == builtin.count { images.store(read, of: builtinPaths, code: code) }
        }
        // Every place is filled: the built-in manifests from their image, the others just read.
        return manifests.map { $0! }
    }

    /// The built-in plugins, plus `extraDirectories` and the folders in `VEIL_PLUGIN_PATH`.
    package static func standard(
        extraDirectories: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
        code: PluginCode
    ) throws(ConfigurationError) -> PluginCatalog {
        var sources: [(origin: Origin, directory: String)] = [(.builtin, try BuiltinResources.pluginsDirectory(environment: environment).path)]
        for path in (environment["VEIL_PLUGIN_PATH"] ?? "").split(separator: ":") where !path.isEmpty {
            sources.append((.environment(String(path)), String(path)))
        }
        sources += extraDirectories.map { (.directory($0), $0) }
        return try load(from: sources, code: code, images: RecognizerImages(environment: environment))
    }

    /// The recognizer of a `patterns:` plugin; the reader compiled every pattern already, so this
    /// cannot fail for a manifest it accepted.
    static func patternRecognizer(_ manifest: PluginManifest, validators: [String: any Validator]) throws(ConfigurationError) -> PatternRecognizer {
        var rules: [PatternRecognizer.Rule] = []
        var anchors: [String: PatternRecognizer.Anchor] = [:]
        for spec in manifest.patterns {
            let validator = spec.validator.flatMap { validators[$0] }
            // Its tables are built with the rest of start-up, not by the first match.
            validator?.prepare()
            let anchor = spec.anchor.flatMap { source in anchors[source] ?? (try? PatternRecognizer.Anchor(source)) }
            if let anchor { anchors[anchor.source] = anchor }
            guard spec.anchor == nil || anchor != nil,
                let rule = try? PatternRecognizer.Rule(
                    name: spec.name, pattern: spec.regex, caseless: spec.caseless, entity: spec.entity, score: spec.score,
                    validator: validator, group: spec.group,
                    needsContext: spec.needsContext, needsColumnContext: spec.needsColumnContext, canonicalForm: spec.canonical, backoff: spec.backoff,
                    minimumDigits: spec.minimumDigits, anchor: anchor, unvalidatedScore: spec.unvalidatedScore, compiled: spec.compiled?.pattern)
            else {
                throw ConfigurationError(Diagnostic(file: manifest.path, message: "pattern '\(spec.name)' does not compile"))
            }
            rules.append(rule)
        }
        return PatternRecognizer(
            pluginID: manifest.id, rules: rules, normalization: manifest.normalization,
            context: manifest.context.map {
                ContextRule(words: $0.words.map(manifest.normalization.apply), adjustment: $0.adjustment, window: $0.window, windowAfter: $0.windowAfter)
            },
            negative: manifest.negative.map {
                ContextRule(
                    words: $0.words.map(manifest.normalization.apply), adjustment: $0.adjustment, window: $0.window, windowAfter: $0.windowAfter,
                    inflects: false)
            })
    }

    static func compile(
        _ manifest: PluginManifest, origin: Origin, overrides: Bool, code: PluginCode, images: RecognizerImages? = nil
    ) throws(ConfigurationError) -> Plugin {
        switch manifest.kind {
        case .patterns:
            // Compiled to machine code only when a policy selects the plugin (the reader has
            // checked every pattern already).
            return Plugin(manifest: manifest, origin: origin, overridesBuiltin: overrides) { [validators = code.validators] in
                try patternRecognizer(manifest, validators: validators)
            }
        case .lexicons:
            var entries: [LexiconRecognizer.Entry] = []
            for lexicon in manifest.lexicons {
                let path = (manifest.directory as NSString).appendingPathComponent(lexicon.file)
                try WordList.forEachRow(path) { _, columns in
                    let word = columns[0].trimmingCharacters(in: .whitespaces)
                    guard !word.isEmpty else { return }
                    entries.append(
                        .init(
                            word: word, entity: lexicon.entity, score: lexicon.score, pluginID: manifest.id, lexicon: lexicon.name,
                            canonical: columns.count > 1 ? columns[1].trimmingCharacters(in: .whitespaces) : nil,
                            capitalizedOnly: lexicon.capitalizedOnly))
                }
            }
            return Plugin(manifest: manifest, origin: origin, overridesBuiltin: overrides, lexiconEntries: entries) { nil }
        case .process:
            guard let spec = manifest.process else { throw ConfigurationError(Diagnostic(file: manifest.path, message: "'process' has no command")) }
            // One program per engine: the recognizer (and its process) is made when an engine selects the plugin.
            return Plugin(manifest: manifest, origin: origin, overridesBuiltin: overrides) { ProcessRecognizer(manifest: manifest, spec: spec) }
        case .recognizer:
            guard let id = manifest.recognizerID, let factory = code.recognizers[id] else {
                let known = code.recognizers.keys.sorted()
                throw ConfigurationError(
                    Diagnostic(
                        file: manifest.path,
                        message: "no compiled recognizer called '\(manifest.recognizerID ?? "")'"
                            + (known.isEmpty ? "" : "; this build has: \(known.joined(separator: ", "))")))
            }
            let files = manifest.dataFiles.map { (manifest.directory as NSString).appendingPathComponent($0) }
            for file in files where !FileManager.default.isReadableFile(atPath: file) {
                throw ConfigurationError(
                    Diagnostic(file: manifest.path, message: "data file '\((file as NSString).lastPathComponent)' does not exist in the plugin folder"))
            }
            let input = PluginCode.RecognizerInput(manifest: manifest, dataFiles: files)
            guard let images, let type = code.imageTypes[id] else {
                return Plugin(manifest: manifest, origin: origin, overridesBuiltin: overrides) { try factory(input) }
            }
            return Plugin(manifest: manifest, origin: origin, overridesBuiltin: overrides) {
                if let recognizer = images.load(type, for: input) { return recognizer }
                let recognizer = try factory(input)
                if let recognizer = recognizer as? any ImageRecognizer { images.store(recognizer, for: input) }
                return recognizer
            }
        }
    }
}
