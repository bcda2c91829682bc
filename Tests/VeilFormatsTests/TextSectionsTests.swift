import Foundation
import Testing
import VeilCore
import VeilRecognizers
import VeilTestSupport

@testable import VeilFormats

/// Plain text is read in sections so memory stays bounded; what users see must still be one document.
@Suite struct TextSectionsTests {
    private let folder = TemporaryFolder()

    private func file(_ contents: [UInt8]) -> String { folder.write("\(UUID().uuidString).txt", contents) }

    private func sections(of contents: String, size: Int) throws -> [TextSections.Section] {
        var sections = TextSections(try LineReader(path: file(Array(contents.utf8))), size: size)
        var all: [TextSections.Section] = []
        while let section = try sections.next() { all.append(section) }
        return all
    }

    @Test func sectionsEndAfterLineBreaksAndKnowWhereTheyStart() throws {
        let text = (0..<500).map { "第\($0)行：卢立兵 说 hello\n" }.joined() + "最后一行没有换行"
        let all = try sections(of: text, size: 1_000)
        #expect(all.count > 5)
        let bytes = Array(text.utf8)
        #expect(all.flatMap(\.bytes) == bytes)
        for section in all.dropLast() { #expect(section.bytes.last == 0x0A && section.bytes.count >= 1_000) }
        for section in all {
            let before = bytes[..<section.byteOffset]
            #expect(section.lineOffset == before.filter { $0 == 0x0A }.count)
            #expect(section.scalarOffset == String(decoding: before, as: UTF8.self).unicodeScalars.count)
        }
    }

    @Test func emptyInputIsOneEmptySectionAndAFinalBreakAddsNone() throws {
        #expect(try sections(of: "", size: 10).map(\.bytes.count) == [0])
        #expect(try sections(of: "0123456789\n", size: 10).map(\.bytes.count) == [11])
        // A line longer than the size but not twice it is not cut.
        #expect(try sections(of: String(repeating: "长", count: 6) + "\nx\n", size: 10).map(\.bytes.count) == [19, 2])
    }

    @Test func aLineLongerThanTwoSectionsIsCutAtSentenceEndsThenSpacesThenCharacters() throws {
        // One long line is read in bounded memory: cut after a sentence's end where there is one.
        let prose = String(repeating: "今天天气很好，联系电话13812345678。", count: 200)
        let all = try sections(of: prose, size: 1_000)
        #expect(all.count > 3 && all.flatMap(\.bytes) == Array(prose.utf8))
        for section in all.dropLast() {
            #expect(String(decoding: section.bytes, as: UTF8.self).hasSuffix("。"))
            #expect(section.bytes.count <= 2_000)
        }
        // Without sentences, at a space; without spaces, between characters, never inside one.
        for text in [String(repeating: "word ", count: 1_000), String(repeating: "长", count: 1_000)] {
            let parts = try sections(of: text, size: 300)
            #expect(parts.count > 3 && parts.flatMap(\.bytes) == Array(text.utf8))
            for part in parts { #expect(String(validating: part.bytes, as: UTF8.self) != nil) }
            if text.hasPrefix("word") { for part in parts.dropLast() { #expect(part.bytes.last == 0x20) } }
        }
    }

    @Test func findingsOfALongTextPointIntoTheWholeFile() throws {
        let engine = try Engine(
            policy: PolicyReader.builtin(environment: [:]), catalog: PluginCatalog.standard(environment: [:]),
            key: PseudonymKey(secret: Array("test key, long enough".utf8)), environment: [:])
        let text = (0..<300).map { "第\($0)条：卢立兵的电话是1381234\(String(format: "%04d", $0))，QQ：\(12_345_600 + $0)。\n" }.joined()
        var pipeline = DocumentPipeline(anonymizer: Anonymizer(engine: engine))
        pipeline.textSectionSize = 2_000
        var documents: [DocumentPipeline.ScannedDocument] = []
        try pipeline.scan(LineReader(path: file(Array(text.utf8)))) { documents.append($0) }
        #expect(documents.count > 5)
        // One document, reported in parts: each part after the first says it continues the text.
        #expect(documents.map(\.continuesText) == [false] + Array(repeating: true, count: documents.count - 1))
        let findings = documents.flatMap(\.findings)
        let phones = findings.filter { $0.entity == .phoneNumber }
        #expect(phones.count == 300)
        let bytes = Array(text.utf8), scalars = Array(text.unicodeScalars)
        for finding in findings {
            let byBytes = String(decoding: bytes[finding.utf8Range], as: UTF8.self)
            #expect(byBytes == String(String.UnicodeScalarView(scalars[finding.start..<finding.end])))
            #expect(finding.line == bytes[..<finding.utf8Range.lowerBound].filter { $0 == 0x0A }.count + 1)
        }
        #expect(findings.filter { $0.entity == .person }.count == 300)
    }

    @Test func peopleNamedInOneSectionAreLinkedInTheNext() throws {
        let engine = try Engine(
            policy: PolicyReader.builtin(environment: [:]), catalog: PluginCatalog.standard(environment: [:]),
            key: PseudonymKey(secret: Array("test key, long enough".utf8)), environment: [:])
        let filler = String(repeating: "今天的天气不错，我们去公园散步吧。\n", count: 200)
        let text = "我叫向明，卢立兵是版主。\n" + filler + "向明也同意了。卢先生说：好的。\n"
        var whole: [UInt8] = [], sectioned: [UInt8] = []
        try DocumentPipeline(anonymizer: Anonymizer(engine: engine)).anonymize(LineReader(path: file(Array(text.utf8)))) { whole += $0.bytes }
        var pipeline = DocumentPipeline(anonymizer: Anonymizer(engine: engine))
        pipeline.textSectionSize = 1_000
        try pipeline.anonymize(LineReader(path: file(Array(text.utf8)))) { sectioned += $0.bytes }
        #expect(sectioned == whole)
        let last = String(decoding: sectioned, as: UTF8.self).split(separator: "\n").last ?? ""
        #expect(!last.contains("向明") && !last.contains("卢"))
    }

    @Test func invalidUTF8InALaterSectionIsReportedAtItsPlaceInTheFile() throws {
        let engine = try Engine(policy: PolicyReader.builtin(environment: [:]), catalog: PluginCatalog.standard(environment: [:]), environment: [:])
        var bytes = Array(String(repeating: "一行文字\n", count: 100).utf8)
        bytes += [0x61, 0xFF, 0x0A]
        var pipeline = DocumentPipeline(anonymizer: Anonymizer(engine: engine))
        pipeline.textSectionSize = 200
        var written: [UInt8] = []
        #expect {
            try pipeline.anonymize(LineReader(path: file(bytes))) { written += $0.bytes }
        } throws: { error in
            let error = error as? InputError
            return error?.line == 101 && error?.column == 2 && error?.message == "invalid UTF-8 (byte \(bytes.count - 2) of the file)"
        }
    }
}
