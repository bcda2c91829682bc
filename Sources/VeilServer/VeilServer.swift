package import Hummingbird
import HummingbirdCore
import HummingbirdTLS
package import Logging
package import VeilCore
import VeilFormats

/// `veil serve`: the HTTP API over the engines of the policies it serves (``ServedPolicies``),
/// built at start and shared by every request.
///
/// - `GET /health`: `{"status": "ok"}`, without a token (for load balancers).
/// - `GET /v1/plugins`: the policy's plugins. `GET /metrics`: Prometheus's text format
///   (``ServerMetrics``).
/// - `POST /v1/analyze`, `POST /v1/anonymize`: one text or a batch (``TextRequest``).
/// - `POST /v1/records`: a JSONL, JSON, CSV or TSV dataset through the field rules, streamed
///   (``RecordsService``).
/// - `POST /analyze`, `POST /anonymize`, `GET /supportedentities`: Presidio's routes and shapes
///   (``PresidioService``).
///
/// Every other route needs a bearer token unless the server listens on loopback with no tokens
/// (``ServerSettings/Access/open``). Bodies past the limit get 413, requests past the bound of
/// work in flight 429, work past the time limit 503; bad JSON and invalid UTF-8 get 400 with the
/// place of the problem. SIGTERM and SIGINT stop the server once the requests in flight are
/// answered (`runService()`).
package enum VeilServer {
    /// Every route and the method it answers (`Docs/openapi.yaml` lists the same): another method on
    /// one of them is answered 405 with `Allow`, not 404.
    static let routes: [String: String] = [
        "/health": "GET", "/metrics": "GET", "/v1/plugins": "GET", "/v1/analyze": "POST", "/v1/anonymize": "POST", "/v1/records": "POST",
        "/analyze": "POST", "/anonymize": "POST", "/supportedentities": "GET"
    ]

    /// The application: give it to `runService()`, or to HummingbirdTesting in tests.
    package static func application(
        policies: ServedPolicies, settings: ServerSettings, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ServerSetupError) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        let metrics = ServerMetrics()
        router.middlewares.add(AccessLogMiddleware(metrics: metrics, routes: routes))
        if case .tokens(let tokens) = settings.access { router.middlewares.add(BearerTokenMiddleware(tokens: tokens, open: ["/health"])) }
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status": "ok"}"# + "\n")))
        }
        let work = EngineWork(limit: settings.maximumInFlight, timeLimit: settings.timeLimit)
        let limit = settings.maximumBodyBytes
        router.get("/v1/plugins") { request, _ in json(pluginList(try policies.anonymizer(for: request).engine)) }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition(inFlight: work.count))))
        }
        router.post("/v1/analyze") { request, _ in
            let service = TextService(anonymizer: try policies.anonymizer(for: request), metrics: metrics)
            let text = try await TextRequest(body: body(request, limit: limit))
            return json(try await work.run { try service.analyze(text) })
        }
        router.post("/v1/anonymize") { request, _ in
            let service = TextService(anonymizer: try policies.anonymizer(for: request), metrics: metrics)
            let text = try await TextRequest(body: body(request, limit: limit))
            return json(try await work.run { try service.anonymize(text) })
        }
        // Presidio's analyzer and anonymizer routes, in its shapes.
        router.post("/analyze") { request, _ in
            let presidio = PresidioService(anonymizer: try policies.anonymizer(for: request), metrics: metrics)
            let bytes = try await body(request, limit: limit)
            return json(try await work.run { try presidio.analyze(bytes) })
        }
        router.post("/anonymize") { request, _ in
            let presidio = PresidioService(anonymizer: try policies.anonymizer(for: request), metrics: metrics)
            let bytes = try await body(request, limit: limit)
            return json(try await work.run { try presidio.anonymize(bytes) })
        }
        router.get("/supportedentities") { request, _ in
            json(PresidioService(anonymizer: try policies.anonymizer(for: request), metrics: metrics).supportedEntities())
        }
        router.post("/v1/records") { request, _ in
            let records = RecordsService(anonymizer: try policies.anonymizer(for: request), metrics: metrics)
            let format = try RecordsService.format(query: request.uri.queryParameters.get("format"), contentType: request.headers[.contentType])
            let spooled = try await RecordsService.spool(request.body, limit: limit)
            return try await records.respond(spooled, format: format, work: work)
        }
        let server: HTTPServerBuilder
        if let tls = settings.tls {
            let configuration = try tlsConfiguration(certificate: tls.certificate, key: tls.key)
            do { server = try .tls(.http1(), tlsConfiguration: configuration) } catch {
                throw ServerSetupError("TLS cannot be set up with \(tls.certificate) and \(tls.key)")
            }
        } else {
            server = .http1()
        }
        return Application(
            router: router, server: server,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "veil"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    /// The application ready to run until SIGTERM or SIGINT (what `veil serve` runs).
    package static func runner(
        policies: ServedPolicies, settings: ServerSettings, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ServerSetupError) -> any ApplicationRunner {
        Runner(application: try application(policies: policies, settings: settings, logger: logger, onServerRunning: onServerRunning))
    }

    /// HTTPS with the PEM certificate chain and private key of these files, TLS 1.2 at least.
    static func tlsConfiguration(certificate: String, key: String) throws(ServerSetupError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificate) } catch { throw ServerSetupError("\(certificate): cannot read a PEM certificate chain") }
        guard !chain.isEmpty else { throw ServerSetupError("\(certificate): holds no certificate") }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch { throw ServerSetupError("\(key): cannot read a PEM private key") }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

    private struct Runner<Application: ApplicationProtocol>: ApplicationRunner {
        let application: Application
        func run() async throws { try await application.runService() }
    }

    /// The request's body, at most `limit` bytes (413 past it).
    private static func body(_ request: Request, limit: Int) async throws -> [UInt8] {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: limit)
        }
        return Array(buffer.readableBytesView)
    }

    private static func json(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `{"policy": …, "plugins": [{"id", "version", "kind", "entities", "summary"}]}` for the
    /// plugins the server's policy runs.
    static func pluginList(_ engine: Engine) -> [UInt8] {
        var out: [UInt8] = Array(#"{"policy": "#.utf8)
        out.append(contentsOf: JSONDocument.encodeString(engine.policy.name))
        out.append(contentsOf: #", "plugins": ["#.utf8)
        for (index, id) in engine.policy.plugins.enumerated() {
            guard let manifest = engine.catalog[id]?.manifest else { continue }
            if index > 0 { out.append(contentsOf: ", ".utf8) }
            out.append(contentsOf: #"{"id": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(manifest.id))
            out.append(contentsOf: #", "version": \#(manifest.version), "kind": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(manifest.kind.rawValue))
            out.append(contentsOf: #", "entities": ["#.utf8)
            out.append(contentsOf: manifest.entities.map { JSONDocument.encodeString($0.rawValue) }.joined(separator: Array(", ".utf8)))
            out.append(contentsOf: #"], "summary": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(manifest.summary))
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }
}

/// A server ready to run: it answers until SIGTERM or SIGINT, then finishes the requests in flight.
package protocol ApplicationRunner: Sendable {
    func run() async throws
}
