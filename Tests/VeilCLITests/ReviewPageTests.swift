import Foundation
import Testing
import VeilTestSupport

/// The review page as a person sees it, in a real browser: headless Chromium (Debian's `chromium`,
/// installed by `make deps` and CI) opens the page, and a self-check in the page reports what is
/// highlighted and shown before and after the view is toggled.
@Suite struct ReviewPageTests {
    static var chromium: String? {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// The DOM after the page's scripts ran (`--dump-dom`).
    static func renderedDOM(of page: String, fragment: String) throws -> String {
        let browser = try #require(chromium, "headless Chromium is needed: apt-get install chromium")
        // Chromium's profile, removed with the value.
        let profile = TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--virtual-time-budget=5000", "--dump-dom", URL(fileURLWithPath: page).absoluteString + fragment
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theBrowserShowsEveryChangeHighlightedAndTheToggleWorks() throws {
        let scratch = TemporaryFolder()
        let page = scratch.url.appendingPathComponent("review.html").path
        let result = try VeilRunner.run(["review", "Examples/forum-post-zh.txt", "Examples/interview-en.txt", "-o", page])
        #expect(result.status == 0, "\(result.stderr)")
        let stated = try #require(result.stderr.firstMatch(of: /wrote .*: (\d+) changes in 2 files/)).1
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // Self-contained: nothing is loaded from anywhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<link"))
        #expect(html.contains("This page shows the original text."))

        let dom = try Self.renderedDOM(of: page, fragment: "#selftest")
        let selftest = try #require(dom.firstMatch(of: /data-selftest="([^"]*)"/)).1
        let facts = Dictionary(
            uniqueKeysWithValues: selftest.split(separator: ";").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), String(parts[1]))
            })
        #expect(facts["changes"] == String(stated) && facts["recorded"] == String(stated))
        #expect(facts["replacementShown"] == "true")
        #expect(dom.contains("id=\"total-changes\">\(stated)<"))
        #expect(facts["highlighted"] == "true")
        #expect(facts["originalShown"] == "true" && facts["anonymizedShown"] == "false")
        #expect(facts["afterToggle.originalShown"] == "false" && facts["afterToggle.anonymizedShown"] == "true")
        #expect(facts["sideBySide.both"] == "true")
        // What the scan finds in the transcript is what the page highlights.
        let scan = try VeilRunner.run(["scan", "--format", "jsonl", "Examples/interview-en.txt"])
        let text = Array(try String(contentsOf: VeilRunner.packageRoot.appendingPathComponent("Examples/interview-en.txt"), encoding: .utf8).unicodeScalars)
        for match in scan.stdout.matches(of: /"start": (\d+), "end": (\d+)/) {
            let found = String(String.UnicodeScalarView(text[Int(match.1)!..<Int(match.2)!]))
            #expect(dom.contains(">\(found)</mark>"), "\(found) is highlighted")
        }
    }

    @Test func aDatasetIsReviewedRecordByRecordUnderItsFieldRules() throws {
        let scratch = TemporaryFolder()
        let page = scratch.url.appendingPathComponent("dump.html").path
        let result = try VeilRunner.run(["review", "--policy", "Examples/forum-dump.yaml", "Examples/forum-dump.csv", "-o", page])
        #expect(result.status == 0, "\(result.stderr)")
        // As many changes as `veil anonymize --report` counts findings for the same file.
        let report = scratch.url.appendingPathComponent("report.json").path
        _ = try VeilRunner.run(["anonymize", "--policy", "Examples/forum-dump.yaml", "--report", report, "Examples/forum-dump.csv"])
        let counted = try #require(try String(contentsOfFile: report, encoding: .utf8).firstMatch(of: /"documents": 5, "findings": (\d+)/)).1
        #expect(result.stderr.contains("wrote \(page): \(counted) changes in 1 file"))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<h2>Examples/forum-dump.csv:2 body</h2>") && html.contains(">王建国</mark>"))
        // Kept columns are not shown; a limit is said.
        #expect(!html.contains("forum-dump.csv:2 posted_at"))
        let limited = try VeilRunner.run(["review", "--policy", "Examples/forum-dump.yaml", "--records", "2", "Examples/forum-dump.csv", "-o", page])
        #expect(limited.stderr.contains("the page shows its first 2 records"))
    }
}
