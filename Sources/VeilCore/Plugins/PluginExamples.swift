/// Checks a plugin against its own `examples:`: each `match` text must give at least one finding
/// from the plugin (exactly the `find` texts, when listed) and each `no_match` text none, with the
/// plugin running alone at the default threshold; a process plugin is first checked against the
/// protocol (``ProcessConformance``). Used by `veil plugins test` and the test suite.
package enum PluginExamples {
    /// One example that did not behave as its manifest says. Example texts are the plugin author's,
    /// not user data, so they are quoted.
    package struct Failure: Sendable, CustomStringConvertible {
        package let plugin: String
        package let file: String
        package let line: Int?
        package let message: String
        package var description: String { Diagnostic(file: file, line: line, message: message).description }
    }

    /// The failures of `plugin`'s examples (empty when all pass); `catalog` gives the code its
    /// manifest names.
    package static func check(_ plugin: PluginCatalog.Plugin, in catalog: PluginCatalog, threshold: Double = 0.5) -> [Failure] {
        let catalog = PluginCatalog(plugins: [plugin], code: catalog.code)
        let policy = Policy(name: "examples", path: plugin.manifest.path, plugins: [plugin.id], threshold: threshold)
        let engine: Engine
        do { engine = try Engine(policy: policy, catalog: catalog, key: PseudonymKey(secret: Array("examples-examples".utf8))) } catch {
            return [Failure(plugin: plugin.id, file: plugin.manifest.path, line: nil, message: "\(error)")]
        }
        // A process plugin must first speak the protocol.
        if let spec = plugin.manifest.process {
            let problems = ProcessConformance.check(plugin, spec: spec)
            if !problems.isEmpty { return problems }
        }
        var failures: [Failure] = []
        func fail(_ example: PluginManifest.Example, _ message: String) {
            failures.append(Failure(plugin: plugin.id, file: plugin.manifest.path, line: example.line, message: message))
        }
        if plugin.manifest.matchExamples.isEmpty {
            failures.append(Failure(plugin: plugin.id, file: plugin.manifest.path, line: nil, message: "the plugin has no 'match' examples"))
        }
        for example in plugin.manifest.matchExamples {
            do {
                let found = try texts(engine, example.text)
                if found.isEmpty {
                    fail(example, "found nothing in \"\(example.text)\"")
                } else if let expected = example.find, expected != found {
                    fail(example, "in \"\(example.text)\" found \(found) but expected \(expected)")
                }
            } catch {
                fail(example, "failed on \"\(example.text)\": \(error)")
            }
        }
        for example in plugin.manifest.noMatchExamples {
            do {
                let found = try texts(engine, example.text)
                if !found.isEmpty { fail(example, "found \(found) in \"\(example.text)\", which must not match") }
            } catch {
                fail(example, "failed on \"\(example.text)\": \(error)")
            }
        }
        // `digits` and `anchor` only say where to look: on every example, the patterns must find
        // exactly what they find when tried over the whole text.
        if plugin.manifest.kind == .patterns, let windowed = try? PluginCatalog.patternRecognizer(plugin.manifest, validators: catalog.code.validators) {
            var everywhere = windowed
            everywhere.searchesEverywhere = true
            for example in plugin.manifest.matchExamples + plugin.manifest.noMatchExamples {
                guard let narrow = try? windowed.recognize(DocumentText(example.text)),
                    let wide = try? everywhere.recognize(DocumentText(example.text))
                else { continue }
                let lost = Set(wide).subtracting(narrow).map { "'\($0.rule)' at bytes \($0.range.lowerBound)..<\($0.range.upperBound)" }
                if !lost.isEmpty {
                    fail(example, "in \"\(example.text)\" the whole-text pass finds \(lost.sorted().joined(separator: ", ")) but the 'digits' or 'anchor' windows do not")
                }
            }
        }
        return failures
    }

    private static func texts(_ engine: Engine, _ text: String) throws -> [String] {
        let document = DocumentText(text)
        return try engine.analyze(document).map { String(decoding: document.bytes[$0.range], as: UTF8.self) }
    }
}
