import Foundation
import FuzzSupport
import VeilCore

/// Any bytes as a policy file: read with its problems deferred, then compiled against the shipped
/// plugins. Every problem must come back as a located diagnostic, never a crash.
func fuzzPolicy(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = Fuzz.write(UnsafeRawBufferPointer(start: data, count: count), to: "policy.yaml")
    guard let policy = try? PolicyReader.read(path: path, environment: Fuzz.environment, deferringProblems: true) else { return 0 }
    _ = try? Engine(policy: policy, catalog: Fuzz.catalog, key: Fuzz.key, environment: [:])
    return 0
}

exit(Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in fuzzPolicy(data ?? UnsafeRawPointer(bitPattern: 1)!, count) })
