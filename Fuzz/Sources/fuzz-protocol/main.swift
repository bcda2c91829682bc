import Foundation
import FuzzSupport

@testable import VeilCore

/// Any bytes as the lines a process plugin writes: the first line read as its greeting, every
/// later line as the answer to a request about three documents. A plugin can write anything;
/// Veil must refuse it with an error, never trap, and never accept findings outside a document.
let declared: Set<EntityType> = [EntityType("PERSON"), EntityType("PHONE_NUMBER"), EntityType("LOCATION")]
let lengths = [0, 12, 300]

func fuzzProtocol(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let lines = UnsafeRawBufferPointer(start: data, count: count).split(separator: 0x0A, omittingEmptySubsequences: false)
    guard let first = lines.first else { return 0 }
    let greeted = (try? PluginProtocol.readGreeting(Array(first), declared: declared)) ?? declared
    for (offset, line) in lines.dropFirst().enumerated() {
        guard let answer = try? PluginProtocol.readAnswer(Array(line), id: offset + 1, lengths: lengths, greeted: greeted) else { continue }
        for (document, findings) in answer.enumerated() {
            for finding in findings where finding.start < 0 || finding.end > lengths[document] || !greeted.contains(finding.entity) {
                fatalError("accepted a finding outside the document or the greeting")
            }
        }
    }
    return 0
}

exit(Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in fuzzProtocol(data ?? UnsafeRawPointer(bitPattern: 1)!, count) })
