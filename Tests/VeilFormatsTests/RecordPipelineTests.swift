import Foundation
import Testing
import VeilCore
import VeilRecognizers
import VeilTestSupport

@testable import VeilFormats

/// Datasets under field rules: what is rewritten, what is kept byte for byte, what is left out,
/// and one pseudonym per person across columns, rows and runs.
@Suite struct RecordPipelineTests {
    static let key = PseudonymKey(secret: Array("record tests key, long enough".utf8))

    static func engine(fields: FieldRules) throws -> Engine {
        var policy = Policy(
            name: "t", path: "t.yaml", plugins: ["phone-cn", "qq", "wechat", "person-zh"],
            rules: [
                .person: EntityRule(action: .pseudonymize(keep: [])), .phoneNumber: EntityRule(action: .replace(template: "<PHONE>")),
                .qqNumber: EntityRule(action: .replace(template: "<QQ>")), .wechatID: EntityRule(action: .replace(template: "<WX>"))
            ])
        policy.fields = fields
        return try Engine(policy: policy, catalog: PluginCatalog.standard(environment: [:]), key: key)
    }

    static func rules(_ entries: [(String, FieldRule)], other: FieldRule = .scan) throws -> FieldRules {
        FieldRules(entries: try entries.map { FieldRuleEntry(path: try FieldPath($0.0), rule: $0.1) }, otherFields: other)
    }

    private func run(_ contents: String, name: String, rules: FieldRules, onError: ErrorPolicy = .fail, knownValues: Bool = false) throws -> (
        output: String, errors: [InputError]
    ) {
        let path = NSTemporaryDirectory() + "veil-\(UUID().uuidString)-" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var errors: [InputError] = []
        var pipeline = DocumentPipeline(anonymizer: Anonymizer(engine: try Self.engine(fields: rules)), errorPolicy: onError) { errors.append($0) }
        if knownValues { pipeline.known = try pipeline.firstPass(over: [path]) }
        var output: [UInt8] = []
        try pipeline.anonymize(LineReader(path: path)) { output += $0.bytes }
        return (String(decoding: output, as: UTF8.self), errors)
    }

    private func parse(_ csv: String) throws -> [[String]] {
        let path = NSTemporaryDirectory() + "veil-\(UUID().uuidString).csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(csv.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = CSVReader(try LineReader(path: path), dialect: .csv)
        var rows: [[String]] = []
        while let record = try reader.nextRecord() { rows.append(record.fields.map(\.value)) }
        return rows
    }

    static let forum = """
        post_id,author,body,ip,date\r
        1,王芳,"大家好，我是王芳，电话13812345678。",1.2.3.4,2023-01-02\r
        2,李娜,"回复王芳：""同意""，加我QQ 402513324",5.6.7.8,2023-01-03\r
        3,张伟,今天天气不错,9.9.9.9,2023-01-04\r

        """

    @Test func aForumDumpIsRewrittenKeptAndDroppedByColumn() throws {
        let rules = try Self.rules([("post_id", .keep), ("date", .keep), ("author", .entity(.person)), ("ip", .drop)])
        let (output, errors) = try run(Self.forum, name: "forum.csv", rules: rules)
        #expect(errors.isEmpty)
        let input = try parse(Self.forum), rows = try parse(output)
        #expect(rows.first == ["post_id", "author", "body", "date"])
        #expect(rows.count == input.count)
        for (row, original) in zip(rows.dropFirst(), input.dropFirst()) {
            #expect(row[0] == original[0] && row[3] == original[4], "kept columns are unchanged")
            #expect(row[1] != original[1], "every author is rewritten")
            #expect(!row[2].contains(original[1]), "no author's name is left in the body")
        }
        // One pseudonym for 王芳: her author cell, her own post, and the reply that names her.
        let wangFang = rows[1][1]
        #expect(rows[1][2] == "大家好，我是\(wangFang)，电话<PHONE>。")
        #expect(rows[2][2] == "回复\(wangFang)：\"同意\"，加我QQ <QQ>")
        // Line endings, quoting and the untouched cells are written as they were.
        let lines = output.components(separatedBy: "\r\n")
        #expect(lines[3].hasPrefix("3,") && lines[3].hasSuffix(",今天天气不错,2023-01-04"))
        #expect(lines[2].contains(",\"回复"))
    }

