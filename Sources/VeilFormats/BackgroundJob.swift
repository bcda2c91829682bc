import Dispatch
import Synchronization

/// Work started on another thread whose result is collected later, so the calling thread can read
/// the next input or write the last output meanwhile.
///
/// `wait()` blocks until the work is done. An owner that may throw before collecting the result
/// waits in a `defer`, so no work outlives the call that started it.
final class BackgroundJob<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let result = Mutex<Result<Value, any Error>?>(nil)

    init(_ work: @escaping @Sendable () throws -> Value) {
        group.enter()
        DispatchQueue.global().async { [self] in
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            group.leave()
        }
    }

    /// The work's value, once it is done; rethrows its error.
    func wait() throws -> Value {
        group.wait()
        return try result.withLock { $0! }.get()
    }
}
