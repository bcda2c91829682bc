import Foundation
import Testing
import VeilTestSupport

/// Runs the built `veil` executable the way a user would, capturing its output.
struct VeilRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The package root (this file is Tests/VeilCLITests/VeilRunner.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let executable: URL = {
        var candidates: [URL] = []
        if let path = Bundle.main.executablePath { candidates.append(URL(fileURLWithPath: path).deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in candidates {
            let binary = directory.appendingPathComponent("veil")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        fatalError("cannot find the veil executable near \(candidates.map(\.path))")
    }()

    /// Runs `veil eval --leaks --json` with `arguments` (the gold file, the entities, options) and
    /// returns each entity's figures (coverage, overlap_precision, exact_f1 …), checking it exits 0.
    static func evalFigures(_ arguments: [String]) throws -> [String: [String: Double]] {
        let result = try run(["eval", "--leaks", "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let entities = object?["entities"] as? [String: [String: Any]] ?? [:]
        return entities.mapValues { $0.compactMapValues { ($0 as? NSNumber)?.doubleValue } }
    }

    /// Runs `veil` with `arguments` — or, with `shell`, `/bin/sh` with them (to set limits first).
    static func run(
        _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:],
        in directory: URL = packageRoot, shell: Bool = false
    ) throws -> Result {
        let process = Process()
        process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["VEIL_PLUGIN_PATH"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, so a large output can never block the child on a full pipe.
        let scratch = TemporaryFolder()
        let outPath = scratch.write("stdout", ""), errPath = scratch.write("stderr", "")
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath)), err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = FileManager.default.contents(atPath: outPath) ?? Data()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