    @Test func aScreenNameIsFoundWhereAnotherRowRepliesToIt() throws {
        let dump = "id,author,body\n1,李娜,\"回复小猫咪2019：同意\"\n2,小猫咪2019,我先发的帖\n3,张伟,小猫咪2019x 不是同一个人\n"
        let rules = try Self.rules([("id", .keep), ("author", .entity(.person))])
        let rows = try parse(try run(dump, name: "replies.csv", rules: rules, knownValues: true).output)
        let screenName = rows[2][1]
        #expect(screenName != "小猫咪2019")
        #expect(rows[1][2] == "回复\(screenName)：同意", "the reply in an earlier row names the same pseudonym")
        #expect(rows[3][2].hasPrefix("小猫咪2019x"), "a longer name that starts the same is another name")
        // Without the first pass the reply before the author's row is missed: that is what it is for.
        let single = try parse(try run(dump, name: "replies.csv", rules: rules).output)
        #expect(single[1][2].contains("小猫咪2019"))
    }

    @Test func aLaterRunWithTheSameKeyAgrees() throws {
        let rules = try Self.rules([("post_id", .keep), ("author", .entity(.person))])
        #expect(try run(Self.forum, name: "a.csv", rules: rules).output == run(Self.forum, name: "b.csv", rules: rules).output)
    }

    @Test func hashedColumnsJoinAcrossFiles() throws {
        let rules = try Self.rules([("ip", .hash(length: 12))], other: .keep)
        let rows = try parse(try run(Self.forum, name: "h.csv", rules: rules).output)
        let again = try parse(try run("ip\r\n1.2.3.4\r\n", name: "h2.csv", rules: rules).output)
        #expect(rows[1][3].count == 12 && rows[1][3] != "1.2.3.4")
        #expect(again[1][0] == rows[1][3])
    }

    @Test func aSiblingThatNamesTheKindLabelsTheValue() throws {
        // {"type": "wechat", "value": …}: the value's own name says nothing; its sibling says what it is.
        let line =
            #"{"contacts": [{"type": "wechat", "value": "lina_1990"}, {"id": 3, "primary": true, "label": "微信", "text": "zw-8812"}, {"type": "nickname", "value": "lucky_cat"}]}"#
        let output = try run(line + "\n", name: "k.jsonl", rules: try Self.rules([])).output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let contacts = try #require(object["contacts"] as? [[String: Any]])
        #expect(contacts[0]["value"] as? String == "<WX>")
        #expect(contacts[1]["text"] as? String == "<WX>")
        #expect(contacts[2]["value"] as? String == "lucky_cat", "a nickname is not a WeChat ID")
        #expect(contacts[0]["type"] as? String == "wechat", "the kind itself is kept")
    }

    @Test func jsonPathsReachNestedValues() throws {
        let line =
            #"{"id": 7, "author": {"name": "王芳", "ip": "1.2.3.4", "qq": 402513324}, "text": "我是王芳", "replies": [{"by": "李娜", "text": "回复王芳：电话13812345678"}], "n": 1.5}"#
        let rules = try Self.rules([
            ("id", .keep), ("$.author.name", .entity(.person)), ("$.author.ip", .drop),
            ("$.replies[*].by", .entity(.person)), ("$.author.qq", .hash(length: 8))
        ])
        let output = try run(line + "\n", name: "n.jsonl", rules: rules).output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let author = try #require(object["author"] as? [String: Any])
        let name = try #require(author["name"] as? String)
        #expect(name != "王芳" && name.count == 2)
        #expect(author["ip"] == nil, "a dropped member is gone")
        #expect((author["qq"] as? String)?.count == 8)
        #expect(object["text"] as? String == "我是\(name)")
        let reply = try #require((object["replies"] as? [[String: Any]])?.first)
        #expect(reply["text"] as? String == "回复\(name)：电话<PHONE>")
        #expect(reply["by"] as? String != "李娜")
        // Everything no rule touched is written as it was.
        #expect(output.hasPrefix(#"{"id": 7, "author": {"name": ""#) && output.hasSuffix(#"], "n": 1.5}"# + "\n"))
    }

