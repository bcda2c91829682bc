import Foundation

/// An output file written beside its destination under a temporary name and renamed into place only
/// by ``commit()``: a failed run leaves no partial file that looks finished.
package final class AtomicOutput {
    package let destination: String
    /// Where the output is written until it is committed; nil for a device or a pipe.
    private let temporaryPath: String?
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Whether the handle is closed (``finish()``).
    private var closed = false
    /// Whether the file was committed or abandoned.
    private var finished = false

    /// Refuses a destination a run must not write: a folder or a block device, a file in a folder
    /// that does not exist, or one of `inputs`
    /// (by file identity, so a link or another spelling of the path is caught too). Called before
    /// a run starts, so nothing is read or written for a run that could not finish. A character
    /// device or a pipe (`/dev/null`, a FIFO) is written straight to, never replaced.
    package static func checkDestination(_ destination: String, inputs: [String] = [], option: String = "-o") throws {
        var target = stat()
        guard stat(destination, &target) == 0 else {
            // A new file: its folder must be there, or the run would fail only at its end.
            let folder = (destination as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) else {
                throw InputError(file: destination, message: "\(option) names a file in a folder that does not exist")
            }
            return
        }
        let kind = target.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFCHR || kind == S_IFIFO else {
            throw InputError(file: destination, message: "\(option) names a folder or a device that is not a file to write; give a file's path")
        }
        for input in inputs where input != "-" && input != "<stdin>" {
            var source = stat()
            if stat(input, &source) == 0 && source.st_dev == target.st_dev && source.st_ino == target.st_ino {
                throw InputError(file: destination, message: "\(option) names the input \(input); it would be overwritten")
            }
        }
    }

    /// Whether `destination` is a character device or a pipe, written straight to.
    private static func isStream(_ destination: String) -> Bool {
        var target = stat()
        guard stat(destination, &target) == 0 else { return false }
        return target.st_mode & S_IFMT == S_IFCHR || target.st_mode & S_IFMT == S_IFIFO
    }

    package init(destination: String) throws {
        try Self.checkDestination(destination)
        self.destination = destination
        if Self.isStream(destination) {
            guard let handle = FileHandle(forWritingAtPath: destination) else { throw InputError(file: destination, message: "cannot open the output") }
            self.handle = handle
            self.temporaryPath = nil
            return
        }
        let directory = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let folder = directory.isEmpty ? "." : directory
        Self.removeStaleTemporaries(of: name, in: folder)
        // The process id in the name tells a later run whether the writer is still alive.
        let temporaryPath = (folder as NSString).appendingPathComponent(".\(name).veil-\(getpid())-\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw InputError(file: destination, message: "cannot create the output file")
        }
        self.temporaryPath = temporaryPath
        self.handle = handle
    }

    /// Removes the temporary files a killed run left for `name` in `folder` (`.NAME.veil-PID-….tmp`
    /// whose process is gone): a run stopped by SIGKILL cannot clean up, the next one does.
    static func removeStaleTemporaries(of name: String, in folder: String) {
        let prefix = ".\(name).veil-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(entry))
            }
        }
    }

    /// Appends bytes (buffered).
    package func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    package func write(_ text: String) throws { try write(text.utf8) }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        precondition(!closed, "written after finish()")
        do { try handle.write(contentsOf: buffer) } catch { throw InputError(file: destination, message: "cannot write the output: \(error.localizedDescription)") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file, still under its temporary name: complete, and holding no file
    /// descriptor, until ``commit()`` or ``abandon()`` (a run of many inputs commits them together).
    package func finish() throws {
        guard !closed else { return }
        try flush()
        try? handle.synchronize()
        try? handle.close()
        closed = true
    }

    /// Finishes the file and renames it into place.
    package func commit() throws {
        try finish()
        guard !finished else { return }
        finished = true
        guard let temporaryPath else { return }
        if rename(temporaryPath, destination) != 0 {
            unlink(temporaryPath)
            throw InputError(file: destination, message: "cannot move the output into place")
        }
    }

    /// Deletes the temporary file; the destination is left as it was.
    package func abandon() {
        guard !finished else { return }
        finished = true
        if !closed { try? handle.close() }
        if let temporaryPath { unlink(temporaryPath) }
    }

    deinit { abandon() }
}

@available(*, unavailable)
extension AtomicOutput: Sendable {}
