/// The recognizer of a `process:` plugin: each document goes to the plugin's program (see
/// ``PluginProcess``) and its findings come back as detections like any other plugin's.
///
/// A document the program could not analyze — it hung, died, or answered against the protocol —
/// throws, so the engine fails that document closed.
package struct ProcessRecognizer: Recognizer {
    package let pluginID: String
    let process: PluginProcess

    init(manifest: PluginManifest, spec: PluginManifest.ProcessSpec) {
        self.pluginID = manifest.id
        self.process = PluginProcess(pluginID: manifest.id, spec: spec, directory: manifest.directory, declared: manifest.entities)
    }

    package func recognize(_ document: DocumentText) throws -> [Detection] {
        let findings: [PluginProcess.Finding]
        do { findings = try process.analyze([document.string])[0] } catch {
            throw RecognizerError(pluginID: pluginID, message: error.message)
        }
        guard !findings.isEmpty else { return [] }
        // Code point offsets to UTF-8 byte offsets.
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(document.bytes.count + 1)
        for (index, byte) in document.bytes.enumerated() where byte & 0xC0 != 0x80 { byteOffsets.append(index) }
        byteOffsets.append(document.bytes.count)
        return findings.map { finding in
            let range = byteOffsets[finding.start]..<byteOffsets[finding.end]
            return Detection(
                range: range, entity: finding.entity, score: finding.score, pluginID: pluginID, rule: finding.rule ?? "process",
                canonical: String(decoding: document.bytes[range], as: UTF8.self))
        }
    }
}
