import Foundation
import FuzzSupport

@testable import VeilCore
@testable import VeilFormats

/// Any bytes as a dataset: the first byte picks CSV, TSV, JSON or JSONL (and whether bad records
/// are skipped); the rest is the file. Reading must end (no loop on a bad record), and every record
/// is either written anonymized or reported with its place.
func fuzzRecords(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let all = UnsafeRawBufferPointer(start: data, count: count)
    let formats: [InputFormat] = [.csv, .tsv, .json, .jsonl]
    let format = formats[Int(all[0]) % formats.count]
    let skip = all[0] & 0x80 != 0
    let path = Fuzz.write(UnsafeRawBufferPointer(rebasing: all[1...]), to: "input")
    guard let reader = try? LineReader(path: path) else { return 0 }
    let pipeline = DocumentPipeline(anonymizer: Anonymizer(engine: Fuzz.engine), format: format, errorPolicy: skip ? .skip : .fail)
    var written = 0
    _ = try? pipeline.anonymize(reader) { written += $0.bytes.count }
    return 0
}

exit(Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in fuzzRecords(data ?? UnsafeRawPointer(bitPattern: 1)!, count) })
