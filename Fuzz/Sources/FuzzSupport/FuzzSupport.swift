import Foundation

@testable import VeilCore
@testable import VeilRecognizers

/// What every fuzz target shares: the shipped plugins and default policy, compiled once, and a
/// scratch file per process for readers that take a path.
public enum Fuzz {
    /// The repository's root (the Fuzz package's parent), where the shipped plugins are.
    public static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized.path
    }()

    public static let environment = ["VEIL_HOME": root]

    public static let catalog: PluginCatalog = {
        do { return try PluginCatalog.standard(environment: environment) } catch { fatalError("the shipped plugins do not load: \(error)") }
    }()

    public static let key = PseudonymKey(secret: Array("veil fuzzing key, not a secret".utf8))

    public static let engine: Engine = {
        do {
            let policy = try PolicyReader.builtin(environment: environment)
            return try Engine(policy: policy, catalog: catalog, key: key, environment: environment)
        } catch { fatalError("the default policy does not load: \(error)") }
    }()

    /// A path in a folder of this process's own, `name` inside it.
    public static func scratch(_ name: String) -> String {
        let folder = NSTemporaryDirectory() + "veil-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }

    /// Writes `bytes` to the scratch file `name` and returns its path.
    public static func write(_ bytes: UnsafeRawBufferPointer, to name: String) -> String {
        let path = scratch(name)
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}

/// libFuzzer's driver, called from each target's entry point (SwiftPM names an executable's entry
/// `<target>_main`, so the targets cannot rely on libFuzzer's own `main`).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt
) -> CInt

extension Fuzz {
    /// Runs libFuzzer over `body` with the process's arguments (`-max_total_time=…`, corpus folders).
    public static func main(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ body: @convention(c) (UnsafeRawPointer?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments, body)
    }
}
