import Synchronization
import Testing

@testable import VeilCore

@Suite struct ParallelLoopTests {
    final class Tally: Sendable {
        let counts: Mutex<[Int]>
        init(_ count: Int) { counts = Mutex([Int](repeating: 0, count: count)) }
    }

    @Test(arguments: [0, 1, 2, 3, 1_000])
    func everyIndexRunsExactlyOnce(count: Int) {
        let tally = Tally(count)
        ParallelLoop.run(count) { index in tally.counts.withLock { $0[index] += 1 } }
        #expect(tally.counts.withLock { $0 } == [Int](repeating: 1, count: count))
    }
}