    @Test func droppingMembersKeepsTheJSONValid() throws {
        let rules = try Self.rules([("a", .drop), ("c", .drop)], other: .keep)
        for (input, expected) in [
            (#"{"a": 1, "b": 2, "c": 3}"#, #"{"b": 2}"#), (#"{"a": 1, "c": [3]}"#, "{}"),
            (#"{"b": 2, "a": {"x": 1}}"#, #"{"b": 2}"#), (#"{"a": 1,  "c": 2, "b": 3}"#, #"{"b": 3}"#)
        ] {
            #expect(try run(input + "\n", name: "d.jsonl", rules: rules).output == expected + "\n")
        }
    }

    @Test func aJSONArrayIsARecordPerElement() throws {
        let input = "[\n  {\"name\": \"王芳\", \"note\": \"电话13812345678\"},\n  {\"name\": \"李娜\", \"note\": \"无\"}\n]\n"
        let output = try run(input, name: "a.json", rules: try Self.rules([("name", .entity(.person))])).output
        let array = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: String]])
        #expect(array.count == 2 && array[0]["note"] == "电话<PHONE>" && array[1]["note"] == "无")
        #expect(array[0]["name"] != "王芳")
        #expect(output.hasPrefix("[\n  {\"name\": \"") && output.hasSuffix("\"note\": \"无\"}\n]\n"))
    }

    @Test func aLargeOneLineJSONArrayIsStreamedAndItsErrorsPlaced() throws {
        // Some 3 MB on one line: more than one read, more than one batch.
        let elements = (0..<20_000).map { #"{"n": \#($0), "t": "电话1381234\#(String(format: "%04d", $0 % 10_000))"}"# }
        let output = try run("[" + elements.joined(separator: ",") + "]", name: "big.json", rules: try Self.rules([("n", .keep)])).output
        let array = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(array.count == 20_000 && array.last?["n"] as? Int == 19_999 && array.allSatisfy { $0["t"] as? String == "电话<PHONE>" })
        for (input, place) in [("[1,,2]", "1:4"), ("[1 2]", "1:4"), ("[{\"a\": 1},\n  {\"b\": 2} x]", "2:12"), ("[{\"a\": 1}", "1:10"), ("[1] x", "1:5")] {
            #expect("\(input)") {
                _ = try run(input, name: "bad.json", rules: FieldRules())
            } throws: { error in
                "\(error)".contains("bad.json:\(place): error: invalid JSON")
            }
        }
    }

    @Test func rowsComeOutInTheirOrderAcrossBatches() throws {
        let rows = (0..<1200).map { "\($0),用户\($0)的电话是1381234\(String(format: "%04d", $0))" }
        let input = "n,text\n" + rows.joined(separator: "\n") + "\n"
        let output = try parse(try run(input, name: "many.csv", rules: try Self.rules([("n", .keep)])).output)
        #expect(output.count == 1201)
        #expect(output.dropFirst().map { $0[0] } == (0..<1200).map(String.init))
        #expect(output.dropFirst().allSatisfy { $0[1].hasSuffix("的电话是<PHONE>") })
    }

    /// A person named in one row is known to the rows after it, in later batches too: 老卢 five
    /// thousand rows on is the 卢立兵 of the first row, and so is the name written bare where
    /// nothing marks it as one (on every core or one, the same output).
    @Test func aPersonNamedInOneRowIsLinkedInTheRowsAfter() throws {
        var rows = ["0,记者：卢立兵，你好。"]
        rows += (1..<5_000).map { "\($0),今天的天气不错，编号\($0)。" }
        rows += ["5000,老卢说了，卢立兵也说了。"]
        let input = "n,text\n" + rows.joined(separator: "\n") + "\n"
        let output = try parse(try run(input, name: "linked.csv", rules: try Self.rules([("n", .keep)])).output)
        let first = try #require(output[1][1].firstMatch(of: /记者：(\p{Han}+)，你好。/)?.1)
        let last = output[5001][1]
        #expect(!first.contains("卢") && !last.contains("卢"), "\(first) \(last)")
        #expect(last == "老\(first.prefix(1))说了，\(first)也说了。")
    }

    /// A dataset cut into parts at the boundaries of its record blocks, each part run apart (as
    /// the partitions of a Spark job are) with the whole dataset's entity values, gives the whole
    /// run's output once its pseudonym collisions are settled: each part notes the originals it
    /// draws for, the claims replayed in input order settle who takes which draw, and each part
    /// runs again drawing as settled. Authors are drawn from few surnames and given names, so
    /// that originals collide across parts, and a reply names an author of another part.
    @Test func aDatasetCutAtBlockBoundariesGivesTheWholeRunsOutput() throws {
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹")
        let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰")
        var random = SplitMix(seed: 19)
        var authors: [String] = []
        var lines: [String] = []
        for number in 0..<1_500 {
            let author = "\(surnames[Int(random.next() % UInt64(surnames.count))])\(given[Int(random.next() % UInt64(given.count))])"
            let reply = authors.isEmpty ? "" : "回复\(authors[Int(random.next() % UInt64(authors.count))])："
            let named =
                "\(surnames[Int(random.next() % UInt64(surnames.count))])\(given[Int(random.next() % UInt64(given.count))])\(given[Int(random.next() % UInt64(given.count))])"
            lines.append(#"{"n": \#(number), "author": "\#(author)", "body": "\#(reply)我是\#(named)，\#(author.prefix(1))先生说得对。"}"#)
            authors.append(author)
        }
        let input = lines.joined(separator: "\n") + "\n"
        let rules = try Self.rules([("$.n", .keep), ("$.author", .entity(.person)), ("$.body", .scan)])
        let engine = try Self.engine(fields: rules)
        let blockSize = 16_384
        let folder = NSTemporaryDirectory() + "veil-parts-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func file(_ name: String, _ bytes: some Collection<UInt8>) -> String {
            _ = FileManager.default.createFile(atPath: folder + name, contents: Data(bytes))
            return folder + name
        }
        func pipeline(_ anonymizer: Anonymizer) -> DocumentPipeline {
            var pipeline = DocumentPipeline(anonymizer: anonymizer, format: .jsonl)
            pipeline.recordBlockSize = blockSize
            return pipeline
        }
        func anonymized(_ pipeline: DocumentPipeline, _ reader: LineReader) throws -> [UInt8] {
            var output: [UInt8] = []
            try pipeline.anonymize(reader) { output += $0.bytes }
            return output
        }
        // The whole dataset in one run.
        let whole = file("whole.jsonl", Array(input.utf8))
        var wholeRun = pipeline(Anonymizer(engine: engine))
        wholeRun.known = try wholeRun.firstPass(over: [whole])
        let expected = try anonymized(wholeRun, try LineReader(path: whole))
        // Parts cut where a line starts in the next block, as Hadoop splits a file at multiples of
        // the split size.
        let bytes = Array(input.utf8)
        var cuts = [0]
        while let last = cuts.last, last + blockSize < bytes.count, let newline = bytes[(last + blockSize)...].firstIndex(of: 0x0A) {
            cuts.append(newline + 1)
        }
        let parts = zip(cuts, cuts.dropFirst() + [bytes.count]).enumerated().map { index, range in
            (path: file("part\(index).jsonl", bytes[range.0..<range.1]), offset: range.0)
        }
        #expect(parts.count >= 4)
        var values = EntityValues()
        for part in parts { try pipeline(Anonymizer(engine: engine)).collectEntityValues(from: try LineReader(path: part.path), into: &values, checking: true) }
        let known = try pipeline(Anonymizer(engine: engine)).knownValues(values)
        // First runs: the claims of each part, in order.
        var claims: [PseudonymClaim] = []
        for part in parts {
            var first = pipeline(Anonymizer(engine: engine, recordingClaims: true))
            first.known = known
            _ = try anonymized(first, try LineReader(path: part.path, startingAt: part.offset))
            claims += first.anonymizer.claims?.claims ?? []
        }
        let settlement = try Anonymizer(engine: engine).settle(claims)
        #expect(!settlement.attempts.isEmpty, "some originals drew another's pseudonym first")
        // Second runs, drawing as settled.
        var output: [UInt8] = []
        for part in parts {
            var second = pipeline(Anonymizer(engine: engine, settlement: settlement))
            second.known = known
            output += try anonymized(second, try LineReader(path: part.path, startingAt: part.offset))
        }
        #expect(String(decoding: output, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func aBadRowStopsTheRunOrIsSkippedAndReported() throws {
        let input = "a,b\n1,电话13812345678\n2,x,extra\n3,ok\n"
        #expect {
            _ = try run(input, name: "bad.csv", rules: FieldRules())
        } throws: { error in
            "\(error)".hasSuffix("bad.csv:3: error: the row has 3 fields; the header has 2")
        }
        let (output, errors) = try run(input, name: "bad.csv", rules: FieldRules(), onError: .skip)
        #expect(output == "a,b\n1,电话<PHONE>\n3,ok\n")
        #expect(errors.map(\.line) == [3])
        let json = "{\"t\": \"电话13812345678\"}\n{\"t\": 1\n{\"t\": \"ok\"}\n"
        let (jsonOutput, jsonErrors) = try run(json, name: "bad.jsonl", rules: FieldRules(), onError: .skip)
        #expect(jsonOutput == "{\"t\": \"电话<PHONE>\"}\n{\"t\": \"ok\"}\n")
        #expect(jsonErrors.map(\.description).allSatisfy { $0.contains("bad.jsonl:2:8: error: invalid JSON") && !$0.contains("1381234") })
    }

    /// A JSONL file read in batches made on every core gives the records and errors, in the same
    /// order, that reading it one record at a time gives: a byte order mark, blank lines, broken
    /// JSON, invalid UTF-8, a line that is not an object, across more than one batch.
    @Test func jsonlRecordsMadeInBatchesAreTheRecordsReadOneByOne() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        for number in 1...9_000 {
            switch number % 1_000 {
            case 17: bytes += Array("{\"id\": \(number), \"body\": \"broken\"\n".utf8)
            case 18: bytes += Array("   \n".utf8)
            case 19: bytes += Array("{\"id\": \(number), \"body\": \"".utf8) + [0xFF] + Array("\"}\n".utf8)
            case 20: bytes += Array("[1, 2]\n".utf8)
            default: bytes += Array("{\"id\": \(number), \"author\": \"王建国\", \"body\": \"电话1381234\(number % 10_000)，QQ 12345\"}\n".utf8)
            }
        }
        bytes += Array("{\"id\": \"last\", \"body\": \"no newline\"}".utf8)
        let path = NSTemporaryDirectory() + "veil-\(UUID().uuidString)-batches.jsonl"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rules = try Self.rules([("author", .entity(.person))])
        let describe = { (read: Result<SourceRecord, any Error>) -> String in
            switch read {
            case .success(let record):
                let rendered = String(decoding: record.render(record.values.map { _ in nil }).bytes, as: UTF8.self)
                return "\(record.line) \(record.id) \(record.values.map { "\($0.text)|\($0.name ?? "-")" }) \(record.fieldNames) \(rendered)"
            case .failure(let error): return "error \(error)"
            }
        }
        var oneByOne = JSONRecordSource(try LineReader(path: path), layout: .lines, rules: rules)
        var expected: [String] = []
        while true {
            do {
                guard let record = try oneByOne.next() else { break }
                expected.append(describe(.success(record)))
            } catch {
                expected.append(describe(.failure(error)))
            }
        }
        var batched = JSONRecordSource(try LineReader(path: path), layout: .lines, rules: rules)
        var found: [String] = []
        var batches = 0
        while case let batch = batched.nextRecords(upTo: 4_096), !batch.isEmpty {
            batches += 1
            found += batch.map(describe)
        }
        #expect(batches == 3)
        #expect(expected.count == 9_001 && expected.filter { $0.hasPrefix("error") }.count == 27)
        #expect(found == expected)
    }
}
