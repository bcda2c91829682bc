package import Hummingbird
import VeilFormats

/// A request the server refuses or could not answer, written as
/// `{"error": {"status": 400, "code": "bad_json", "message": "…"}}`. Messages say what is wrong
/// and where (a line and column of the body, an index of a batch), never what the text holds.
package struct APIError: HTTPResponseError, Sendable {
    package let status: HTTPResponse.Status
    /// A short stable name clients can branch on.
    package let code: String
    package let message: String
    /// Extra headers (WWW-Authenticate, Retry-After).
    package var headers: HTTPFields = [:]

    package init(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        var body: [UInt8] = []
        body.append(contentsOf: #"{"error": {"status": "#.utf8)
        body.append(contentsOf: String(status.code).utf8)
        body.append(contentsOf: #", "code": "#.utf8)
        body.append(contentsOf: JSONDocument.encodeString(code))
        body.append(contentsOf: #", "message": "#.utf8)
        body.append(contentsOf: JSONDocument.encodeString(message))
        body.append(contentsOf: "}}\n".utf8)
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func unauthorized() -> APIError {
        APIError(.unauthorized, "unauthorized", "a bearer token is required (Authorization: Bearer <token>)", headers: [.wwwAuthenticate: #"Bearer realm="veil""#])
    }

    static func tooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, "body_too_large", "the request body is larger than \(limit) bytes (the server's --max-body)")
    }

    static func busy() -> APIError {
        APIError(.tooManyRequests, "busy", "too many requests are being worked on; try again shortly", headers: [.retryAfter: "1"])
    }

    static func timedOut(_ limit: Duration) -> APIError {
        APIError(
            .serviceUnavailable, "timeout",
            "the documents took longer than the server's time limit (\(limit.components.seconds) s) and none was returned; send smaller batches",
            headers: [.retryAfter: "1"])
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "bad_request", message) }

    static func internalError(_ message: String) -> APIError { APIError(.internalServerError, "internal", message) }

    static func badJSON(_ message: String) -> APIError { APIError(.badRequest, "bad_json", message) }

    /// A document the engine could not finish (engine errors name places and entities, never text).
    static func documentFailed(_ message: String) -> APIError { APIError(.unprocessableContent, "document_failed", message) }
}
