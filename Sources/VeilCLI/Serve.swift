import ArgumentParser
import Foundation
import Logging
import VeilCore
import VeilServer

/// `veil serve`: the HTTP API (see `Docs/openapi.yaml`) over one engine built at start.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer analyze and anonymize requests over HTTP (JSON), with one engine built at start.",
        discussion: """
            Every route but /health needs `Authorization: Bearer <token>`, a token of --token-file (one a line, \
            the file readable by its owner only). --no-auth serves without tokens, on a loopback address only. \
            SIGTERM or SIGINT stops the server once the requests in flight are answered.
            """)

    @OptionGroup var engineOptions: EngineOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Another policy requests may choose with ?policy=NAME (repeatable); --policy is the one used otherwise.", valueName: "name=file"))
    var namedPolicy: [String] = []

    @Option(name: .long, help: ArgumentHelp("Where to listen: HOST:PORT (port 0: any free port).", valueName: "host:port"))
    var listen: String = "127.0.0.1:8080"

    @Option(name: .long, help: ArgumentHelp("A file of bearer tokens, one a line (16 bytes or more each).", valueName: "file"))
    var tokenFile: String?

    @Flag(name: .long, help: "Serve without tokens (only on a loopback address).")
    var noAuth = false

    @Option(name: .long, help: ArgumentHelp("The largest request body, in bytes (K and M suffixes allowed).", valueName: "size"))
    var maxBody: String = "4M"

    @Option(name: .long, help: ArgumentHelp("Seconds a request's documents may take before it is answered 503.", valueName: "seconds"))
    var timeLimit: Int = 30

    @Option(name: .long, help: ArgumentHelp("Requests worked on at once; more are answered 429.", valueName: "count"))
    var maxInFlight: Int = 64

    @Option(name: .long, help: ArgumentHelp("Serve HTTPS with this PEM certificate chain (with --tls-key).", valueName: "file"))
    var tlsCert: String?

    @Option(name: .long, help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Option(name: .long, help: "Access log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        if noAuth && tokenFile != nil { throw ValidationError("give --token-file or --no-auth, not both") }
        if !noAuth && tokenFile == nil { throw ValidationError("give --token-file FILE (bearer tokens, one a line), or --no-auth on a loopback address") }
        if Self.address(listen) == nil { throw ValidationError("--listen must be HOST:PORT, as 127.0.0.1:8080 or [::1]:8080") }
        if Self.bytes(maxBody) == nil { throw ValidationError("--max-body must be a number of bytes, as 1048576, 512K or 4M") }
        for named in namedPolicy where Self.named(named) == nil { throw ValidationError("--named-policy must be NAME=FILE, not \(named)") }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("give --tls-cert and --tls-key together") }
        if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical") }
    }

    func run() async throws {
        var application: (any ApplicationRunner)?
        try reportingErrors {
            // What the server admits is settled before the engine is built (seconds of start-up).
            let (host, port) = Self.address(listen)!
            let access: ServerSettings.Access = try noAuth ? .open : .tokens(BearerTokens(file: tokenFile!))
            let settings = ServerSettings(
                host: host, port: port, access: access, maximumBodyBytes: Self.bytes(maxBody)!, timeLimit: .seconds(timeLimit),
                maximumInFlight: maxInFlight, tls: tlsCert.map { ($0, tlsKey!) })
            let problems = settings.problems()
            if !problems.isEmpty { throw ValidationError(problems.joined(separator: "; ")) }
            let engine = try engineOptions.makeEngine()
            if engine.key.isEphemeral {
                Console.error(
                    "veil: note: no pseudonym key given; pseudonyms are consistent until the server stops (set pseudonyms.key in the policy or pass --key env:NAME)")
            }
            var vaults: [String: PseudonymVault] = [:]
            func anonymizer(_ engine: Engine) throws -> Anonymizer {
                // One vault per file, whichever policies name it.
                guard let path = engineOptions.vault ?? engine.policy.vaultPath else { return Anonymizer(engine: engine) }
                if vaults[path] == nil { vaults[path] = try engineOptions.openVault(engine) }
                return Anonymizer(engine: engine, vault: vaults[path])
            }
            var anonymizers = [engine.policy.name: try anonymizer(engine)]
            for named in namedPolicy {
                let (name, file) = Self.named(named)!
                guard anonymizers[name] == nil else { throw ValidationError("two policies are named \(name)") }
                anonymizers[name] = try anonymizer(try engineOptions.makeEngine(policyFile: file))
            }
            let policies = ServedPolicies(anonymizers, defaultName: engine.policy.name)
            var logger = Logger(label: "veil.serve")
            logger.logLevel = Logger.Level(rawValue: logLevel)!
            let served = anonymizers.keys.sorted().map { "\($0) (\(anonymizers[$0]!.engine.policy.plugins.count) plugins)" }.joined(separator: ", ")
            application = try VeilServer.runner(policies: policies, settings: settings, logger: logger) { port in
                Console.error(
                    "veil: serving \(served) on \(tlsCert == nil ? "http" : "https")://\(host.contains(":") ? "[\(host)]" : host):\(port)"
                )
                Console.flush()
            }
        }
        try await application?.run()
    }

    /// HOST:PORT, [IPv6]:PORT.
    static func address(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    /// NAME=FILE.
    static func named(_ text: String) -> (String, String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// A size in bytes, with an optional K or M suffix.
    static func bytes(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "k": 1 << 10, "M": 1 << 20, "m": 1 << 20]
        if let last = text.last, let unit = units[last] { return Int(text.dropLast()).flatMap { $0 > 0 ? $0 * unit : nil } }
        return Int(text).flatMap { $0 > 0 ? $0 : nil }
    }
}
