import Foundation
import Testing
import VeilTestSupport

/// The commands a dataset anonymized in parts runs (the Spark integration runs them per partition):
/// `veil values`, `veil anonymize --claims`, `veil settle`, `veil anonymize --settlement`.
@Suite struct PartsTests {
    static let key = ["VEIL_TEST_KEY": "a test key that is long enough"]
    static let policy = "Examples/forum-thread.yaml"

    /// The three steps over a dataset in one part write what `veil anonymize` writes, and only the
    /// values and claims files (which the run keeps private) hold original values.
    @Test func valuesClaimsSettleAndSettlementGiveTheRunsOutput() throws {
        let folder = TemporaryFolder()
        let data = "Examples/forum-thread.jsonl"
        let common = ["--policy", Self.policy, "--key", "env:VEIL_TEST_KEY", "--quiet"]
        let plain = try VeilRunner.run(["anonymize"] + common + [data], environment: Self.key)
        #expect(plain.status == 0, "\(plain.stderr)")

        let values = try VeilRunner.run(["values"] + common + [data], environment: Self.key)
        #expect(values.status == 0, "\(values.stderr)")
        let lines = values.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"{"entity":"PERSON","value":"小猫咪2019"}"#), "\(lines)")
        #expect(Set(lines).count == lines.count, "each value once")
        let known = folder.write("values.jsonl", values.stdout)

        let claims = folder.url.appendingPathComponent("claims.jsonl").path
        let first = try VeilRunner.run(["anonymize"] + common + ["--known-values", known, "--claims", claims, data, "-o", "/dev/null"], environment: Self.key)
        #expect(first.status == 0, "\(first.stderr)")
        let claimed = try String(contentsOfFile: claims, encoding: .utf8)
        #expect(claimed.contains(#""value":"王建国""#))

        let settlement = folder.url.appendingPathComponent("settlement.jsonl").path
        let settled = try VeilRunner.run(["settle", "--policy", Self.policy, "--key", "env:VEIL_TEST_KEY", "-o", settlement, claims], environment: Self.key)
        #expect(settled.status == 0, "\(settled.stderr)")
        let settlementText = try String(contentsOfFile: settlement, encoding: .utf8)
        for original in ["王建国", "小猫咪2019", "13812345678", "lu.libing"] { #expect(!settlementText.contains(original)) }

        let second = try VeilRunner.run(["anonymize"] + common + ["--known-values", known, "--settlement", settlement, data], environment: Self.key)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == plain.stdout)
    }

    /// A part cannot do what only a run over the whole dataset can: draw with a key of its own,
    /// keep a vault, or number originals in the order met.
    @Test func aPartRefusesWhatOnlyTheWholeRunCanDo() throws {
        let folder = TemporaryFolder()
        let known = folder.write("values.jsonl", "")
        let input = Array(#"{"post_id": 1, "body": "电话13812345678"}"#.utf8) + [0x0A]
        let noKey = try VeilRunner.run(["anonymize", "--input-format", "jsonl", "--known-values", known, "-"], stdin: input)
        #expect(noKey.status == 2 && noKey.stderr.contains("needs the run's pseudonym key"), "\(noKey.stderr)")
        let numbered = folder.write(
            "numbered.yaml", "version: 1\nextends: default\nentities:\n  PHONE_NUMBER: {action: replace, with: \"[PHONE_{n}]\"}\n")
        let numberedRun = try VeilRunner.run(
            ["anonymize", "--policy", numbered, "--key", "env:VEIL_TEST_KEY", "--input-format", "jsonl", "--known-values", known, "-"], stdin: input,
            environment: Self.key)
        #expect(numberedRun.status == 2 && numberedRun.stderr.contains("({n} in the rule for PHONE_NUMBER)"), "\(numberedRun.stderr)")
        let vault = try VeilRunner.run(
            [
                "anonymize", "--key", "env:VEIL_TEST_KEY", "--vault", folder.url.appendingPathComponent("run.vault").path, "--input-format", "jsonl", "--input-offset",
                "4194304", "-"
            ],
            stdin: input, environment: Self.key)
        #expect(vault.status == 2 && vault.stderr.contains("cannot keep a vault"), "\(vault.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("run.vault").path))
        let both = try VeilRunner.run(["anonymize", "--claims", "a", "--settlement", "b", "-"], stdin: input)
        #expect(both.status == 2)
    }

    /// A claims or settlement file that is not one names its line.
    @Test func aBrokenSettlementOrClaimsFileNamesItsLine() throws {
        let folder = TemporaryFolder()
        let broken = folder.write("broken.jsonl", "{\"attempt\":1,\"entity\":\"PERSON\",\"original\":\"00\"}\nnot json\n")
        let settle = try VeilRunner.run(["settle", "--key", "env:VEIL_TEST_KEY", broken], environment: Self.key)
        #expect(settle.status != 0 && settle.stderr.contains("broken.jsonl:1: error: expected a claim"), "\(settle.stderr)")
        let run = try VeilRunner.run(
            ["anonymize", "--key", "env:VEIL_TEST_KEY", "--input-format", "jsonl", "--settlement", broken, "-"], stdin: Array("{}\n".utf8),
            environment: Self.key)
        #expect(run.status != 0 && run.stderr.contains("broken.jsonl:1: error: expected a settlement line"), "\(run.stderr)")
    }
}
