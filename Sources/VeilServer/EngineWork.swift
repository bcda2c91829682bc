import Dispatch
import Synchronization

/// Runs the engine's work for requests: off Swift's cooperative threads (recognizing a document is
/// seconds of CPU at worst, and those threads also carry every connection's reads and writes), with
/// a bound on how many requests are worked on at once and a time limit on each.
///
/// Work cannot be stopped halfway — recognizing is plain CPU work — so a request past its time
/// limit is answered 503 at once and the result of its work, when it comes, is dropped: nothing of
/// a document is ever returned half-done. Its slot is held until the work ends, so that requests
/// that time out cannot pile work up behind the bound.
final class EngineWork: Sendable {
    private let inFlight = Atomic<Int>(0)
    let limit: Int
    let timeLimit: Duration

    init(limit: Int, timeLimit: Duration) {
        self.limit = limit
        self.timeLimit = timeLimit
    }

    /// How many requests are being worked on now.
    var count: Int { inFlight.load(ordering: .relaxed) }

    /// A place among the requests worked on, taken by ``admit()`` and given back by `release()`
    /// (once) when the request's work has ended.
    struct Slot: Sendable {
        fileprivate let work: EngineWork
        func release() { work.inFlight.subtract(1, ordering: .releasing) }
    }

    /// A slot for a request's work; 429 when `limit` requests are already worked on.
    func admit() throws(APIError) -> Slot {
        let admitted = inFlight.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue
        guard admitted <= limit else {
            inFlight.subtract(1, ordering: .releasing)
            throw APIError.busy()
        }
        return Slot(work: self)
    }

    /// The result of `work`, run on a thread of its own; throws 429 when `limit` requests are
    /// already worked on, 503 when it takes longer than the time limit, and what `work` throws.
    func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await run(in: admit(), work)
    }

    /// The same in a slot already taken, which it gives back when the work ends.
    func run<Result: Sendable>(in slot: Slot, _ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        let answer = Answer<Result>()
        let timeLimit = timeLimit
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
                answer.wait(continuation)
                // The timer ends as soon as the work does: a sleeping task per finished request
                // would pile up under load.
                let timer = Task {
                    try await Task.sleep(for: timeLimit)
                    answer.give(.failure(APIError.timedOut(timeLimit)))
                }
                DispatchQueue.global().async {
                    let outcome = Swift.Result { try work() }
                    slot.release()
                    answer.give(outcome)
                    timer.cancel()
                }
            }
        } onCancel: {
            answer.give(.failure(CancellationError()))
        }
    }
}

/// The one answer a request gets: the first of its work's result, its time limit or its
/// cancellation; what comes later is dropped.
private final class Answer<Value: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Value, any Error>?, given: Bool)>((nil, false))

    func wait(_ continuation: CheckedContinuation<Value, any Error>) {
        let early: Bool = state.withLock { state in
            if state.given { return true }
            state.continuation = continuation
            return false
        }
        if early { continuation.resume(throwing: CancellationError()) }
    }

    func give(_ outcome: Result<Value, any Error>) {
        let continuation: CheckedContinuation<Value, any Error>? = state.withLock { state in
            guard !state.given else { return nil }
            state.given = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: outcome)
    }
}
