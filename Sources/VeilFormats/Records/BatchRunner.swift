import Dispatch
import Synchronization
import VeilCore

/// Runs records through a step on every core, a batch at a time, and hands the results on in the
/// input's order: memory holds one batch, however large the input.
enum BatchRunner {
    /// Records per batch, and bytes of values per batch, whichever comes first.
    static let batchRecords = 256
    static let batchBytes = 1 << 20

    /// Reads `source` to its end. `process` runs in parallel; `emit` gets each record and its
    /// result in order; `readError` gets each record that could not be read, in its place.
    static func run<Output: Sendable>(_ source: inout some RecordSource, parallel: Bool = true,
                                      process: @escaping @Sendable (SourceRecord) throws -> Output,
                                      emit: (SourceRecord, Result<Output, any Error>) throws -> Void,
                                      readError: (InputError) throws -> Void) throws {
        var batch: [SourceRecord] = []
        var bytes = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            let records = batch
            let results = Mutex([Result<Output, any Error>?](repeating: nil, count: records.count))
            if parallel {
                DispatchQueue.concurrentPerform(iterations: records.count) { index in
                    let result = Result { try process(records[index]) }
                    results.withLock { $0[index] = result }
                }
            } else {
                for index in records.indices {
                    let result = Result { try process(records[index]) }
                    results.withLock { $0[index] = result }
                }
            }
            let done = results.withLock { $0 }
            for (record, result) in zip(records, done) { try emit(record, result!) }
            batch.removeAll(keepingCapacity: true)
            bytes = 0
        }
        while true {
            let record: SourceRecord?
            do { record = try source.next() } catch let error as InputError {
                try flush()
                try readError(error)
                continue
            }
            guard let record else { break }
            batch.append(record)
            bytes += record.values.reduce(0) { $0 + $1.text.utf8.count }
            if batch.count >= batchRecords || bytes >= batchBytes { try flush() }
        }
        try flush()
    }
}
