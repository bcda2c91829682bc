import Foundation
import Hummingbird
import Logging

/// Answers 401 to a request without one of the server's bearer tokens, but for the `open` paths.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: BearerTokens
    let open: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard open.contains(request.uri.path) || tokens.admit(authorization: request.headers[.authorization]) else { throw APIError.unauthorized() }
        return try await next(request, context)
    }
}

/// One line per request at `info`: its id (also sent back as `X-Request-Id`), method, route,
/// status, body sizes and time. Never the query, the body, a header's value or a finding: the
/// route is the pattern matched (`/v1/anonymize`), not the path asked for, which a client could
/// fill with anything.
///
/// Errors become their JSON answer here, so that they are logged with their status and carry the
/// request id too; an error that is not the server's own is answered 500 and logged by its type
/// alone.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    /// The method of each route: a known route asked with another method is answered 405.
    let routes: [String: String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError where error.status == .notFound && routes[request.uri.path] != nil {
            let allowed = routes[request.uri.path] ?? ""
            response = try APIError(.methodNotAllowed, "method_not_allowed", "\(request.uri.path) answers \(allowed) only", headers: [.allow: allowed])
                .response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own (404 for a route it does not know): the same JSON as ours.
            let code = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            response = try APIError(error.status, code, "\(error.status.code) \(error.status.reasonPhrase)").response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error.type": "\(type(of: error))"])
            response = try APIError.internalError("the server failed; the request's id is in X-Request-Id").response(from: request, context: context)
        }
        let id = context.id
        response.headers[.init("X-Request-Id")!] = id
        let duration = ContinuousClock.now - started
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        let route = context.endpointPath ?? "(no route)"
        metrics.request(
            route: route, status: response.status.code, duration: duration, requestBytes: request.headers[.contentLength].flatMap { Int($0) },
            responseBytes: response.body.contentLength)
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "route": .string(route),
                "status": .stringConvertible(response.status.code),
                "request_bytes": .string(request.headers[.contentLength] ?? "-"),
                "response_bytes": .string(response.body.contentLength.map(String.init) ?? "-"),
                "ms": .string(String(format: "%.1f", milliseconds))
            ])
        return response
    }
}
