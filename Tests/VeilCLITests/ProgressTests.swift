import Testing

@testable import VeilCLI

@Suite struct ProgressTests {
    @Test func theLineSaysDoneOfTotalRateAndTimeLeft() {
        #expect(Progress.line(done: 12 << 20, total: 100 << 20, elapsed: 3) == "veil: 12.0 MB of 100.0 MB (12%), 4.0 MB/s, 22 s left")
        #expect(Progress.line(done: 1 << 20, total: 400 << 20, elapsed: 1) == "veil: 1.0 MB of 400.0 MB (0%), 1.0 MB/s, 6 min 39 s left")
        // Standard input has no size: what is done and the rate only.
        #expect(Progress.line(done: 3 << 20, total: nil, elapsed: 2) == "veil: 3.0 MB, 1.5 MB/s")
    }

    @Test func theLineIsDrawnOnlyOnATerminalAndNotWithQuiet() {
        #expect(Progress(sizes: [100], quiet: false, isTerminal: true).isEnabled)
        #expect(!Progress(sizes: [100], quiet: false, isTerminal: false).isEnabled)
        #expect(!Progress(sizes: [100], quiet: true, isTerminal: true).isEnabled)
    }
}
