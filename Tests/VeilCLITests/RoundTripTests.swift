import Foundation
import Testing
import VeilTestSupport

/// `veil reveal` gives back exactly what `veil anonymize` was given, byte for byte, when every
/// action is reversible — for every format, on a generated forum dump — and touches nothing the
/// run did not change.
@Suite(.serialized) struct RoundTripTests {
    static let environment = ["VEIL_TEST_KEY": "a key for the round trip tests"]
    /// Rows per generated dump (VEIL_ROUND_TRIP_ROWS overrides).
    static let rows = ProcessInfo.processInfo.environment["VEIL_ROUND_TRIP_ROWS"].flatMap(Int.init) ?? 10_000

    /// Every entity pseudonymized, or replaced by a numbered template: all reversible.
    static func policy(_ scratch: TemporaryFolder, vault: String) -> String {
        scratch.write(
            "policy.yaml",
            """
            version: 1
            extends: default
            pseudonyms: {key: env:VEIL_TEST_KEY, vault: \(vault)}
            entities:
              BANK_CARD: {action: pseudonymize}
              URL: {action: pseudonymize}
              LOCATION: {action: pseudonymize}
              ADDRESS: {action: pseudonymize}
              default: {action: replace, with: "<{entity}_{n}>"}
            fields:
              id: keep
              date: keep
              author: {entity: PERSON}
            """)
    }

