import Foundation
import Testing
import VeilCore
import VeilRecognizers
import VeilTestSupport

@testable import VeilFormats

@Suite struct DocumentPipelineTests {
    static let engine: Engine = {
        let policy = Policy(
            name: "t", path: "t.yaml", plugins: ["phone-cn", "qq"],
            rules: [.phoneNumber: EntityRule(action: .replace(template: "<P{n}>")), .qqNumber: EntityRule(action: .redact)])
        do {
            return try Engine(policy: policy, catalog: PluginCatalog.standard(environment: [:]), key: PseudonymKey(secret: Array("test key, long enough".utf8)))
        } catch { fatalError("\(error)") }
    }()

    private let folder = TemporaryFolder()

    private func file(_ contents: [UInt8], name: String) -> String { folder.write("\(UUID().uuidString)-" + name, contents) }

    private func anonymize(_ contents: String, name: String = "in.jsonl", policy: ErrorPolicy = .fail) throws -> (String, [InputError]) {
        var errors: [InputError] = []
        let pipeline = DocumentPipeline(anonymizer: Anonymizer(engine: Self.engine), errorPolicy: policy) { errors.append($0) }
        var output: [UInt8] = []
        try pipeline.anonymize(LineReader(path: file(Array(contents.utf8), name: name))) { output += $0.bytes }
        return (String(decoding: output, as: UTF8.self), errors)
    }

    @Test func jsonlKeepsEveryOtherFieldAndLinksAcrossRecords() throws {
        let input = """
            {"id": "a", "text": "电话13812345678", "n": 1}
            {"id": "b", "text": "QQ：12345678，电话138-1234-5678", "tags": ["x"]}

            {"id": "c", "text": null}
            """
        let (output, _) = try anonymize(input)
        #expect(
            output == """
                {"id": "a", "text": "电话<P1>", "n": 1}
                {"id": "b", "text": "QQ：，电话<P1>", "tags": ["x"]}

                {"id": "c", "text": null}
                """)
    }

    @Test func aBadLineStopsTheRunWithItsPlace() throws {
        let input = "{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"text\": \"13812345678\"\n"
        #expect {
            _ = try anonymize(input)
        } throws: { error in
            let description = "\(error)"
            return description.hasSuffix("in.jsonl:2:32: error: invalid JSON: expected ',' or '}' (the input ends early)")
                && !description.contains("13812345678")
        }
    }

    @Test func skipLeavesTheBadRecordOutAndReportsIt() throws {
        let input = "{\"id\": 1, \"text\": \"电话13812345678\"}\n[\"not an object\"]\n{\"id\": 3, \"text\": \"ok\"}\n"
        let (output, errors) = try anonymize(input, policy: .skip)
        #expect(output == "{\"id\": 1, \"text\": \"电话<P1>\"}\n{\"id\": 3, \"text\": \"ok\"}\n")
        #expect(
            errors.map(\.description).map { $0.components(separatedBy: "/").last ?? $0 }
                == [String(errors.first?.file.components(separatedBy: "/").last ?? "") + ":2: error: a JSONL line must be a JSON object"])
    }

    @Test func invalidUTF8IsReportedByLineAndColumn() throws {
        var bytes = Array("第一行\n第二行".utf8)
        bytes.insert(0xFF, at: bytes.count - 3)
        let pipeline = DocumentPipeline(anonymizer: Anonymizer(engine: Self.engine))
        #expect {
            try pipeline.anonymize(LineReader(path: file(bytes, name: "bad.txt"))) { _ in }
        } throws: { error in
            "\(error)".hasSuffix("bad.txt:2:3: error: invalid UTF-8 (byte 16 of the file)")
        }
    }

    @Test func lineReaderStreamsLongInputAndKeepsTheLastLine() throws {
        let lines = (0..<5000).map { "{\"id\": \($0), \"text\": \"line \($0)\"}" }
        let reader = try LineReader(path: file(Array(lines.joined(separator: "\n").utf8), name: "many.jsonl"))
        var count = 0
        while let line = try reader.nextLine() {
            #expect(String(decoding: line, as: UTF8.self) == lines[count])
            count += 1
        }
        #expect(count == 5000 && reader.lineNumber == 5000)
    }

    @Test func anOverlongLineIsAnErrorNotACrash() throws {
        let reader = try LineReader(path: file(Array(("short\n" + String(repeating: "x", count: 5000)).utf8), name: "long.txt"), maximumLineLength: 1000)
        _ = try reader.nextLine()
        #expect { _ = try reader.nextLine() } throws: { "\($0)".hasSuffix("long.txt:2: error: line is longer than 1000 bytes") }
    }

    @Test func atomicOutputLeavesNothingWhenAbandoned() throws {
        let outputs = TemporaryFolder(), folder = outputs.path
        let destination = folder + "/out.txt"
        let output = try AtomicOutput(destination: destination)
        try output.write("partial")
        output.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let finished = try AtomicOutput(destination: destination)
        try finished.write("done")
        try finished.commit()
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "done")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }
}
