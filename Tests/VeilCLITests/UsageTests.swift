import Foundation
import Testing
import VeilTestSupport

/// The command line's contract with scripts: usage errors exit 2 as the README says, odd option
/// values are errors and never traps, and `scan` needs no key.
@Suite struct UsageTests {
    @Test(arguments: [
        ["scna", "post.txt"], ["scan", "--bogus", "post.txt"], ["anonymize", "--on-error", "maybe"], ["plugins", "test", "no-such-plugin"],
        // A server with no tokens, an open one off loopback, tokens that cannot be read, an address that is none.
        ["serve"], ["serve", "--no-auth", "--listen", "0.0.0.0:8080"], ["serve", "--token-file", "/no/such/tokens"], ["serve", "--no-auth", "--listen", "8080"]
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try VeilRunner.run(arguments, stdin: [])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func helpExitsZero() throws {
        let result = try VeilRunner.run(["scan", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--policy"))
    }

    /// A field name with a quote, a dot or a bracket names one top-level field, as written.
    @Test func aTextFieldWithAQuoteIsAFieldName() throws {
        let scratch = TemporaryFolder()
        let input = scratch.write("in.jsonl", "{\"it's.a[field]\": \"电话13812345678\", \"other\": \"13912345678\"}\n")
        let result = try VeilRunner.run(
            ["anonymize", "--key", "env:VEIL_TEST_KEY", "--text-field", "it's.a[field]", input],
            environment: CLITests.key)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("13812345678"))
        #expect(result.stdout.contains("\"other\": \"13912345678\"") || result.stdout.contains("\"other\":\"13912345678\""), "\(result.stdout)")
    }

    /// Scanning writes no pseudonym: a policy whose key variable is not set still scans.
    @Test func scanNeedsNoKey() throws {
        let scratch = TemporaryFolder()
        let policy = scratch.write("p.yaml", "version: 1\nextends: default\npseudonyms: {key: env:NO_SUCH_VEIL_TEST_KEY}\n")
        let scanned = try VeilRunner.run(["scan", "--format", "jsonl", "--policy", policy], stdin: Array("QQ：12345678".utf8))
        #expect(scanned.status == 0, "\(scanned.stderr)")
        #expect(scanned.stdout.contains("QQ_NUMBER"))
        let anonymized = try VeilRunner.run(["anonymize", "--policy", policy], stdin: Array("QQ：12345678".utf8))
        #expect(anonymized.status == 2)
        #expect(anonymized.stderr.contains("p.yaml:3:19: error: pseudonym key env:NO_SUCH_VEIL_TEST_KEY"), "\(anonymized.stderr)")
    }
}
