import Foundation
import FuzzSupport

@testable import VeilCore

/// Any bytes as a plain-text document: validated, recognized and anonymized by the default policy.
/// Invalid UTF-8 must be refused with its offset; valid text must be anonymized without a crash.
func fuzzText(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    guard let document = try? DocumentText(validating: bytes) else { return 0 }
    let anonymizer = Anonymizer(engine: Fuzz.engine)
    if let result = try? anonymizer.anonymize(document) {
        // Every finding lies inside the text.
        let length = document.string.unicodeScalars.count
        for finding in result.findings where !(0 <= finding.start && finding.start < finding.end && finding.end <= length) {
            fatalError("a finding outside the text: \(finding.start)..<\(finding.end) of \(length)")
        }
    }
    return 0
}

exit(Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in fuzzText(data ?? UnsafeRawPointer(bitPattern: 1)!, count) })