    /// Anonymizes `contents` as `name`, checks personal data is gone, reveals and returns the result.
    private func roundTrip(_ contents: String, name: String) throws -> (input: String, anonymized: String, revealed: String, stderr: String) {
        let scratch = TemporaryFolder()
        let input = scratch.write(name, contents)
        let policy = Self.policy(scratch, vault: "dump.vault")
        let output = scratch.url.appendingPathComponent("out-" + name).path
        let run = try VeilRunner.run(["anonymize", "--policy", policy, input, "-o", output], environment: Self.environment, in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let anonymized = try String(contentsOfFile: output, encoding: .utf8)
        let revealed = try VeilRunner.run(["reveal", "--policy", policy, output], environment: Self.environment, in: scratch.url)
        #expect(revealed.status == 0, "\(revealed.stderr)")
        return (contents, anonymized, revealed.stdout, revealed.stderr)
    }

    private func check(_ result: (input: String, anonymized: String, revealed: String, stderr: String)) {
        #expect(result.anonymized != result.input)
        for original in ["卢立兵", "韦玉", "韦宇", "欧阳明", "13"] where result.input.contains(original) && original != "13" {
            #expect(!result.anonymized.contains(original), "\(original) is left in the output")
        }
        let firstDifference = zip(result.revealed.utf8, result.input.utf8).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(
            result.revealed == result.input,
            "revealed text differs from the input (lengths \(result.revealed.utf8.count) and \(result.input.utf8.count), first at byte \(firstDifference ?? -1))")
        #expect(result.stderr.contains("changes restored") && !result.stderr.contains("left as written"), "\(result.stderr)")
    }

    @Test func csvRoundTrips() throws {
        check(try roundTrip(ForumDump(rows: Self.rows, seed: 1).csv, name: "dump.csv"))
    }

    @Test func jsonlRoundTrips() throws {
        check(try roundTrip(ForumDump(rows: Self.rows, seed: 2).jsonl, name: "dump.jsonl"))
    }

    @Test func jsonArrayRoundTrips() throws {
        check(try roundTrip(ForumDump(rows: Self.rows / 4, seed: 3).jsonArray, name: "dump.json"))
    }

    @Test func textRoundTrips() throws {
        check(try roundTrip(ForumDump(rows: Self.rows / 4, seed: 4).text, name: "dump.txt"))
    }

    /// Reveal works from where the run wrote, never by searching: a pseudonym string the run did
    /// not write (a line added since) stays as it is, and the added line is named.
    @Test func revealTouchesOnlyWhatTheRunChanged() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("post.txt", "卢立兵说，老卢会来。电话13812345678。\n老周说哈尔滨的平安银行很好。\n")
        let policy = Self.policy(scratch, vault: "post.vault")
        let run = try VeilRunner.run(["anonymize", "--policy", policy, input], environment: Self.environment, in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let pseudonym = try #require(run.stdout.split(separator: "说").first.map(String.init))
        #expect(pseudonym != "卢立兵")
        // An editor adds a line naming the pseudonym; that line is not the run's, so it stays.
        let edited = "编者按：\(pseudonym)的原话。\n" + run.stdout
        let revealed = try VeilRunner.run(["reveal", "--policy", policy], stdin: Array(edited.utf8), environment: Self.environment, in: scratch.url)
        #expect(revealed.status == 0, "\(revealed.stderr)")
        #expect(revealed.stdout == "编者按：\(pseudonym)的原话。\n" + (try String(contentsOfFile: input, encoding: .utf8)))
        #expect(revealed.stderr.contains("1 line differs from the output the run wrote (line 1)"), "\(revealed.stderr)")
        // Text no run wrote is refused, not searched.
        let stranger = try VeilRunner.run(["reveal", "--policy", policy], stdin: Array("\(pseudonym)说好。\n".utf8), environment: Self.environment, in: scratch.url)
        #expect(stranger.status != 0 && stranger.stderr.contains("not an output the vault recorded") && stranger.stdout.isEmpty, "\(stranger.stderr)")
        #expect(!stranger.stderr.contains(pseudonym))
    }

    /// A transcript split over two files gets the pseudonyms the single file gets: the second file
    /// knows the people the first named.
    @Test func aTranscriptSplitOverFilesIsAnonymizedAsOne() throws {
        let scratch = TemporaryFolder()
        let first = "记者：卢立兵，你好。请问韦玉来了吗？\n卢立兵：你好。韦宇来了。\n"
        let second = "记者：老卢，说说论坛。\n卢先生：我是版主，小韦也在。Lu Libing is my name.\n"
        let whole = scratch.write("whole.txt", first + second)
        let parts = [scratch.write("part1.txt", first), scratch.write("part2.txt", second)]
        let policy = Self.policy(scratch, vault: "split.vault")
        let single = try VeilRunner.run(["anonymize", "--policy", policy, whole], environment: Self.environment, in: scratch.url)
        let split = try VeilRunner.run(["anonymize", "--policy", policy] + parts, environment: Self.environment, in: scratch.url)
        #expect(single.status == 0 && split.status == 0, "\(single.stderr) \(split.stderr)")
        #expect(split.stdout == single.stdout)
        #expect(!split.stdout.contains("卢") && !split.stdout.contains("Lu "), "\(split.stdout)")
    }

    /// In a forum dump, the pseudonym of each author in the author column is the one the post's
    /// body gives that author — also for screen names holding a place (深圳打工仔), title forms
    /// (欧阳先生), placeholders (关某某) and 小+compound surname (小澹台), on every line of a cell.
    @Test func anAuthorIsOnePseudonymInTheColumnAndInTheBody() throws {
        let scratch = TemporaryFolder()
        var dump = ForumDump(rows: 1_500, seed: 5).csv
        dump += "9001,深圳打工仔,\"第一行\n深圳打工仔是我表哥\n第三行\"\r\n9002,关某某,关某某说了,2023-01-01\r\n"
        dump = dump.replacingOccurrences(of: "第三行\"\r\n9002", with: "第三行\",2023-01-01\r\n9002")
        dump += "9003,小澹台,小澹台来了,2023-01-01\r\n9004,欧阳先生,\"欧阳先生好\n欧阳先生再见\",2023-01-01\r\n"
        let input = scratch.write("dump.csv", dump)
        let policy = Self.policy(scratch, vault: "authors.vault")
        let run = try VeilRunner.run(["anonymize", "--policy", policy, input], environment: Self.environment, in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = { (text: String) in
            text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst().map { row in row.split(separator: ",", maxSplits: 2).map(String.init) }
        }
        let before = rows(dump), after = rows(run.stdout)
        #expect(before.count == after.count)
        var checked = 0
        for (original, written) in zip(before, after) where original.count == 3 && written.count == 3 {
            let (author, body) = (original[1].trimmingCharacters(in: ["\""]), original[2])
            guard body.contains(author) else { continue }
            let pseudonym = written[1].trimmingCharacters(in: ["\""])
            #expect(pseudonym != author && written[2].contains(pseudonym) && !written[2].contains(author), "\(original) → \(written)")
            checked += 1
        }
        #expect(checked > 100)
    }

    /// Masked, generalized and redacted values stay as written, and reveal counts them.
    @Test func irreversibleChangesAreCountedAndLeft() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("post.txt", "卢立兵的卡号6222021234567890128，住在赣州。\n")
        let policy = scratch.write(
            "mixed.yaml",
            """
            version: 1
            extends: default
            pseudonyms: {key: env:VEIL_TEST_KEY, vault: mixed.vault}
            """)
        let output = scratch.url.appendingPathComponent("out.txt").path
        let run = try VeilRunner.run(["anonymize", "--policy", policy, input, "-o", output], environment: Self.environment, in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let revealed = try VeilRunner.run(["reveal", "--policy", policy, output], environment: Self.environment, in: scratch.url)
        #expect(revealed.status == 0, "\(revealed.stderr)")
        #expect(revealed.stdout.hasPrefix("卢立兵的卡号") && !revealed.stdout.contains("6222021234567890128") && !revealed.stdout.contains("赣州"), "\(revealed.stdout)")
        #expect(revealed.stderr.contains("1 change restored; 2 left as written"), "\(revealed.stderr)")
    }
}
