import Foundation
import Synchronization

/// One running process plugin program and the protocol spoken with it (Docs/process-plugin-protocol.md):
/// started on first use, greeted, sent one request at a time, killed when it hangs or talks
/// nonsense, and started again a bounded number of times when it dies.
///
/// The single owner of the child process and its pipes; every use goes through its lock, so
/// documents analyzed on several threads take turns.
final class PluginProcess: Sendable {
    let pluginID: String
    private let spec: PluginManifest.ProcessSpec
    private let directory: String
    private let declared: Set<EntityType>
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var running: Running?
        /// Starts so far (the first one included).
        var starts = 0
        var nextRequest = 0
    }

    /// The live child: its process, the ends of its pipes, what it said it reports.
    private final class Running: @unchecked Sendable {
        let process: ChildProcess
        let input: FileHandle
        /// The plugin's standard output and error, read here (held so their descriptors stay open).
        let outputHandle: FileHandle
        let errorHandle: FileHandle
        var output: Int32 { outputHandle.fileDescriptor }
        var buffer: [UInt8] = []
        var entities: Set<EntityType> = []
        /// Signalled when the plugin's standard error is closed and all of it passed on.
        let errorsPassedOn = DispatchSemaphore(value: 0)
        /// Set once a document has been sent: from then on what the plugin prints on standard
        /// error may quote a document, and is counted instead of passed on.
        let documentsSent = Atomic<Bool>(false)
        /// Lines of standard error held back since.
        let withheldLines = Atomic<Int>(0)

        init(process: ChildProcess, input: FileHandle, output: FileHandle, errors: FileHandle) {
            self.process = process
            self.input = input
            self.outputHandle = output
            self.errorHandle = errors
        }
    }

    init(pluginID: String, spec: PluginManifest.ProcessSpec, directory: String, declared: [EntityType]) {
        self.pluginID = pluginID
        self.spec = spec
        self.directory = directory
        self.declared = Set(declared)
        ProcessPlugins.register(self)
    }

    /// Stops the running child, if any, and says what it held back (a later use starts it again).
    func shutDown() {
        state.withLock { state in
            if let running = state.running { stop(running) }
            state.running = nil
        }
    }

    deinit {
        state.withLock { state in
            if let running = state.running { stop(running) }
        }
    }

    /// A failure of the plugin: what happened, never document text or what the plugin printed.
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// One finding as the plugin reported it (code point offsets).
    struct Finding: Sendable, Equatable {
        let start: Int
        let end: Int
        let entity: EntityType
        let score: Double
        let rule: String?
    }

    /// The entities the running plugin greeted with (starting it if needed).
    func greetedEntities() throws(Failure) -> Set<EntityType> {
        try state.withLock { state throws(Failure) in try ensureRunning(&state).entities }
    }

    /// Sends one batch and returns each document's findings, in the order given. Throws, and stops
    /// the plugin, if it does not answer in time or answers against the protocol.
    func analyze(_ texts: [String]) throws(Failure) -> [[Finding]] {
        try state.withLock { state throws(Failure) in
            let running = try ensureRunning(&state)
            state.nextRequest += 1
            let id = state.nextRequest
            do throws(Failure) {
                return try exchange(texts, id: id, with: running)
            } catch {
                stop(running)
                state.running = nil
                throw error
            }
        }
    }

    // MARK: Starting and stopping

    private func ensureRunning(_ state: inout State) throws(Failure) -> Running {
        if let running = state.running, running.process.isRunning { return running }
        if let dead = state.running {
            stop(dead)
            state.running = nil
        }
        guard state.starts <= spec.restarts else {
            throw Failure(message: "stopped after \(spec.restarts) restart\(spec.restarts == 1 ? "" : "s"); no more documents are sent to it")
        }
        state.starts += 1
        let running = try launch()
        do throws(Failure) {
            try greet(running)
        } catch {
            stop(running)
            throw error
        }
        state.running = running
        return running
    }

    private func launch() throws(Failure) -> Running {
        // A plugin that dies makes writes to its pipe fail; they must not kill Veil.
        signal(SIGPIPE, SIG_IGN)
        let program = spec.command[0]
        let path: String, arguments: [String]
        if program.contains("/") {
            path = URL(fileURLWithPath: program, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
            arguments = Array(spec.command.dropFirst())
        } else {
            path = "/usr/bin/env"
            arguments = spec.command
        }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        let process: ChildProcess
        do {
            process = try ChildProcess(
                path: path, arguments: arguments, directory: directory, input: input.fileHandleForReading.fileDescriptor,
                output: output.fileHandleForWriting.fileDescriptor, error: errors.fileHandleForWriting.fileDescriptor)
        } catch {
            throw Failure(message: "cannot start '\(program)': \(String(cString: strerror(error.code.rawValue)))")
        }
        // The child's ends belong to the child now.
        try? input.fileHandleForReading.close()
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        let running = Running(
            process: process, input: input.fileHandleForWriting, output: output.fileHandleForReading,
            errors: errors.fileHandleForReading)
        let id = pluginID, passedOn = running.errorsPassedOn
        let showAll = ProcessInfo.processInfo.environment["VEIL_PLUGIN_STDERR"] == "show"
        errors.fileHandleForReading.readabilityHandler = { [running] handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                passedOn.signal()
                return
            }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            // Before any document is sent the plugin can only be talking about itself (a missing
            // module, how to install it); after, it might quote what it was sent.
            guard showAll || !running.documentsSent.load(ordering: .acquiring) else {
                running.withheldLines.add(lines.count, ordering: .relaxed)
                return
            }
            for line in lines {
                FileHandle.standardError.write(Data("veil: plugin '\(id)': \(line)\n".utf8))
            }
        }
        return running
    }

    private func stop(_ running: Running) {
        try? running.input.close()
        if running.process.isRunning {
            let deadline = Date().addingTimeInterval(1)
            while running.process.isRunning && Date() < deadline { usleep(10_000) }
            running.process.kill()
        }
        // What the plugin said on standard error (why it failed, often) comes before Veil's error.
        // The plugin has exited or been killed: its standard error ends promptly, even on a busy machine.
        _ = running.errorsPassedOn.wait(timeout: .now() + 10)
        let withheld = running.withheldLines.load(ordering: .relaxed)
        if withheld > 0 {
            FileHandle.standardError.write(
                Data(
                    ("veil: plugin '\(pluginID)' wrote \(withheld) line\(withheld == 1 ? "" : "s") on standard error after it was sent "
                        + "documents; not shown, as they may quote a document (VEIL_PLUGIN_STDERR=show shows them)\n").utf8))
        }
    }

    // MARK: Talking to the plugin

    private func greet(_ running: Running) throws(Failure) {
        running.entities = try PluginProtocol.readGreeting(try readLine(running, waitingFor: "its greeting"), declared: declared)
    }

    private func exchange(_ texts: [String], id: Int, with running: Running) throws(Failure) -> [[Finding]] {
        let request = try PluginProtocol.request(id: id, texts: texts)
        running.documentsSent.store(true, ordering: .releasing)
        try send(request, to: running)
        let line = try readLine(running, waitingFor: "an answer")
        return try PluginProtocol.readAnswer(line, id: id, lengths: texts.map { $0.unicodeScalars.count }, greeted: running.entities)
    }

    /// Writes a request to the plugin, waiting at most the timeout for it to read: a plugin that
    /// stops reading must not hold Veil forever on a full pipe.
    private func send(_ data: Data, to running: Running) throws(Failure) {
        let descriptor = running.input.fileDescriptor
        let flags = fcntl(descriptor, F_GETFL)
        if flags & O_NONBLOCK == 0 { _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) }
        let deadline = Date().addingTimeInterval(spec.timeout)
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
                continue
            }
            if written < 0 && errno != EAGAIN && errno != EINTR { throw Failure(message: "exited (its input is closed)") }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(message: "did not read its request within \(Self.seconds(spec.timeout))") }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            _ = poll(&poller, 1, Int32(min(remaining, 3600) * 1000) + 1)
        }
    }

    /// The next line the plugin writes, waiting at most the timeout.
    private func readLine(_ running: Running, waitingFor what: String) throws(Failure) -> [UInt8] {
        let deadline = Date().addingTimeInterval(spec.timeout)
        while true {
            if let newline = running.buffer.firstIndex(of: 0x0A) {
                let line = Array(running.buffer[..<newline])
                running.buffer.removeFirst(newline + 1)
                return line
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw Failure(message: "did not send \(what) within \(Self.seconds(spec.timeout))")
            }
            var poller = pollfd(fd: running.output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 3600) * 1000) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "could not be read from (errno \(errno))")
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(running.output, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Failure(message: "could not be read from (errno \(errno))")
            }
            if count == 0 { throw Failure(message: "exited, or closed its output, before sending \(what)") }
            running.buffer += chunk[..<count]
            if running.buffer.count > 256 << 20 { throw Failure(message: "sent a line longer than 256 MB") }
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Every process plugin started in this process, so a program can stop them all before it exits
/// (a child is not stopped by the parent's exit alone, and what it held back is said then).
package enum ProcessPlugins {
    private struct Weak: @unchecked Sendable { weak var process: PluginProcess? }
    private static let live = Mutex<[Weak]>([])

    static func register(_ process: PluginProcess) {
        live.withLock { live in
            live.removeAll { $0.process == nil }
            live.append(Weak(process: process))
        }
    }

    /// Stops every running process plugin program, waiting for each to end.
    package static func stopAll() {
        let processes = live.withLock { $0.compactMap(\.process) }
        for process in processes { process.shutDown() }
    }
}
