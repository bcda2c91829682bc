import Foundation

/// An output file written beside its destination under a temporary name and renamed into place only
/// by ``commit()``: a failed run leaves no partial file that looks finished.
public final class AtomicOutput {
    public let destination: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false

    public init(destination: String) throws {
        self.destination = destination
        let directory = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        temporaryPath = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(".\(name).veil-\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw InputError(file: destination, message: "cannot create the output file")
        }
        self.handle = handle
    }

    /// Appends bytes (buffered).
    public func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(_ text: String) throws { try write(text.utf8) }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw InputError(file: destination, message: "cannot write the output: \(error.localizedDescription)") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames the file into place.
    public func commit() throws {
        try flush()
        try? handle.synchronize()
        try? handle.close()
        finished = true
        if rename(temporaryPath, destination) != 0 {
            unlink(temporaryPath)
            throw InputError(file: destination, message: "cannot move the output into place")
        }
    }

    /// Deletes the temporary file; the destination is left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        try? handle.close()
        unlink(temporaryPath)
    }

    deinit { abandon() }
}

@available(*, unavailable)
extension AtomicOutput: Sendable {}
