import Foundation
import FuzzSupport

@testable import VeilCore

/// Any bytes as a vault file: opened with the key, its pseudonyms listed and one revealed. A
/// damaged, altered or foreign vault must be refused with an error, never a crash or a wrong answer.
func fuzzVault(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = Fuzz.write(UnsafeRawBufferPointer(start: data, count: count), to: "vault.db")
    for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
    guard let vault = try? PseudonymVault(path: path, key: Fuzz.key, mustExist: true) else { return 0 }
    _ = try? vault.renderings()
    _ = try? vault.reveal("陈静")
    _ = try? vault.claim(entity: .person, original: "王芳", pseudonym: "陈静")
    for log in (try? vault.outputLogs(matching: Array("陈静说好。\n".utf8), orAny: true)) ?? [] {
        _ = log.restore(Array("陈静说好。\n".utf8))
    }
    return 0
}

/// The same bytes as the stored form of an output's record (as if sealed with the key): read,
/// then used to restore a text, it must be refused or applied within bounds.
func fuzzOutputLog(_ data: UnsafeRawPointer, _ count: Int) {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    guard let log = OutputLog(serialized: bytes) else { return }
    _ = log.restore(Array("王芳说好。\n陈静也说好。\n".utf8))
    _ = log.restore(Array(bytes.prefix(log.size)))
}

exit(
    Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in
        let start = data ?? UnsafeRawPointer(bitPattern: 1)!
        fuzzOutputLog(start, count)
        return fuzzVault(start, count)
    })
