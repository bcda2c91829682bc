import Foundation
import FuzzSupport
import VeilCore

/// Any bytes as a vault file: opened with the key, its pseudonyms listed and one revealed. A
/// damaged, altered or foreign vault must be refused with an error, never a crash or a wrong answer.
func fuzzVault(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = Fuzz.write(UnsafeRawBufferPointer(start: data, count: count), to: "vault.db")
    for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
    guard let vault = try? PseudonymVault(path: path, key: Fuzz.key, mustExist: true) else { return 0 }
    _ = try? vault.renderings()
    _ = try? vault.reveal("陈静")
    _ = try? vault.claim(entity: .person, original: "王芳", pseudonym: "陈静")
    return 0
}

exit(Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in fuzzVault(data ?? UnsafeRawPointer(bitPattern: 1)!, count) })
