import Dispatch
import Synchronization
import VeilCore

/// Runs records through a step on every core, a batch at a time, and hands the results on in the
/// input's order: memory holds one batch, however large the input.
enum BatchRunner {
    /// Records per batch, and bytes of values per batch, whichever comes first.
    static let batchRecords = 4096
    static let batchBytes = 1 << 20

    /// Reads `source` to its end. `process` runs in parallel; `emit` gets each record and its
    /// result in order; `readError` gets each record that could not be read, in its place.
    ///
    /// While one batch is processed, the next is read and the one before is emitted, so reading,
    /// parsing and writing (one thread) do not leave the other cores idle.
    static func run<Output: Sendable>(
        _ source: inout some RecordSource, parallel: Bool = true,
        process: @escaping @Sendable (SourceRecord) throws -> Output,
        emit: (SourceRecord, Result<Output, any Error>) throws -> Void,
        readError: (InputError) throws -> Void
    ) throws {
        var batch: [SourceRecord] = []
        var bytes = 0
        typealias Batch = (records: [SourceRecord], job: BackgroundJob<[Result<Output, any Error>]>)
        var inFlight: Batch?
        // Whatever happens, no batch is left running when the run returns or throws.
        defer { _ = try? inFlight?.job.wait() }

        /// Starts the batch read so far, then emits the one that was running.
        func rotate() throws {
            let finished = inFlight
            inFlight = nil
            let results = try finished?.job.wait()
            if !batch.isEmpty {
                let records = batch
                inFlight = (records, BackgroundJob { run(records, parallel: parallel, process: process) })
                batch = []
                bytes = 0
            }
            if let finished, let results {
                for (record, result) in zip(finished.records, results) { try emit(record, result) }
            }
        }
        while true {
            let record: SourceRecord?
            do { record = try source.next() } catch let error as InputError {
                try rotate()
                try rotate()
                try readError(error)
                continue
            }
            guard let record else { break }
            batch.append(record)
            bytes += record.values.reduce(0) { $0 + $1.text.utf8.count }
            if batch.count >= batchRecords || bytes >= batchBytes { try rotate() }
        }
        try rotate()
        try rotate()
    }

    /// `process` over one batch, on every core if `parallel`, results in the records' order.
    private static func run<Output: Sendable>(
        _ records: [SourceRecord], parallel: Bool,
        process: @escaping @Sendable (SourceRecord) throws -> Output
    ) -> [Result<Output, any Error>] {
        ParallelLoop.map(records.count, parallel: parallel) { index in Result { try process(records[index]) } }
    }
}
