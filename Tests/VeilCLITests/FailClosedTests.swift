import Foundation
import Testing
import VeilTestSupport

/// The ways a run could write personal data out unread, or print it where it does not belong,
/// each tried as a user would make the mistake (issue 13's probe).
@Suite struct FailClosedTests {
    @Test func aTextFieldNoRecordHasStopsTheRecordInsteadOfPassingItUnread() throws {
        let scratch = TemporaryFolder()
        let jsonl = scratch.write("in.jsonl", "{\"id\": 1, \"body\": \"电话13812345678\"}\n{\"id\": 2, \"bdoy\": \"电话13912345678\"}\n")
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let failed = try VeilRunner.run(["anonymize", jsonl, "-o", output, "--text-field", "body"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("in.jsonl:2: error: no field of this record is read"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output), "nothing is written when a record fails")
        #expect(!failed.stderr.contains("13912345678"))
        // Skipped, the record is left out and named, never written unread.
        let skipped = try VeilRunner.run(["anonymize", jsonl, "--text-field", "body", "--on-error", "skip"])
        #expect(skipped.status == 1)
        #expect(!skipped.stdout.contains("13912345678") && !skipped.stdout.contains("13812345678"))
        // A CSV file none of whose columns is the one to read stops at its header.
        let csv = scratch.write("in.csv", "id,bdoy\n1,电话13912345678\n")
        let column = try VeilRunner.run(["anonymize", csv, "--text-field", "body"])
        #expect(column.status != 0 && !column.stdout.contains("13912345678"))
        #expect(column.stderr.contains("in.csv:1: error: no column of this file is read"), "\(column.stderr)")
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../VeilCoreTests/Fixtures/process-plugins").standardized.path

    @Test func whatAPluginPrintsAfterItWasSentDocumentsIsCountedNotShown() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [unruly, phone-cn]\n")
        let input = scratch.write("in.txt", "NOISY 秘密 13812345678\n")
        let result = try VeilRunner.run(["scan", "--plugins", Self.fixtures, "--policy", policy, input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("秘密") && !result.stderr.contains("13812345678"), "\(result.stderr)")
        #expect(result.stderr.contains("plugin 'unruly' wrote 1 line on standard error after it was sent documents; not shown"), "\(result.stderr)")
        // Asked for, they are shown.
        let shown = try VeilRunner.run(["scan", "--plugins", Self.fixtures, "--policy", policy, input], environment: ["VEIL_PLUGIN_STDERR": "show"])
        #expect(shown.stderr.contains("veil: plugin 'unruly': debug: working on NOISY 秘密"), "\(shown.stderr)")
    }

    @Test func aFileThatIsNotYAMLIsNotQuotedBackInTheError() throws {
        let scratch = TemporaryFolder()
        // A transcript given to `policy check` by mistake, with a name written twice as a key.
        let transcript = scratch.write("transcript.txt", "王小明: 我的电话是13812345678\n李四: 好的\n王小明: 再见\n")
        let result = try VeilRunner.run(["policy", "check", transcript])
        #expect(result.status != 0)
        #expect(result.stderr.contains("transcript.txt:1:1: error: invalid YAML: a key is written twice"), "\(result.stderr)")
        #expect(!result.stderr.contains("王小明") && !result.stderr.contains("13812345678"), "\(result.stderr)")
    }

    @Test func aBrokenJSONArrayStopsTheRunEvenWhenSkipping() throws {
        let scratch = TemporaryFolder()
        // Its structure broken, the array's next element cannot be found: skipping would repeat
        // the same error forever.
        for (name, text) in [("comma.json", "[{\"id\": 1} {\"id\": 2}]\n"), ("open.json", "[{\"id\": 1}\n"), ("extra.json", "[{\"id\": 1}]]\n")] {
            let input = scratch.write(name, text)
            let output = scratch.url.appendingPathComponent("out-" + name).path
            let result = try VeilRunner.run(["anonymize", "--on-error", "skip", input, "-o", output])
            #expect(result.status == 1, "\(name)")
            #expect(result.stderr.contains("the rest of the file cannot be read"), "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "error:").count == 2, "one error, said once: \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test func outputsThatWouldReplaceAnInputOrADeviceAreRefusedBeforeTheRun() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("in.txt", "电话13812345678\n")
        let link = scratch.url.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        for arguments in [
            ["scan", input, "--report", input], ["anonymize", input, "--report", link], ["anonymize", input, "-o", link],
            ["review", input, "-o", input]
        ] {
            let result = try VeilRunner.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains("it would be overwritten"), "\(arguments): \(result.stderr)")
            #expect(try String(contentsOfFile: input, encoding: .utf8) == "电话13812345678\n", "the input is untouched")
        }
        // A folder is not a file to write; /dev/null is written to, not replaced by a file.
        let folder = try VeilRunner.run(["scan", input, "--report", scratch.url.path])
        #expect(folder.status != 0 && folder.stderr.contains("names a folder or a device"), "\(folder.stderr)")
        let discarded = try VeilRunner.run(["anonymize", input, "-o", "/dev/null"])
        #expect(discarded.status == 0, "\(discarded.stderr)")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func everyProblemOfAPolicyIsReportedInOnePassWithItsPlace() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write(
            "p.yaml",
            """
            version: 1
            plugins: [phone-cn, person-zh, qq-numbr]
            entitys: {}
            entities:
              PHONE_NUMBR: {action: mask}
            deny:
              PERSN: [王小明]
            pseudonyms: {key: env:NO_SUCH_VEIL_TEST_KEY}

            """)
        let result = try VeilRunner.run(["policy", "check", policy])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        // In the file's order, each with its line and column, the misspellings with their likely names.
        #expect(lines.count == 5, "\(result.stderr)")
        #expect(result.stderr.contains("p.yaml:2:32: error: unknown plugin 'qq-numbr'"), "\(result.stderr)")
        #expect(result.stderr.contains("p.yaml:3:1: error: unknown key 'entitys' in a policy (did you mean 'entities'?)"), "\(result.stderr)")
        #expect(result.stderr.contains("p.yaml:5:3: error: no plugin of this policy reports PHONE_NUMBR (did you mean 'PHONE_NUMBER'?)"), "\(result.stderr)")
        #expect(result.stderr.contains("p.yaml:7:3: error: no plugin of this policy reports PERSN (did you mean 'PERSON'?)"), "\(result.stderr)")
        #expect(result.stderr.contains("p.yaml:8:19: error: pseudonym key env:NO_SUCH_VEIL_TEST_KEY"), "\(result.stderr)")
        #expect(lines.map { $0.split(separator: ":")[1] } == ["2", "3", "5", "7", "8"], "\(result.stderr)")
    }

    @Test func aPolicyThatRunsFewerPluginsThanTheOneItExtendsIsNotAnError() throws {
        // It inherits rules for entities it no longer reports (ADDRESS, PERSON): harmless, and not
        // written in this file.
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nextends: default\nplugins: [phone-cn, qq]\nentities:\n  QQ_NUMBER: {action: redact}\n")
        let result = try VeilRunner.run(["policy", "check", policy])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func revealFromAMissingOrEmptyVaultIsAnError() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("in.txt", "陈静说了话\n")
        let missing = scratch.url.appendingPathComponent("no-such.db").path
        let result = try VeilRunner.run(
            ["reveal", "--vault", missing, "--key", "env:VEIL_TEST_KEY", input],
            environment: ["VEIL_TEST_KEY": "a test key that is long enough for veil"])
        #expect(result.status != 0 && result.stdout.isEmpty, "\(result.stderr)")
        #expect(result.stderr.contains("there is no vault here"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing), "reveal does not create a vault")
        let empty = scratch.write("empty.db", "")
        let fromEmpty = try VeilRunner.run(
            ["reveal", "--vault", empty, "--key", "env:VEIL_TEST_KEY", input],
            environment: ["VEIL_TEST_KEY": "a test key that is long enough for veil"])
        #expect(fromEmpty.status != 0 && fromEmpty.stdout.isEmpty)
        #expect(fromEmpty.stderr.contains("holds no pseudonyms"), "\(fromEmpty.stderr)")
    }

    @Test func scanOutputDoesNotEchoIdsOrKeysThatArePersonalData() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write(
            "in.jsonl",
            """
            {"id": 13812345678, "13912345678": "电话13712345678"}
            {"id": 2, "text": "电话13612345678"}

            """)
        let result = try VeilRunner.run(["scan", "--format", "jsonl", input])
        #expect(result.status == 0, "\(result.stderr)")
        for number in ["13812345678", "13912345678", "13712345678", "13612345678"] { #expect(!result.stdout.contains(number), "\(result.stdout)") }
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].contains("\"id\": \"\(input):1\"") && lines[0].contains("\"field\": \"$.[PHONE_NUMBER]\""), "\(result.stdout)")
        #expect(lines.count == 2 && lines[1].hasPrefix("{\"id\": 2,"), "an id that is no personal data is kept: \(result.stdout)")
    }

    @Test func aKilledRunLeavesNoOutputAndItsTemporaryFileIsRemovedByTheNextRun() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("in.txt", String(repeating: "联系电话13812345678，王先生住在武汉市江汉区花园路224号。\n", count: 60_000))
        let output = scratch.url.appendingPathComponent("out.txt").path
        let process = Process()
        process.executableURL = VeilRunner.executable
        process.arguments = ["anonymize", input, "-o", output, "--quiet", "--single-core"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed (SIGKILL: no chance to clean up) once it is writing its temporary output.
        let temporaries = { (try? FileManager.default.contentsOfDirectory(atPath: scratch.url.path))?.filter { $0.hasPrefix(".out.txt.veil-") } ?? [] }
        let deadline = Date().addingTimeInterval(120)
        while temporaries().isEmpty && process.isRunning && Date() < deadline { usleep(2_000) }
        try #require(process.isRunning, "the run ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: output), "no file under the final name")
        #expect(temporaries().count == 1)
        // The next run writing there removes what the killed one left, and finishes.
        let small = scratch.write("small.txt", "联系电话13812345678\n")
        let next = try VeilRunner.run(["anonymize", small, "-o", output])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(temporaries().isEmpty, "\(temporaries())")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("联系电话") && !(try String(contentsOfFile: output, encoding: .utf8)).contains("13812345678"))
    }

    // MARK: A failed run leaves nothing it would not have left on success

    static let key = ["VEIL_TEST_KEY": "fail-closed tests key, long enough"]

    /// Three inputs, the third of which a plugin cannot scan: no output of any is put in place, and
    /// the vault holds no pseudonym of the run; `--report` says why.
    @Test func aRunThatFailsOnALaterInputLeavesNoOutputAndNoVaultClaims() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [unruly, phone-cn, person-zh]\nentities:\n  PERSON: {action: pseudonymize}\n")
        let first = scratch.write("a.txt", "王小明的电话是13812345678。\n"), second = scratch.write("b.txt", "李秀英说好。\n")
        let third = scratch.write("c.txt", "张伟 CRASH\n")
        let vault = scratch.url.appendingPathComponent("v.db").path
        let output = scratch.url.appendingPathComponent("out").path
        let report = scratch.url.appendingPathComponent("report.json").path
        let arguments = ["anonymize", "--plugins", Self.fixtures, "--policy", policy, "--key", "env:VEIL_TEST_KEY", "--vault", vault, "-o", output, "--report", report]
        let failed = try VeilRunner.run(arguments + [first, second, third], environment: Self.key)
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(failed.stderr.contains("c.txt: error: could not scan the document: plugin 'unruly'"), "\(failed.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: output)) == [], "no output of the inputs that were done")
        let said = try String(contentsOfFile: report, encoding: .utf8)
        #expect(said.contains("\"error\": \"") && said.contains("c.txt"), "\(said)")
        // The vault opens, and reveals nothing: the failed run's claims were released.
        let reveal = try VeilRunner.run(["reveal", "--key", "env:VEIL_TEST_KEY", "--vault", vault], stdin: Array("王小明 李秀英".utf8), environment: Self.key)
        #expect(reveal.status != 0 && reveal.stderr.contains("the vault holds no pseudonyms"), "\(reveal.stderr)")
        // Without the failing input the same run writes both files and keeps their pseudonyms.
        let done = try VeilRunner.run(arguments + [first, second], environment: Self.key)
        #expect(done.status == 0, "\(done.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: output).sorted()) == ["a.txt", "b.txt"])
        let written = try String(contentsOfFile: output + "/a.txt", encoding: .utf8)
        let revealed = try VeilRunner.run(["reveal", "--key", "env:VEIL_TEST_KEY", "--vault", vault], stdin: Array(written.utf8), environment: Self.key)
        #expect(revealed.stdout.contains("王小明"), "\(revealed.stdout) \(revealed.stderr)")
    }

    /// A bad row near the end of a CSV file is found by the first pass, before any record is
    /// recognized: the plugin that would crash on the first row is never sent it.
    @Test func aBadRowIsFoundBeforeAnyRecordIsRecognized() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [unruly, phone-cn]\n")
        var rows = "id,body\n1,CRASH 13812345678\n"
        for index in 2..<500 { rows += "\(index),电话1391234\(String(format: "%04d", index))\n" }
        rows += "500,\"an unclosed quote\n"
        let input = scratch.write("in.csv", rows)
        let output = scratch.url.appendingPathComponent("out.csv").path
        let result = try VeilRunner.run(["anonymize", "--plugins", Self.fixtures, "--policy", policy, input, "-o", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("in.csv:501"), "the bad row, not the plugin's crash: \(result.stderr)")
        #expect(!result.stderr.contains("unruly"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A report or output in a folder that does not exist is refused before the run, not after
    /// the work is done (or, for the report, after the outputs were put in place).
    @Test func anOutputInAMissingFolderIsRefusedBeforeTheRun() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("in.txt", "电话13812345678\n")
        let output = scratch.url.appendingPathComponent("out.txt").path
        let missing = scratch.url.appendingPathComponent("no-such-folder/report.json").path
        let result = try VeilRunner.run(["anonymize", input, "-o", output, "--report", missing])
        #expect(result.status == 1 && result.stderr.contains("report.json: error: --report names a file in a folder that does not exist"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        let noFolder = try VeilRunner.run(["anonymize", input, "-o", scratch.url.appendingPathComponent("nowhere/out.txt").path])
        #expect(noFolder.status == 1 && noFolder.stderr.contains("-o names a file in a folder that does not exist"), "\(noFolder.stderr)")
    }

    /// A policy that does not load still gets its report written, naming the error.
    @Test func theReportIsWrittenWhenTheRunStopsOnItsConfiguration() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [phone-cn]\nentities:\n  PHONE_NUMBR: {action: mask}\n")
        let input = scratch.write("in.txt", "电话13812345678\n")
        let report = scratch.url.appendingPathComponent("report.json").path
        for command in ["anonymize", "scan"] {
            let result = try VeilRunner.run([command, "--policy", policy, input, "--report", report])
            #expect(result.status == 2)
            let said = try String(contentsOfFile: report, encoding: .utf8)
            let json = try JSONSerialization.jsonObject(with: Data(said.utf8)) as? [String: Any]
            #expect((json?["error"] as? String)?.contains("p.yaml:4:3: error: no plugin of this policy reports PHONE_NUMBR") == true, "\(said)")
            #expect(json?["policy"] is NSNull && (json?["command"] as? String) == command)
            try FileManager.default.removeItem(atPath: report)
        }
    }

    // MARK: Faults of the machine

    /// The output cannot be written (a folder Veil may not write in, a full disk, a file-size limit):
    /// a clear error naming the output, exit 1, and no file under the final name or beside it.
    @Test func anOutputThatCannotBeWrittenIsAnErrorAndLeavesNothing() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("in.txt", String(repeating: "联系电话13812345678，王先生住在武汉市江汉区花园路224号。\n", count: 20_000))
        // Not writable: a read-only folder (as root, which may write anywhere, a folder of /proc).
        let readOnly = scratch.url.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        chmod(readOnly.path, 0o555)
        defer { chmod(readOnly.path, 0o755) }
        let unwritable = getuid() == 0 ? "/proc/veil-test-\(getpid()).txt" : readOnly.appendingPathComponent("out.txt").path
        let refused = try VeilRunner.run(["anonymize", input, "-o", unwritable, "--quiet"])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("\(unwritable): error: cannot create the output file"), "\(refused.stderr)")
        // A full disk: /dev/full refuses every write with ENOSPC.
        let full = try VeilRunner.run(["anonymize", input, "-o", "/dev/full", "--quiet"])
        #expect(full.status == 1 && full.stderr.contains("/dev/full: error: cannot write the output"), "\(full.stderr)")
        // A file-size limit (ulimit -f) stops writing part way, as a disk filling up does.
        let output = scratch.url.appendingPathComponent("out.txt").path
        let limited = try VeilRunner.run(
            ["-c", "ulimit -f 64; exec \"$0\" anonymize \"$1\" -o \"$2\" --quiet", VeilRunner.executable.path, input, output],
            shell: true)
        #expect(limited.status == 1, "\(limited.stderr)")
        #expect(limited.stderr.contains("out.txt: error: cannot write the output"), "\(limited.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(scratch.files.filter { $0.contains(".veil-") }.isEmpty, "no temporary file left: \(scratch.files)")
        #expect(!(refused.stderr + full.stderr + limited.stderr).contains("13812345678"))
    }

    /// A plugin that writes megabytes to standard error while it works does not stall the run
    /// (its pipe is drained), and none of it is shown.
    @Test func aPluginFloodingStandardErrorDoesNotStallTheRun() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [unruly, phone-cn]\n")
        let input = scratch.write(
            "in.jsonl", (1...20).map { "{\"id\": \($0), \"body\": \"FLOOD 秘密 1381234\(String(format: "%04d", $0))\"}" }.joined(separator: "\n") + "\n")
        let result = try VeilRunner.run(["anonymize", "--plugins", Self.fixtures, "--policy", policy, input, "--single-core"])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stdout.split(separator: "\n").count == 20 && !result.stdout.contains("13812340001"))
        #expect(result.stderr.utf8.count < 2_000 && !result.stderr.contains("秘密"), "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains("not shown"))
    }

    /// Records that no real dataset has — a row of more than 100,000 fields, JSON nested more than
    /// 512 deep — are errors with their place, not memory or stack exhausted.
    @Test func recordsBeyondTheLimitsAreLocatedErrors() throws {
        let scratch = TemporaryFolder()
        let wide = scratch.write("wide.csv", "id,body\n1,ok\n" + String(repeating: "x,", count: 100_000) + "x\n")
        let result = try VeilRunner.run(["anonymize", wide])
        #expect(result.status == 1 && result.stderr.contains("wide.csv:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("the record has more than 100000 fields"))
        let deep = scratch.write("deep.jsonl", "{\"id\": 1, \"v\": " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}\n")
        let nested = try VeilRunner.run(["anonymize", deep])
        #expect(nested.status == 1 && nested.stderr.contains("deep.jsonl:1:") && nested.stderr.contains("nested more than 512 deep"), "\(nested.stderr)")
    }

    /// Veil killed (SIGKILL: no chance to stop its plugins) while a process plugin works: the
    /// plugin does not run on without it.
    @Test func aProcessPluginDoesNotOutliveAKilledVeil() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nplugins: [unruly]\n")
        // The plugin sleeps 30 s on each of these (Veil gives up on it after 3, and starts it again).
        let input = scratch.write("in.jsonl", (1...3).map { "{\"id\": \($0), \"text\": \"HANG\"}" }.joined(separator: "\n") + "\n")
        // The plugin writes its process id here when it starts to hang (it has greeted and been sent the document).
        let mark = scratch.url.appendingPathComponent("hanging").path
        let process = Process()
        process.executableURL = VeilRunner.executable
        process.arguments = ["anonymize", "--plugins", Self.fixtures, "--policy", policy, "--on-error", "skip", "--single-core", input]
        process.environment = ProcessInfo.processInfo.environment.merging(["UNRULY_HANGING_MARK": mark]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: mark) && process.isRunning && Date() < deadline { usleep(10_000) }
        let child = try #require((try? String(contentsOfFile: mark, encoding: .utf8)).flatMap { pid_t($0) }, "the plugin was not seen hanging")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let gone = Date().addingTimeInterval(20)
        while Self.isAlive(child) && Date() < gone { usleep(10_000) }
        #expect(!Self.isAlive(child), "the plugin (pid \(child)) still runs after Veil was killed")
        if Self.isAlive(child) { kill(child, SIGKILL) }
    }

    /// Whether `pid` runs (a zombie waiting to be reaped does not).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }
}
