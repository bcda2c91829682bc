import Foundation
import Testing
import VeilTestSupport

/// `veil` end to end, as a user runs it.
@Suite(.serialized) struct CLITests {
    /// Every identifier written in the bundled example, as written.
    static let exampleOriginals = [
        "13812345678", "139-2233-4455", "0797-8123456", "6222021234567890128", "11010519491231002X",
        "987654321", "lily_zhang88", "lily.zhang@163.com", "一三八一二三四五六七八", "赣B·D12345", "@小鹿乱撞2019",
        "王建国", "老王"
    ]
    static let key = ["VEIL_TEST_KEY": "a test key that is long enough"]

    @Test func anonymizeTheBundledExample() throws {
        let result = try VeilRunner.run(["anonymize", "Examples/forum-post-zh.txt", "--key", "env:VEIL_TEST_KEY"], environment: Self.key)
        #expect(result.status == 0)
        for original in Self.exampleOriginals {
            #expect(!result.stdout.contains(original), "\(original) survived")
            #expect(!result.stderr.contains(original))
        }
        // Hard negatives in the example stay as they were.
        #expect(result.stdout.contains("订单号 20231129123456") && result.stdout.contains("运费30元"))
        // The city is generalized to its province.
        #expect(result.stdout.contains("去年在江西租的房子") && !result.stdout.contains("赣州"))
        // The phone number written twice (digits, then Chinese numerals) got one pseudonym.
        let digits = try #require(result.stdout.firstMatch(of: /房东电话(1\d{10})/)?.1)
        let numeralForms = Array("〇一二三四五六七八九")
        let numerals = String(digits.map { numeralForms[Int(String($0))!] })
        #expect(result.stdout.contains("号码再写一遍：" + numerals))
        #expect(result.stdout.contains("***************0128"), "bank card masked to its last four digits")
        // A key makes the run repeatable.
        let again = try VeilRunner.run(["anonymize", "Examples/forum-post-zh.txt", "--key", "env:VEIL_TEST_KEY"], environment: Self.key)
        #expect(again.stdout == result.stdout)
    }

    /// The YAML library prints a note to standard output when YAMS_DEFAULT_ENCODING is set; Veil
    /// names the encoding itself, so its output stays the anonymized text and nothing else.
    @Test func standardOutputHoldsOnlyTheOutputWhateverTheEnvironment() throws {
        let plain = try VeilRunner.run(["anonymize", "--key", "env:VEIL_TEST_KEY"], stdin: Array("QQ：12345678".utf8), environment: Self.key)
        let withVariable = try VeilRunner.run(
            ["anonymize", "--key", "env:VEIL_TEST_KEY"], stdin: Array("QQ：12345678".utf8),
            environment: Self.key.merging(["YAMS_DEFAULT_ENCODING": "UTF8"]) { $1 })
        #expect(withVariable.status == 0)
        #expect(withVariable.stdout == plain.stdout)
        #expect(withVariable.stdout.hasPrefix("QQ：") && withVariable.stdout.split(separator: "\n").count == 1)
    }

