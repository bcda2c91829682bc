/// What `veil plugins test` checks of a process plugin before its examples: that it speaks
/// protocol 1 as Docs/process-plugin-protocol.md says, on a program started for the test alone.
package enum ProcessConformance {
    /// The check names, in order, for reports.
    package static let checks = [
        "greets with protocol 1 and entities its manifest declares",
        "answers a batch of documents, an empty one included, one result each",
        "counts offsets in code points (characters outside the BMP before a match)"
    ]

    /// The failed checks of `plugin`, as example failures (empty when it conforms).
    static func check(_ plugin: PluginCatalog.Plugin, spec: PluginManifest.ProcessSpec) -> [PluginExamples.Failure] {
        let manifest = plugin.manifest
        let process = PluginProcess(pluginID: manifest.id, spec: spec, directory: manifest.directory, declared: manifest.entities)
        func failure(_ check: Int, _ message: String) -> [PluginExamples.Failure] {
            [PluginExamples.Failure(plugin: manifest.id, file: manifest.path, line: nil, message: "protocol: \(checks[check]): \(message)")]
        }
        do { _ = try process.greetedEntities() } catch { return failure(0, error.message) }
        let sample = manifest.matchExamples.first?.text ?? "Veil"
        do {
            let results = try process.analyze(["", sample, "一段没有名字的文字。", String(repeating: "字", count: 2_000)])
            guard results.count == 4 else { return failure(1, "answered \(results.count) results for 4 documents") }
        } catch {
            return failure(1, error.message)
        }
        do {
            let plain = try process.analyze([sample])[0]
            let shifted = try process.analyze(["😀𝐀" + sample])[0]
            guard !plain.isEmpty else { return failure(2, "found nothing in its first match example, so offsets cannot be checked") }
            let expected = plain.map { "\($0.start + 2)-\($0.end + 2) \($0.entity.rawValue)" }
            let got = shifted.map { "\($0.start)-\($0.end) \($0.entity.rawValue)" }
            if expected != got { return failure(2, "after two astral characters expected \(expected), got \(got)") }
        } catch {
            return failure(2, error.message)
        }
        return []
    }
}
