import Foundation
import Testing
import VeilText

/// Files written in place the one way Veil writes them: whole or not at all.
@Suite struct AtomicFileTests {
    private let folder: String = {
        let path = NSTemporaryDirectory() + "veil-atomic-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    private func entries() -> Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) }

    @Test func theFileIsInPlaceOnlyOnceCommitted() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let destination = folder + "/out.txt"
        try Data("the old text\n".utf8).write(to: URL(fileURLWithPath: destination))
        let file = try AtomicFile(destination: destination)
        try file.write(Array("the new ".utf8))
        try file.write(Array("text\n".utf8))
        file.finish()
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: destination)), as: UTF8.self) == "the old text\n")
        try file.commit()
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: destination)), as: UTF8.self) == "the new text\n")
        #expect(entries() == ["out.txt"], "no temporary file is left")
        let permissions = try FileManager.default.attributesOfItem(atPath: destination)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func anAbandonedWriteLeavesTheDestinationAsItWas() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let destination = folder + "/out.txt"
        do {
            let file = try AtomicFile(destination: destination)
            try file.write(Array("half a file".utf8))
        }
        #expect(entries().isEmpty, "a write never committed is removed, and nothing is put in place")
    }

    @Test func theNextWriteRemovesWhatAKilledWriterLeft() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A process id no process has (Linux's largest is below 2^22).
        let dead = folder + "/.out.txt.veil-99999999-0123abcd.tmp"
        let alive = folder + "/.out.txt.veil-\(getpid())-4567cdef.tmp"
        let otherFile = folder + "/.other.txt.veil-99999999-89abcdef.tmp"
        for path in [dead, alive, otherFile] { try Data("left".utf8).write(to: URL(fileURLWithPath: path)) }
        let file = try AtomicFile(destination: folder + "/out.txt")
        try file.commit()
        #expect(entries() == ["out.txt", ".out.txt.veil-\(getpid())-4567cdef.tmp", ".other.txt.veil-99999999-89abcdef.tmp"])
    }

    @Test func aFolderThatDoesNotExistIsAnError() {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile(destination: folder + "/no/such/folder/out.txt") }
    }
}
