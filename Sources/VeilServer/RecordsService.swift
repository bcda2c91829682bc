import Dispatch
import Foundation
import Hummingbird
import Synchronization
import VeilCore
import VeilFormats

/// `POST /v1/records`: a dataset (JSONL, JSON, CSV or TSV) rewritten through the policy's field
/// rules and answered as a stream, byte for byte what `veil anonymize` writes for the same file,
/// policy and key.
///
/// The body is kept in a private temporary file (up to the body limit) and read twice, as the CLI
/// reads a file: first whole — every record must read, and the values of entity fields are
/// collected so that any record's text naming them is found — within the time limit, so that a bad
/// dataset is answered 400 with its line before any output; then record by record, each rewritten
/// record sent as it is done. A failure after the answer has begun (the time limit passed, a record
/// the engine cannot finish) ends the connection without the answer's last chunk: a client never
/// gets a dataset cut short that looks finished.
struct RecordsService: Sendable {
    let anonymizer: Anonymizer
    let metrics: ServerMetrics

    /// How the dataset is written: `?format=` (jsonl, json, csv, tsv), else the Content-Type.
    static func format(query: String?, contentType: String?) throws(APIError) -> InputFormat {
        if let query {
            guard let format = InputFormat(rawValue: query.lowercased()), format != .text else {
                throw .badRequest("format must be jsonl, json, csv or tsv (plain text goes to /v1/anonymize)")
            }
            return format
        }
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/x-ndjson", "application/jsonl", "application/x-jsonlines": return .jsonl
        case "application/json": return .json
        case "text/csv": return .csv
        case "text/tab-separated-values": return .tsv
        default:
            throw .badRequest(
                "say how the dataset is written: ?format=jsonl|json|csv|tsv, or Content-Type application/x-ndjson, application/json, text/csv or text/tab-separated-values"
            )
        }
    }

    /// The Content-Type of the answer (the dataset's own).
    static func contentType(_ format: InputFormat) -> String {
        switch format {
        case .jsonl, .text: "application/x-ndjson; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .tsv: "text/tab-separated-values; charset=utf-8"
        }
    }

    /// The body written to a file only its owner can read, at most `limit` bytes (413 past it).
    static func spool(_ body: RequestBody, limit: Int) async throws -> SpooledBody {
        let spooled = try SpooledBody()
        var written = 0
        do {
            for try await buffer in body {
                written += buffer.readableBytes
                guard written <= limit else { throw APIError.tooLarge(limit: limit) }
                try spooled.handle.write(contentsOf: buffer.readableBytesView)
            }
            try spooled.handle.close()
            guard written > 0 else { throw APIError.badRequest("the body is empty: send the dataset") }
        } catch {
            spooled.remove()
            throw error
        }
        return spooled
    }

    /// The answer: the first pass run within the time limit (its errors answered at once), then the
    /// rewritten dataset streamed as its records are done.
    func respond(_ spooled: SpooledBody, format: InputFormat, work: EngineWork) async throws -> Response {
        let anonymizer = anonymizer
        let path = spooled.path
        let known: KnownValues
        do {
            known = try await work.run {
                try Self.locating { try DocumentPipeline(anonymizer: anonymizer, format: format).firstPass(over: [path]) }
            }
        } catch {
            spooled.remove()
            throw error
        }
        let slot: EngineWork.Slot
        do { slot = try work.admit() } catch {
            spooled.remove()
            throw error
        }
        let deadline = ContinuousClock.now + work.timeLimit
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        let stop = Stop()
        continuation.onTermination = { _ in stop.set() }
        let metrics = metrics
        DispatchQueue.global().async {
            defer {
                spooled.remove()
                slot.release()
            }
            do {
                var pipeline = DocumentPipeline(anonymizer: anonymizer, format: format)
                pipeline.parallel = false
                pipeline.known = known
                pipeline.onDocument = { findings in metrics.document(findings.lazy.map(\.entity)) }
                try Self.locating {
                    try pipeline.anonymize(try LineReader(path: path)) { piece in
                        guard !stop.isSet else { throw CancellationError() }
                        guard ContinuousClock.now < deadline else { throw APIError.timedOut(work.timeLimit) }
                        continuation.yield(ByteBuffer(bytes: piece.bytes))
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return Response(status: .ok, headers: [.contentType: Self.contentType(format)], body: ResponseBody(asyncSequence: stream))
    }

    /// Runs a step over the spooled body; its input errors are answered 400 with their line and
    /// column in the body (the file's name is the server's own, and is not said).
    private static func locating<T>(_ step: () throws -> T) throws -> T {
        do { return try step() } catch let error as InputError {
            var placed = error
            placed.file = "body"
            throw APIError.badRequest(placed.description)
        }
    }
}

/// A flag one thread sets and another reads: the client went away.
private final class Stop: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}

/// A request body kept in a file of the temporary folder that only this user can read, removed
/// when the request is done with it.
final class SpooledBody: Sendable {
    let path: String
    let handle: FileHandle

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("veil-serve-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw APIError.internalError("the server cannot keep the request body") }
        self.handle = handle
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
