import Foundation

/// Reads a file (or standard input) line by line in fixed-size chunks, so memory stays flat however
/// large the file is. Lines come without their `\n` (a `\r` before it is kept, to be written back).
package final class LineReader {
    package let path: String
    private let handle: FileHandle
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The number of the line last returned (1-based).
    package private(set) var lineNumber = 0
    /// Whether the line last returned ended with `\n` (the last line of a file may not).
    package private(set) var lineHadNewline = true
    /// Longest line accepted; a longer one is an error naming its line.
    package let maximumLineLength: Int
    /// Bytes read from the input so far (for progress).
    package private(set) var bytesRead = 0
    /// The input's size, when it is a regular file.
    package let size: Int?
    /// Where the line last returned starts, in bytes from the start of the whole input (a part of a
    /// file read from standard input starts at the offset it was cut from: ``init(standardInputNamed:startingAt:maximumLineLength:)``).
    package private(set) var lineStart = 0
    /// Where `buffer[0]` lies in the whole input.
    private var bufferOffset = 0

    /// Reads the file at `path`, which is the part of a larger input that starts at byte
    /// `startOffset` of it (0: the whole input).
    package init(path: String, startingAt startOffset: Int = 0, maximumLineLength: Int = 256 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError(file: path, message: "cannot open the file") }
        self.path = path
        self.bufferOffset = startOffset
        self.handle = handle
        self.ownsHandle = true
        self.maximumLineLength = maximumLineLength
        self.size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// Reads standard input, which is the part of a larger input that starts at byte `startOffset`
    /// of it (0: the whole input).
    package init(standardInputNamed name: String = "<stdin>", startingAt startOffset: Int = 0, maximumLineLength: Int = 256 << 20) {
        self.path = name
        self.bufferOffset = startOffset
        self.handle = FileHandle.standardInput
        self.ownsHandle = false
        self.maximumLineLength = maximumLineLength
        self.size = nil
    }

    deinit { if ownsHandle { try? handle.close() } }

    /// The next line, or nil at the end of the input. A last line without `\n` is returned too.
    package func nextLine() throws -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                lineStart = bufferOffset + start
                start = newline + 1
                lineNumber += 1
                lineHadNewline = true
                return line
            }
            if buffer.count - start > maximumLineLength {
                throw InputError(file: path, line: lineNumber + 1, message: "line is longer than \(maximumLineLength) bytes")
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                lineStart = bufferOffset + start
                start = buffer.count
                lineNumber += 1
                lineHadNewline = false
                return line
            }
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data(); bytesRead += chunk.count } catch {
                throw InputError(file: path, line: lineNumber + 1, message: "cannot read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { atEnd = true; continue }
            if start > 0 {
                buffer.removeFirst(start)
                bufferOffset += start
                start = 0
            }
            buffer.append(contentsOf: chunk)
        }
    }

    /// The next bytes of the input as they come (about 1 MiB), without splitting lines, or nil at
    /// the end: for formats that are not line-based but must still be streamed.
    package func nextChunk() throws -> [UInt8]? {
        if start < buffer.count {
            let rest = Array(buffer[start...])
            buffer = []
            start = 0
            return rest
        }
        if atEnd { return nil }
        let chunk: Data
        do { chunk = try handle.read(upToCount: 1 << 20) ?? Data(); bytesRead += chunk.count } catch {
            throw InputError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
        if chunk.isEmpty { atEnd = true; return nil }
        return Array(chunk)
    }

    /// The whole remaining input (for formats that are one document).
    package func readAll() throws -> [UInt8] {
        var all = Array(buffer[start...])
        buffer = []
        start = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                all.append(contentsOf: chunk)
                bytesRead += chunk.count
            }
        } catch {
            throw InputError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
        atEnd = true
        return all
    }
}

@available(*, unavailable)
extension LineReader: Sendable {}
