import Foundation
import FuzzSupport

@testable import VeilCore

/// Any bytes as a policy file, read with its problems deferred: every problem must come back as a
/// located diagnostic in that file, never a crash. (Compiling an engine per input takes seconds
/// under AddressSanitizer; the tests compile every shipped policy.)
func fuzzPolicy(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = Fuzz.write(UnsafeRawBufferPointer(start: data, count: count), to: "policy.yaml")
    guard let policy = try? PolicyReader.read(path: path, environment: Fuzz.environment, deferringProblems: true) else { return 0 }
    for problem in policy.problems where problem.file != path { fatalError("a problem placed in another file: \(problem.file)") }
    return 0
}

exit(Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in fuzzPolicy(data ?? UnsafeRawPointer(bitPattern: 1)!, count) })
