import Foundation

/// A regular file written beside its destination under a temporary name and renamed into place
/// only by ``commit()``: a reader sees the whole file or the one it replaces, never a part, and a
/// failed or abandoned write leaves the destination as it was. The one way Veil writes a file in
/// place — outputs and reports (`AtomicOutput`) and the recognizer image cache alike.
///
/// The temporary file is `.NAME.veil-PID-XXXXXXXX.tmp` in the destination's folder; the process id
/// lets a later write to the same destination remove what a killed writer left.
package final class AtomicFile {
    /// Why a write failed (no path in it: the caller names the file its own way).
    package enum Failure: Error, Sendable {
        case cannotCreate
        case cannotWrite(String)
        case cannotMove
    }

    package let destination: String
    private let temporaryPath: String
    private let handle: FileHandle
    /// Whether the handle is closed (``finish()``).
    private var closed = false
    /// Whether the file was committed or abandoned.
    private var finished = false

    /// Creates the temporary file beside `destination`, readable and writable by its owner only
    /// unless `permissions` say otherwise.
    package init(destination: String, permissions: Int = 0o600) throws(Failure) {
        self.destination = destination
        let directory = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let folder = directory.isEmpty ? "." : directory
        Self.removeStaleTemporaries(of: name, in: folder)
        let temporaryPath = (folder as NSString).appendingPathComponent(".\(name).veil-\(getpid())-\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil, attributes: [.posixPermissions: permissions]),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else { throw .cannotCreate }
        self.temporaryPath = temporaryPath
        self.handle = handle
    }

    /// Whether `entry` (a name in a folder) is a temporary file of an atomic write to `name`, and
    /// the process id of its writer.
    private static func temporaryWriter(of entry: String, for name: String) -> Int32? {
        let prefix = ".\(name).veil-"
        guard entry.hasPrefix(prefix), entry.hasSuffix(".tmp") else { return nil }
        let rest = entry.dropFirst(prefix.count)
        guard let dash = rest.firstIndex(of: "-") else { return nil }
        return Int32(rest[..<dash])
    }

    /// Removes the temporary files a killed writer left for `name` in `folder` (those whose process
    /// is gone): a run stopped by SIGKILL cannot clean up, the next one does.
    package static func removeStaleTemporaries(of name: String, in folder: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries {
            guard let pid = temporaryWriter(of: entry, for: name) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(entry))
            }
        }
    }

    /// Appends `bytes` to the temporary file.
    package func write(_ bytes: [UInt8]) throws(Failure) {
        precondition(!closed, "written after finish()")
        do { try handle.write(contentsOf: bytes) } catch { throw .cannotWrite(error.localizedDescription) }
    }

    /// Flushes and closes the file, still under its temporary name: complete, and holding no file
    /// descriptor, until ``commit()`` or ``abandon()``.
    package func finish() {
        guard !closed else { return }
        try? handle.synchronize()
        try? handle.close()
        closed = true
    }

    /// Finishes the file and renames it into place.
    package func commit() throws(Failure) {
        finish()
        guard !finished else { return }
        finished = true
        if rename(temporaryPath, destination) != 0 {
            unlink(temporaryPath)
            throw .cannotMove
        }
    }

    /// Deletes the temporary file; the destination is left as it was.
    package func abandon() {
        guard !finished else { return }
        finished = true
        if !closed { try? handle.close() }
        unlink(temporaryPath)
    }

    deinit { abandon() }
}

@available(*, unavailable)
extension AtomicFile: Sendable {}
