public import Foundation

/// Runs a Python script as a client in another language would (the server's tests call it with
/// `requests` and `urllib`).
public enum Python {
    /// What a run of `python3 -c script` ended with and printed.
    public struct Run: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
    }

    /// Runs `python3 -c script` and waits for it.
    public static func run(_ script: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self), errors: String(decoding: complaint, as: UTF8.self))
    }
}
