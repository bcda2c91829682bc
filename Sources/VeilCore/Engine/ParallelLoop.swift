import Dispatch
import Foundation
import Synchronization

/// Runs a loop body for every index on every core: the calling thread and one helper per other
/// core each take the next index as they finish one, so uneven items balance themselves, and the
/// call returns when all are done.
///
/// Unlike `DispatchQueue.concurrentPerform`, which on Linux may run a loop started from a pool
/// thread on fewer threads than there are cores, the helpers are always started.
package enum ParallelLoop {
    /// Calls `body(index)` for each index in `0..<count`, in parallel, and waits for all of them.
    ///
    /// The call waits for the items, not for the helpers: a helper the thread pool has not started
    /// by the time the other threads have taken every item finds nothing left and returns, so a
    /// loop started on a pool thread never waits for the pool to grow (libdispatch on Linux adds a
    /// thread to a busy pool only after about a second).
    package static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let loop = SharedLoop(count: count, body: body)
        for _ in 1..<workers { DispatchQueue.global().async { loop.work() } }
        loop.work()
        loop.waitUntilDone()
    }

    /// `body(index)` for each index in `0..<count`, in parallel when `parallel`, the results in
    /// index order. `order` lists the indices in the order to start them (the largest items first,
    /// so that none is left to run alone at the end).
    package static func map<Result: Sendable>(
        _ count: Int, parallel: Bool = true, order: [Int]? = nil, _ body: @escaping @Sendable (Int) -> Result
    ) -> [Result] {
        guard parallel else { return (0..<count).map(body) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each index is written once, by the thread that took it.
            nonisolated(unsafe) let slots = buffer
            run(count) { position in
                let index = order?[position] ?? position
                (slots.baseAddress! + index).initialize(to: body(index))
            }
            initialized = count
        }
    }

    /// The items of one `run`: the next index to take, how many are finished, and a signal when
    /// the last one is.
    private final class SharedLoop: Sendable {
        private let count: Int
        private let body: @Sendable (Int) -> Void
        private let next = Atomic<Int>(0)
        private let finished = Atomic<Int>(0)
        private let allFinished = DispatchSemaphore(value: 0)

        init(count: Int, body: @escaping @Sendable (Int) -> Void) {
            self.count = count
            self.body = body
        }

        /// Takes the next item until none is left.
        func work() {
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
                if finished.add(1, ordering: .acquiringAndReleasing).newValue == count { allFinished.signal() }
            }
        }

        func waitUntilDone() { allFinished.wait() }
    }
}
