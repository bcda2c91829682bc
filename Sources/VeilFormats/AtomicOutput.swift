import Foundation
import VeilText

/// An output file written beside its destination under a temporary name and renamed into place only
/// by ``commit()``: a failed run leaves no partial file that looks finished.
package final class AtomicOutput {
    package let destination: String
    /// A file written under a temporary name (``AtomicFile``), or a device or a pipe written
    /// straight to.
    private enum Target {
        case file(AtomicFile)
        case stream(FileHandle)
    }
    private let target: Target
    private var buffer: [UInt8] = []
    /// Whether the output is closed (``finish()``).
    private var closed = false

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
            target = .stream(handle)
            return
        }
        do { target = .file(try AtomicFile(destination: destination)) } catch {
            throw InputError(file: destination, message: "cannot create the output file")
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
        do {
            switch target {
            case .file(let file): try file.write(buffer)
            case .stream(let handle): try handle.write(contentsOf: buffer)
            }
        } catch {
            let reason = (error as? AtomicFile.Failure).flatMap { if case .cannotWrite(let reason) = $0 { reason } else { nil } } ?? error.localizedDescription
            throw InputError(file: destination, message: "cannot write the output: \(reason)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file, still under its temporary name: complete, and holding no file
    /// descriptor, until ``commit()`` or ``abandon()`` (a run of many inputs commits them together).
    package func finish() throws {
        guard !closed else { return }
        try flush()
        switch target {
        case .file(let file): file.finish()
        case .stream(let handle): try? handle.close()
        }
        closed = true
    }

    /// Finishes the file and renames it into place.
    package func commit() throws {
        try finish()
        guard case .file(let file) = target else { return }
        do { try file.commit() } catch { throw InputError(file: destination, message: "cannot move the output into place") }
    }

    /// Deletes the temporary file; the destination is left as it was.
    package func abandon() {
        switch target {
        case .file(let file): file.abandon()
        case .stream(let handle): if !closed { try? handle.close() }
        }
        closed = true
    }
}

@available(*, unavailable)
extension AtomicOutput: Sendable {}
