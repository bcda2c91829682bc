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
    package static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = Counter()
        let work: @Sendable () -> Void = {
            while true {
                let index = next.value.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
        let group = DispatchGroup()
        for _ in 1..<workers { DispatchQueue.global().async(group: group, execute: work) }
        work()
        group.wait()
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

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }
}
