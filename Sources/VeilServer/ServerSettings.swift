/// How `veil serve` listens and what it admits, fixed at start.
package struct ServerSettings: Sendable {
    /// The address to listen on (a host name or IP address) and the port (0: any free port).
    package var host: String
    package var port: Int
    /// Who may call: bearer tokens, or nobody checked (only on a loopback address).
    package var access: Access
    /// The largest request body read; a larger one is answered 413 before it is parsed.
    package var maximumBodyBytes: Int
    /// How long one request's documents may take; past it the request is answered 503 and its
    /// result, when it comes, is dropped.
    package var timeLimit: Duration
    /// How many requests are worked on at once; more are answered 429 with Retry-After.
    package var maximumInFlight: Int
    /// The certificate chain and private key (PEM files) to serve HTTPS with; nil: plain HTTP.
    package var tls: (certificate: String, key: String)?

    /// Who may call the API (``/health`` is open to all).
    package enum Access: Sendable {
        case tokens(BearerTokens)
        /// No token asked: allowed only when the server listens on a loopback address.
        case open
    }

    package init(
        host: String = "127.0.0.1", port: Int = 8080, access: Access, maximumBodyBytes: Int = 4 << 20, timeLimit: Duration = .seconds(30),
        maximumInFlight: Int = 64, tls: (certificate: String, key: String)? = nil
    ) {
        self.host = host
        self.port = port
        self.access = access
        self.maximumBodyBytes = maximumBodyBytes
        self.timeLimit = timeLimit
        self.maximumInFlight = maximumInFlight
        self.tls = tls
    }

    /// Whether `host` names this machine's loopback interface only (127.0.0.0/8, ::1, localhost).
    package static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ part in UInt8(part) != nil }) else { return false }
        return parts[0] == "127"
    }

    /// The settings' problems, each a sentence: an open server on another address than loopback,
    /// limits that admit nothing.
    package func problems() -> [String] {
        var problems: [String] = []
        if case .open = access, !Self.isLoopback(host) {
            problems.append("--no-auth is allowed only on a loopback address (127.0.0.1, ::1, localhost), not on \(host): give --token-file")
        }
        if !(0...65_535).contains(port) { problems.append("the port must be between 0 and 65535, not \(port)") }
        if maximumBodyBytes < 1 { problems.append("the body limit must be at least one byte") }
        if maximumInFlight < 1 { problems.append("at least one request must be allowed in flight") }
        if timeLimit <= .zero { problems.append("the time limit must be longer than zero") }
        return problems
    }
}
