import Foundation
import Testing
import VeilCore

@testable import VeilFormats

/// `veil policy init`: a rule per field from a sample, a valid policy, and no sampled value in it.
@Suite struct PolicyDraftTests {
    @Test func suggestsARulePerFieldAndWritesAValidPolicy() throws {
        var rows = ["post_id,author,phone,body,category,created_at"]
        for i in 0..<40 {
            rows.append("\(i),\(["王芳", "李娜", "张伟"][i % 3]),1381234\(5600 + i),\"回复李娜：我的QQ是40251\(3300 + i)\",\(["tech", "life"][i % 2]),2023-01-0\(i % 9 + 1)")
        }
        let folder = NSTemporaryDirectory() + "veil-draft-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/forum.csv"
        _ = FileManager.default.createFile(atPath: data, contents: Data(rows.joined(separator: "\n").utf8))
        let engine = try RecordPipelineTests.engine(fields: FieldRules())
        var source = DocumentPipeline(anonymizer: Anonymizer(engine: engine), fieldRules: FieldRules()).recordSource(try LineReader(path: data), format: .csv)
        let draft = try PolicyDraft(&source, engine: engine, limit: 25)
        #expect(draft.sampled == 25)
        let rules = Dictionary(uniqueKeysWithValues: draft.suggestions.map { ($0.field, $0.rule) })
        #expect(
            rules == [
                "post_id": .keep, "author": .entity(.person), "phone": .entity(.phoneNumber), "body": .scan,
                "category": .keep, "created_at": .keep
            ])
        let yaml = draft.yaml(for: data)
        for value in ["王芳", "李娜", "13812345600", "402513300"] { #expect(!yaml.contains(value), "the draft never shows a sampled value") }
        let policyPath = folder + "/draft.yaml"
        _ = FileManager.default.createFile(atPath: policyPath, contents: Data(yaml.utf8))
        let policy = try PolicyReader.read(path: policyPath, environment: [:])
        #expect(policy.fields.entries.count == 6 && policy.fields.otherFields == .scan)
    }

    @Test func jsonPathsAreGeneralizedOverArrays() {
        #expect(PolicyDraft.generalized("$.replies[12].text") == "$.replies[*].text")
        #expect(PolicyDraft.generalized("$['a b'][0]") == "$['a b'][*]")
        #expect(PolicyDraft.generalized("author") == "author")
    }

    /// A header or a key that is itself personal data (a phone number as a JSON key, a column named
    /// by a WeChat ID) is not printed in the draft; the field falls under `other_fields`.
    @Test func namesThatHoldPersonalDataAreNotPrinted() throws {
        let folder = NSTemporaryDirectory() + "veil-draft-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/contacts.csv"
        _ = FileManager.default.createFile(atPath: data, contents: Data("id,wxid_k3v9x2m8a1,13812345678,body\n1,yes,no,我的电话是13912345678\n2,no,yes,QQ：402513300\n".utf8))
        let engine = try RecordPipelineTests.engine(fields: FieldRules())
        var source = DocumentPipeline(anonymizer: Anonymizer(engine: engine), fieldRules: FieldRules()).recordSource(try LineReader(path: data), format: .csv)
        let yaml = try PolicyDraft(&source, engine: engine).yaml(for: data)
        #expect(!yaml.contains("wxid_k3v9x2m8a1") && !yaml.contains("13812345678"), "\(yaml)")
        #expect(yaml.contains("# field 2 of the sample is not written here") && yaml.contains("# field 3 of the sample"), "\(yaml)")
        #expect(yaml.contains("  id: keep") && yaml.contains("  body: scan"), "\(yaml)")
    }
}
