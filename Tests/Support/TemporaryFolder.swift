public import Foundation

/// A folder in the machine's temporary directory for one test's files, removed with everything in
/// it when the value goes away: no test leaves files behind.
public final class TemporaryFolder {
    public let path: String
    public var url: URL { URL(fileURLWithPath: path) }

    public init() {
        path = NSTemporaryDirectory() + "veil-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `relative` (its folders made as needed) and returns the file's path.
    @discardableResult
    public func write(_ relative: String, _ bytes: [UInt8]) -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    @discardableResult
    public func write(_ relative: String, _ text: String) -> String { write(relative, Array(text.utf8)) }

    /// The names in the folder, sorted.
    public var files: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
}
