import Prometheus
import VeilCore

/// What `GET /metrics` shows, in Prometheus's text format: requests by route and status, their
/// durations and body sizes, the requests worked on now, and the documents and findings (by entity
/// type) the server has processed. Labels are routes, statuses and entity types — never a value.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let documents: Counter
    private let inFlight: Gauge

    /// Request durations, from 5 ms to 30 s.
    static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30)
    ]

    init() {
        documents = registry.makeCounter(name: "veil_documents_total", help: "Texts recognized or rewritten.")
        inFlight = registry.makeGauge(name: "veil_requests_in_flight", help: "Requests whose texts are being worked on.")
    }

    /// One request answered.
    func request(route: String, status: Int, duration: Duration, requestBytes: Int?, responseBytes: Int?) {
        let labels = [("route", route), ("status", String(status))]
        registry.makeCounter(name: "veil_http_requests_total", labels: labels, help: "Requests answered, by route and status.").increment()
        registry.makeDurationHistogram(
            name: "veil_http_request_duration_seconds", labels: [("route", route)], buckets: Self.buckets,
            help: "Time from a request's arrival to its answer."
        ).record(duration)
        if let requestBytes {
            registry.makeCounter(name: "veil_http_request_bytes_total", labels: [("route", route)], help: "Request body bytes.").increment(
                by: Int64(requestBytes))
        }
        if let responseBytes {
            registry.makeCounter(name: "veil_http_response_bytes_total", labels: [("route", route)], help: "Response body bytes.").increment(
                by: Int64(responseBytes))
        }
    }

    /// One document, and the entity types of what was found (or changed) in it.
    func document(_ entities: some Sequence<EntityType>) {
        documents.increment()
        var counts: [EntityType: Int64] = [:]
        for entity in entities { counts[entity, default: 0] += 1 }
        for (entity, count) in counts {
            registry.makeCounter(name: "veil_findings_total", labels: [("entity", entity.rawValue)], help: "Findings, by entity type.").increment(
                by: count)
        }
    }

    /// The text format, with the requests in flight as `work` counts them now.
    func exposition(inFlight count: Int) -> [UInt8] {
        inFlight.set(Int64(count))
        return registry.emitToBuffer()
    }
}
