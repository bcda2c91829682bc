internal import CSpawn
import Foundation
import Synchronization

/// A plugin program started by Veil: its process id, whether it still runs, and stopping it.
/// Started through ``Spawner`` so that it dies with Veil — also when Veil is killed and cannot
/// stop it (the kernel sends it SIGKILL; Linux).
final class ChildProcess: Sendable {
    let pid: pid_t
    /// Its wait status once it has ended and been reaped.
    private let ended = Mutex<Int32?>(nil)

    /// Starts `path` with `arguments` in `directory`, on the given descriptors (the parent closes
    /// its copies of the child's ends after). Throws the errno of a fork, chdir or exec that failed.
    init(path: String, arguments: [String], directory: String, input: Int32, output: Int32, error: Int32) throws(POSIXError) {
        pid = try Spawner.shared.spawn(path: path, arguments: arguments, directory: directory, descriptors: (input, output, error))
    }

    /// Whether the program still runs (reaps it once it has ended).
    var isRunning: Bool {
        ended.withLock { ended in
            guard ended == nil else { return false }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno == ECHILD) { ended = status }
            return ended == nil
        }
    }

    /// Sends SIGKILL (if it still runs) and waits for it to end.
    func kill() {
        guard isRunning else { return }
        _ = Foundation.kill(pid, SIGKILL)
        ended.withLock { ended in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            ended = status
        }
    }

    deinit { kill() }
}

/// Starts child processes from one thread that lives as long as Veil: the kernel sends a child
/// its parent-death signal when the thread that forked it ends, so a child forked on a worker
/// thread would be killed when that thread is retired.
final class Spawner: Sendable {
    static let shared = Spawner()

    private struct Job: @unchecked Sendable {
        let path: String
        let arguments: [String]
        let directory: String
        let descriptors: (Int32, Int32, Int32)
        let done: DispatchSemaphore
        let result: UnsafeMutablePointer<Result<pid_t, POSIXError>>
    }

    private let jobs = Mutex<[Job]>([])
    private let waiting = DispatchSemaphore(value: 0)

    private init() {
        // The spawner is never released: its thread may hold it.
        let thread = Thread { [self] in
            while true {
                waiting.wait()
                guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
                job.result.pointee = Self.start(job)
                job.done.signal()
            }
        }
        thread.name = "veil-spawner"
        thread.start()
    }

    func spawn(path: String, arguments: [String], directory: String, descriptors: (Int32, Int32, Int32)) throws(POSIXError) -> pid_t {
        let result = UnsafeMutablePointer<Result<pid_t, POSIXError>>.allocate(capacity: 1)
        result.initialize(to: .failure(POSIXError(.EAGAIN)))
        defer { result.deinitialize(count: 1); result.deallocate() }
        let done = DispatchSemaphore(value: 0)
        jobs.withLock { $0.append(Job(path: path, arguments: arguments, directory: directory, descriptors: descriptors, done: done, result: result)) }
        waiting.signal()
        done.wait()
        return try result.pointee.get()
    }

    private static func start(_ job: Job) -> Result<pid_t, POSIXError> {
        // C strings for argv, made before the fork (the child may not allocate).
        let argv = ([job.path] + job.arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = argv.withUnsafeBufferPointer { argv in
            veil_spawn(
                job.path, UnsafeMutablePointer(mutating: argv.baseAddress!), job.directory,
                job.descriptors.0, job.descriptors.1, job.descriptors.2, &pid)
        }
        return status == 0 ? .success(pid) : .failure(POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO))
    }
}