    @Test func withoutAKeyTheRunSaysSo() throws {
        let result = try VeilRunner.run(["anonymize"], stdin: Array("QQ：12345678".utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("no pseudonym key given"))
        #expect(result.stdout.hasPrefix("QQ：") && !result.stdout.contains("12345678"))
    }

    @Test func scanJSONLIsTheDocumentedContract() throws {
        let scratch = TemporaryFolder()
        let texts = ["电话13812345678微信同号", "No numbers here.", "身份证号11010519491231002X，QQ：壹贰叁肆伍陆柒捌"]
        let lines = texts.enumerated().map { index, text in
            "{\"doc\": \"d\(index)\", \"body\": \(String(data: try! JSONEncoder().encode(text), encoding: .utf8)!), \"keep\": true}"
        }
        let input = scratch.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        let result = try VeilRunner.run(["scan", "--format", "jsonl", "--input-format", "jsonl", "--id-field", "doc", "--text-field", "body", input])
        #expect(result.status == 0)
        let outputLines = result.stdout.split(separator: "\n")
        #expect(outputLines.count == 3)
        var found: [[String]] = []
        for (line, text) in zip(outputLines, texts) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["id", "findings"])
            let scalars = Array(text.unicodeScalars)
            let findings = try #require(object["findings"] as? [[String: Any]])
            found.append(
                try findings.map { finding in
                    let start = try #require(finding["start"] as? Int), end = try #require(finding["end"] as? Int)
                    #expect(finding["entity"] is String && finding["score"] is Double && finding["plugin"] is String)
                    return String(String.UnicodeScalarView(scalars[start..<end]))
                })
        }
        #expect(found == [["13812345678"], [], ["11010519491231002X", "壹贰叁肆伍陆柒捌"]])
        #expect(!result.stdout.contains("13812345678"), "scan output never carries the found text")
    }

    @Test func anonymizeJSONLRewritesOnlyTheTextField() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("in.jsonl", "{\"id\": 1, \"text\": \"电话13812345678\", \"phone_note\": \"13812345678\"}\n")
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let result = try VeilRunner.run(["anonymize", input, "-o", output, "--policy", "Policies/strict.yaml", "--text-field", "text"])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "{\"id\": 1, \"text\": \"电话[PHONE_NUMBER]\", \"phone_note\": \"13812345678\"}\n")
        // Without --text-field, every field no rule names is scanned.
        let scanned = try VeilRunner.run(["anonymize", input, "--policy", "Policies/strict.yaml"])
        #expect(scanned.stdout == "{\"id\": 1, \"text\": \"电话[PHONE_NUMBER]\", \"phone_note\": \"[PHONE_NUMBER]\"}\n")
    }

    @Test func aForumDumpRoundTripsThroughTheVault() throws {
        let scratch = TemporaryFolder()
        let dump =
            "post_id,author,body,date\r\n1,王芳,\"我是王芳，电话13812345678，QQ：402513324\",2023-01-02\r\n"
            + "2,Lu Libing,\"回复王芳：Lu says hi\",2023-01-03\r\n"
        let input = scratch.write("forum.csv", dump)
        let policy = scratch.write(
            "policy.yaml",
            """
            version: 1
            extends: default
            pseudonyms: {key: env:VEIL_TEST_KEY, vault: forum.vault}
            fields:
              post_id: keep
              date: keep
              author: {entity: PERSON}
            """)
        let environment = ["VEIL_TEST_KEY": "a key for the round trip test"]
        let anonymized = scratch.url.appendingPathComponent("out.csv").path
        let run = try VeilRunner.run(["anonymize", "--policy", policy, input, "-o", anonymized], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let output = try String(contentsOfFile: anonymized, encoding: .utf8)
        for original in ["王芳", "13812345678", "402513324", "Lu Libing", "Lu says"] { #expect(!output.contains(original)) }
        #expect(output.hasPrefix("post_id,author,body,date\r\n1,") && output.contains(",2023-01-03\r\n"))
        let revealed = try VeilRunner.run(["reveal", "--policy", policy, anonymized], environment: environment)
        #expect(revealed.status == 0)
        #expect(revealed.stdout == dump)
        let wrongKey = try VeilRunner.run(["reveal", "--policy", policy, anonymized], environment: ["VEIL_TEST_KEY": "not the key of this vault"])
        #expect(wrongKey.status == 2 && wrongKey.stderr.contains("the key does not open this vault"))
        #expect(wrongKey.stdout.isEmpty)
    }

    @Test func badPolicyIsReportedLikeACompilerError() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [phone-cn, phone-xx]\nentities:\n  PHONE_NUMBER: {action: shred}\n")
        let result = try VeilRunner.run(["policy", "check", policy])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(policy):4:26: error: unknown action 'shred'"))
        let good = try VeilRunner.run(["policy", "check", "Policies/strict.yaml"])
        #expect(good.status == 0 && good.stdout.contains("ok"))
        let unknown = try VeilRunner.run(["anonymize", "--policy", scratch.write("u.yaml", "version: 1\nplugins: [phone-xx]\n")], stdin: [])
        #expect(unknown.status == 2 && unknown.stderr.contains("u.yaml:2:11: error: unknown plugin 'phone-xx'"))
    }

    @Test func invalidUTF8FailsClosedWithItsPlace() throws {
        let scratch = TemporaryFolder()
        var bytes = Array("电话13812345678\n第二行".utf8)
        bytes.append(0xC3)
        let input = scratch.write("bad.txt", bytes)
        let result = try VeilRunner.run(["anonymize", input, "-o", scratch.url.appendingPathComponent("out").path + "/"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.txt:2:4: error: invalid UTF-8"))
        #expect(!result.stderr.contains("13812345678"))
        #expect(scratch.files == ["bad.txt", "out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path).isEmpty, "no partial output")
    }

    @Test func runawayPluginPatternFailsTheDocumentClosed() throws {
        let scratch = TemporaryFolder()
        scratch.write(
            "plugins/backtrack/plugin.yaml",
            """
            id: backtrack
            entities: [DEMO]
            patterns: [{regex: '(a+)+$'}]
            examples: {match: [aa, aaa], no_match: [b]}
            """)
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [backtrack, phone-cn]\n")
        let input = scratch.write("in.txt", "电话13812345678 " + String(repeating: "a", count: 40) + "!")
        let output = scratch.url.appendingPathComponent("out.txt").path
        let result = try VeilRunner.run(["anonymize", "--plugins", scratch.url.appendingPathComponent("plugins").path, "--policy", policy, input, "-o", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("in.txt: error: could not scan the document: plugin 'backtrack': pattern 'pattern-1' stopped: match limit exceeded"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let list = try VeilRunner.run(["plugins", "list", "--plugins", scratch.url.appendingPathComponent("plugins").path])
        #expect(list.stdout.contains("backtrack") && list.stdout.contains("--plugins"))
    }

    @Test func pluginsListAndTest() throws {
        let list = try VeilRunner.run(["plugins", "list"])
        #expect(list.status == 0)
        for id in [
            "phone-cn", "phone-intl", "qq", "wechat", "email", "url", "ip", "social-handle", "id-cn", "passport-cn", "hk-id", "tw-id", "bank-card", "iban", "us-ssn",
            "uk-nino", "plate-cn"
        ] {
            #expect(list.stdout.contains("\n" + id + " "), "\(id) is listed")
        }
        let test = try VeilRunner.run(["plugins", "test", "qq", "id-cn"])
        #expect(test.status == 0)
        #expect(test.stdout.contains("ok    qq") && test.stdout.contains("ok    id-cn") && test.stdout.contains(", 0 failed"))
        let unknown = try VeilRunner.run(["plugins", "test", "nope"])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown plugin 'nope'"))
    }

    @Test func scanTableShowsPlacesNotValues() throws {
        let result = try VeilRunner.run(["scan", "Examples/forum-post-zh.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("PHONE_NUMBER") && result.stdout.contains("findings in 1 document: 1 BANK_CARD"))
        for original in Self.exampleOriginals { #expect(!result.stdout.contains(original)) }
    }

    /// A scan's table is printed a page at a time (memory stays that of a page): one header, every
    /// finding once, columns that never narrow, and the run's counts at the end.
    @Test func aLongScanTableIsPrintedInPagesWithOneHeader() throws {
        let scratch = TemporaryFolder()
        let count = 5_000
        // One record per finding; ids of four digits on the first page and five on the last widen
        // the DOCUMENT column there.
        let input = scratch.write(
            "many.jsonl", (1...count).map { "{\"id\": \($0 * 7), \"text\": \"电话1381234\(String(format: "%04d", $0 % 10_000))\"}" }.joined(separator: "\n") + "\n")
        let result = try VeilRunner.run(["scan", input])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.filter { $0.hasPrefix("DOCUMENT") }.count == 1)
        let rows = lines.filter { $0.contains("PHONE_NUMBER") && $0.contains("phone-cn/") }
        #expect(rows.count == count)
        #expect(lines.last == "\(count) findings in \(count) documents: \(count) PHONE_NUMBER")
        // Where each row's ENTITY column starts: never further left than on the row before.
        let starts = rows.compactMap { row in row.range(of: "PHONE_NUMBER").map { row.distance(from: row.startIndex, to: $0.lowerBound) } }
        #expect(starts.count == count && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(starts).count > 1, "a later page widened the columns (five-digit ids)")
    }

    @Test func evalPrintsScoresPerEntityAndBadGoldIsLocated() throws {
        let scratch = TemporaryFolder()
        let gold = scratch.write(
            "gold.jsonl",
            """
            {"id": "a", "text": "电话13812345678，QQ：12345678", "spans": [{"start": 2, "end": 13, "entity": "PHONE_NUMBER"}, {"start": 17, "end": 25, "entity": "QQ_NUMBER"}]}
            {"id": 2, "text": "没有号码", "spans": []}

            """)
        let result = try VeilRunner.run(["eval", "--gold", gold, "--entities", "PHONE_NUMBER", "QQ_NUMBER"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 documents"))
        let phone = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("PHONE_NUMBER") })
        #expect(phone.split(separator: " ").map(String.init) == ["PHONE_NUMBER", "1", "1", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000"])
        let bad = scratch.write("bad.jsonl", "{\"id\": \"a\", \"text\": \"abc\", \"spans\": [{\"start\": 2, \"end\": 9, \"entity\": \"PERSON\"}]}\n")
        let failed = try VeilRunner.run(["eval", "--gold", bad])
        #expect(failed.status == 1 && failed.stderr.contains("bad.jsonl:1: error: span 2..<9 does not fit a text of 3 characters"))
    }
    /// A process plugin that dies on one record: that record is never written out unscanned; the
    /// error names the plugin, the file and the line; `--on-error skip` writes the others.
    @Test func aCrashingProcessPluginFailsItsRecordClosed() throws {
        let scratch = TemporaryFolder()
        let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../VeilCoreTests/Fixtures/process-plugins").standardized.path
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [unruly, phone-cn]\nentities: {default: {action: redact}}\n")
        let input = scratch.write(
            "in.jsonl",
            """
            {"id": 1, "text": "ALICE 13812345678"}
            {"id": 2, "text": "CRASH 秘密 13912345678"}
            {"id": 3, "text": "ALICE again"}

            """)
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let failed = try VeilRunner.run(["anonymize", "--plugins", plugins, "--policy", policy, input, "-o", output])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("in.jsonl:2: error: could not scan the record: plugin 'unruly': exited"))
        #expect(!failed.stderr.contains("秘密") && !failed.stderr.contains("13912345678"))
        #expect(!FileManager.default.fileExists(atPath: output))

        let report = scratch.url.appendingPathComponent("report.json").path
        let skipped = try VeilRunner.run(["anonymize", "--plugins", plugins, "--policy", policy, "--on-error", "skip", "--report", report, input, "-o", output])
        #expect(skipped.status == 1)
        // The report lists the record left out, by place, without its text.
        let reported = try String(contentsOfFile: report, encoding: .utf8)
        #expect(reported.contains("\"skipped\": [{\"line\": 2, \"column\": null, \"message\": \"could not scan the record: plugin 'unruly': exited"))
        #expect(reported.contains("\"documents\": 2") && !reported.contains("秘密") && !reported.contains("13912345678"))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written == "{\"id\": 1, \"text\": \" \"}\n{\"id\": 3, \"text\": \" again\"}\n")
    }

    /// ner-spacy without spaCy or its model says what to install, and nothing is written.
    @Test func nerSpacyExplainsWhatToInstall() throws {
        let scratch = TemporaryFolder()
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/Plugins/ner-spacy").standardized
        let manifest = try String(contentsOf: shipped.appendingPathComponent("plugin.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "--model, en_core_web_sm", with: "--model, no_such_model_for_veil_tests")
        scratch.write("plugins/ner-spacy/plugin.yaml", manifest)
        scratch.write("plugins/ner-spacy/ner_spacy.py", try String(contentsOf: shipped.appendingPathComponent("ner_spacy.py"), encoding: .utf8))
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [ner-spacy, phone-cn]\n")
        let input = scratch.write("in.txt", "Barack Obama called 13812345678.\n")
        let output = scratch.url.appendingPathComponent("out.txt").path
        let result = try VeilRunner.run(["anonymize", "--plugins", scratch.url.appendingPathComponent("plugins").path, "--policy", policy, input, "-o", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("veil: plugin 'ner-spacy': ") && result.stderr.contains("python3 -m"))
        #expect(result.stderr.contains("in.txt: error: could not scan the document: plugin 'ner-spacy'"))
        #expect(!result.stderr.contains("Barack") && !FileManager.default.fileExists(atPath: output))
    }

    /// `--report` over the examples: counts by entity, plugin and action, the policy's hash, the
    /// key's fingerprint — and not one original value (they are looked for in the report's text).
    @Test func theReportCountsEverythingAndHoldsNoOriginal() throws {
        let scratch = TemporaryFolder()
        let texts = ["Examples/forum-post-zh.txt", "Examples/interview-en.txt"]
        // The originals: every span the scan finds in the texts, and the CSV's names and numbers.
        var originals: Set<String> = []
        for path in texts {
            let text = try String(contentsOfFile: VeilRunner.packageRoot.appendingPathComponent(path).path, encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            let scan = try VeilRunner.run(["scan", "--format", "jsonl", path])
            let line = try #require(scan.stdout.split(separator: "\n").first)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for finding in object["findings"] as? [[String: Any]] ?? [] {
                let start = finding["start"] as! Int, end = finding["end"] as! Int
                originals.insert(String(String.UnicodeScalarView(scalars[start..<end])))
            }
        }
        let csv = try String(contentsOfFile: VeilRunner.packageRoot.appendingPathComponent("Examples/forum-dump.csv").path, encoding: .utf8)
        for row in csv.split(separator: "\n").dropFirst() {
            originals.insert(String(row.split(separator: ",")[2]))
            for run in row.split(whereSeparator: { !$0.isNumber }) where run.count >= 5 { originals.insert(String(run)) }
        }
        #expect(originals.count > 20)

        let report = scratch.url.appendingPathComponent("report.json").path
        let key = "a report test key, long enough"
        let result = try VeilRunner.run(
            [
                "anonymize", "--key", "env:VEIL_TEST_KEY", "--report", report, "-o", scratch.url.appendingPathComponent("out").path + "/",
                "--policy", "Examples/forum-dump.yaml", "Examples/forum-dump.csv"
            ] + texts,
            environment: ["VEIL_TEST_KEY": key])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: report, encoding: .utf8)
        for original in originals { #expect(!written.contains(original), "the report holds an original value") }
        #expect(!written.contains(key))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        #expect(inputs.count == 3)
        #expect(inputs.map { $0["documents"] as? Int } == [5, 1, 1])
        let totals = try #require(object["totals"] as? [String: Any])
        let byAction = try #require(totals["by_action"] as? [String: Int])
        #expect(byAction.values.reduce(0, +) == totals["findings"] as? Int)
        #expect((totals["by_entity"] as? [String: Int])?["PHONE_NUMBER"] ?? 0 >= 3)
        let fingerprint = try #require(object["key_fingerprint"] as? String)
        #expect(fingerprint.count == 16 && fingerprint != "ephemeral")
        #expect(((object["policy"] as? [String: Any])?["sha256"] as? String)?.count == 64)
    }

    /// The anonymized examples under version control (Examples/anonymized) are what this build
    /// writes, byte for byte, with the examples' published key.
    @Test(
        arguments: [("interview-en.txt", nil), ("forum-post-zh.txt", nil), ("forum-dump.csv", "forum-dump.yaml"), ("forum-thread.jsonl", "forum-thread.yaml")]
            as [(String, String?)])
    func theExamplesStillAnonymizeToTheirKeptOutput(input: String, policy: String?) throws {
        let key = "the examples' published key: not a secret"
        let arguments = ["anonymize", "--key", "env:VEIL_EXAMPLES_KEY"] + (policy.map { ["--policy", "Examples/\($0)"] } ?? []) + ["Examples/\(input)"]
        let result = try VeilRunner.run(arguments, environment: ["VEIL_EXAMPLES_KEY": key])
        #expect(result.status == 0, "\(result.stderr)")
        let kept = try String(contentsOf: VeilRunner.packageRoot.appendingPathComponent("Examples/anonymized/\(input)"), encoding: .utf8)
        #expect(result.stdout == kept, "Examples/anonymized/\(input) is out of date: run Examples/anonymized/regenerate.sh and review the diff")
    }
}
