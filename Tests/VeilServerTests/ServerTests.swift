import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
import VeilCore
import VeilFormats
import VeilRecognizers
import VeilTestSupport

@testable import VeilServer

/// `veil serve` started on an ephemeral loopback port and called as a client would.
@Suite struct ServerTests {
    static let token = "test-token-0123456789abcdef"

    /// One engine for every test (building one is most of a test's time): phone numbers, QQ
    /// numbers and Chinese names, pseudonymized under a fixed key.
    static let anonymizer: Anonymizer = {
        let rules = [EntityType.person, .phoneNumber, .qqNumber].map { ($0, EntityRule(action: .pseudonymize(keep: []))) }
        let policy = Policy(name: "server-test", path: "server-test.yaml", plugins: ["phone-cn", "qq", "person-zh"], rules: Dictionary(uniqueKeysWithValues: rules))
        do {
            let engine = try Engine(
                policy: policy, catalog: PluginCatalog.standard(environment: [:]), key: PseudonymKey(secret: Array("server test key, long enough".utf8)),
                environment: [:])
            return Anonymizer(engine: engine)
        } catch { fatalError("\(error)") }
    }()

    /// What a server's access log wrote, every line with its metadata.
    final class LogCapture: Sendable {
        let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined(separator: "\n") } }

        var logger: Logger {
            Logger(label: "veil.serve.test") { _ in Handler(capture: self) }
        }

        struct Handler: LogHandler {
            let capture: LogCapture
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                let all = metadata.merging(event.metadata ?? [:]) { $1 }
                capture.lines.withLock { $0.append("\(event.level) \(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })") }
            }
        }
    }

    static func application(
        access: ServerSettings.Access = .tokens(try! BearerTokens([token])), maximumBodyBytes: Int = 1 << 20, log: LogCapture = LogCapture(),
        tls: (certificate: String, key: String)? = nil, policies: ServedPolicies = ServedPolicies(anonymizer)
    ) throws -> some ApplicationProtocol {
        try VeilServer.application(
            policies: policies,
            settings: ServerSettings(host: "127.0.0.1", port: 0, access: access, maximumBodyBytes: maximumBodyBytes, tls: tls),
            logger: log.logger)
    }

    /// ``Python/run(_:)``, waited for on a thread of its own: a test blocking one of Swift's few
    /// cooperative threads would starve the server it calls.
    static func python(_ script: String) async throws -> Python.Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try Python.run(script) }) }
        }
    }

    static let authorized: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func body(_ object: Any) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    @Test func healthIsOpenAndTheAPINeedsAToken() async throws {
        try await Self.application().test(.live) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body).contains(#""status": "ok""#))
            for headers: HTTPFields in [[:], [.authorization: "Bearer wrong-token-0123456789"], [.authorization: Self.token]] {
                let refused = try await client.execute(uri: "/v1/analyze", method: .post, headers: headers, body: try Self.body(["text": "x"]))
                #expect(refused.status == .unauthorized)
                #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(try Self.json(refused)["error"] != nil)
            }
            let plugins = try await client.execute(uri: "/v1/plugins", method: .get, headers: Self.authorized)
            #expect(plugins.status == .ok)
            let listed = try #require(try Self.json(plugins)["plugins"] as? [[String: Any]])
            #expect(listed.compactMap { $0["id"] as? String } == ["phone-cn", "qq", "person-zh"])
        }
    }

    /// Findings are the engine's, with code point offsets as `veil scan` writes them; a batch is
    /// answered text by text.
    @Test func analyzeAnswersFindingsInCodePoints() async throws {
        let texts = ["我叫卢立兵，电话13812345678", "🙂 QQ：12345678 找卢立兵"]
        try await Self.application().test(.live) { client in
            let one = try await client.execute(uri: "/v1/analyze", method: .post, headers: Self.authorized, body: try Self.body(["text": texts[1]]))
            #expect(one.status == .ok)
            let batch = try await client.execute(uri: "/v1/analyze", method: .post, headers: Self.authorized, body: try Self.body(["texts": texts]))
            let results = try #require(try Self.json(batch)["results"] as? [[String: Any]])
            #expect(results.count == 2)
            let single = try #require(try Self.json(one)["findings"] as? [[String: Any]])
            for (text, findings) in zip(texts, results.map { $0["findings"] as? [[String: Any]] ?? [] } + [single]) {
                let expected = try Self.anonymizer.engine.scan(text)
                let spans = findings.map { finding -> String in
                    let scalars = Array(text.unicodeScalars)
                    let start = finding["start"] as? Int ?? -1, end = finding["end"] as? Int ?? -1
                    return String(String.UnicodeScalarView(scalars[start..<end])) + "/" + (finding["entity"] as? String ?? "")
                }
                #expect(!expected.isEmpty)
                #expect(
                    spans
                        == expected.map {
                            String(
                                text.utf8[
                                    text.utf8.index(
                                        text.utf8.startIndex, offsetBy: $0.utf8Range.lowerBound)..<text.utf8.index(
                                            text.utf8.startIndex, offsetBy: $0.utf8Range.upperBound)])! + "/" + $0.entity.rawValue
                        })
            }
        }
    }

    /// The answer holds the rewritten text and where each change stands, never an original; a
    /// person keeps one pseudonym across requests and across clients calling at once.
    @Test func anonymizeKeepsOnePseudonymAcrossRequestsAndClients() async throws {
        let originals = ["卢立兵", "13812345678", "12345678"]
        let log = LogCapture()
        try await Self.application(log: log).test(.live) { client in
            let first = try await client.execute(
                uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: try Self.body(["text": "我叫卢立兵，电话13812345678，QQ：12345678"]))
            #expect(first.status == .ok)
            let answer = try Self.json(first)
            let text = try #require(answer["text"] as? String)
            for original in originals { #expect(!String(buffer: first.body).contains(original)) }
            let changes = try #require(answer["changes"] as? [[String: Any]])
            #expect(changes.map { $0["entity"] as? String } == ["PERSON", "PHONE_NUMBER", "QQ_NUMBER"])
            let scalars = Array(text.unicodeScalars)
            let written = changes.map { change in
                String(String.UnicodeScalarView(scalars[(change["output_start"] as? Int ?? 0)..<(change["output_end"] as? Int ?? 0)]))
            }
            let pseudonym = written[0]
            #expect(!pseudonym.isEmpty && pseudonym != "卢立兵" && pseudonym.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) })
            #expect(changes.map { ($0["start"] as? Int ?? -1, $0["end"] as? Int ?? -1) }.elementsEqual([(2, 5), (8, 19), (23, 31)], by: ==))
            // Sixteen clients at once, each a batch naming the same person: one pseudonym for all.
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        let response = try await client.execute(
                            uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: try Self.body(["texts": ["卢立兵说", "我是卢立兵"]]))
                        return String(buffer: response.body)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for answer in answers {
                #expect(answer.contains(pseudonym + "说") && answer.contains("我是" + pseudonym))
                #expect(!answer.contains("卢立兵"))
            }
            // Prometheus's text format: requests by route and status, findings by entity, no value.
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get, headers: Self.authorized).body)
            #expect(metrics.contains(#"veil_http_requests_total{route="/v1/anonymize",status="200"} 17"#), "\(metrics)")
            #expect(metrics.contains(#"veil_findings_total{entity="PERSON"} 33"#))
            #expect(metrics.contains("veil_documents_total 33"))
            #expect(metrics.contains("veil_http_request_duration_seconds_bucket{"))
            for secret in originals + [pseudonym] { #expect(!metrics.contains(secret)) }
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)
        }
        // The access log names requests, never what they held or the token.
        #expect(log.text.contains("route=/v1/anonymize"))
        #expect(log.text.contains("status=200"))
        for secret in originals + [Self.token] { #expect(!log.text.contains(secret)) }
    }

    @Test func badBodiesAreAnsweredWithWhereTheProblemIs() async throws {
        try await Self.application(maximumBodyBytes: 256).test(.live) { client in
            let cases: [(body: [UInt8], status: HTTPResponse.Status, message: String)] = [
                (Array("{\"text\": \"x\",\n  }".utf8), .badRequest, "line 2, column 3: expected a key in double quotes"),
                (Array(#"{"text": "a"#.utf8) + [0xFF] + Array(#""}"#.utf8), .badRequest, "not valid UTF-8 at byte 11"),
                (Array(#"{"txt": "a"}"#.utf8), .badRequest, #"unknown member "txt""#),
                (Array(#"{"text": 5}"#.utf8), .badRequest, #""text" must be a string"#),
                (Array(#"{"texts": ["a", 5]}"#.utf8), .badRequest, "element 1 is not one"),
                (Array(#"{"texts": ["a", {}]}"#.utf8), .badRequest, "element 1 is not one"),
                (Array(#"["a"]"#.utf8), .badRequest, "must be a JSON object"),
                (Array(#"{"text": "a", "texts": []}"#.utf8), .badRequest, "not both"),
                (Array((#"{"text": ""# + String(repeating: "长", count: 200) + #""}"#).utf8), .contentTooLarge, "larger than 256 bytes")
            ]
            for (body, status, message) in cases {
                let response = try await client.execute(uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: ByteBuffer(bytes: body))
                #expect(response.status == status, "\(message)")
                let error = try #require(try Self.json(response)["error"] as? [String: Any])
                #expect((error["message"] as? String ?? "").contains(message))
                #expect(error["status"] as? Int == Int(status.code))
            }
            let empty = try await client.execute(uri: "/v1/analyze", method: .post, headers: Self.authorized, body: try Self.body(["texts": [String]()]))
            #expect(String(buffer: empty.body) == #"{"results": []}"# + "\n")
            let unknown = try await client.execute(uri: "/v2/nothing", method: .get, headers: Self.authorized)
            #expect(unknown.status == .notFound)
            #expect((try Self.json(unknown)["error"] as? [String: Any])?["status"] as? Int == 404)
        }
    }

    /// Presidio's own routes and shapes: its documented anonymizer request (overlapping analyzer
    /// results, operators the server's policy overrides) and an analyzer request.
    @Test func aPresidioClientSwitchesByItsURL() async throws {
        try await Self.application().test(.live) { client in
            let request = """
                {
                  "text": "hello world, my name is Jane Doe. My number is: 034453334",
                  "anonymizers": {
                    "DEFAULT": { "type": "replace", "new_value": "ANONYMIZED" },
                    "PHONE_NUMBER": { "type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": true }
                  },
                  "analyzer_results": [
                    { "start": 24, "end": 32, "score": 0.8, "entity_type": "NAME" },
                    { "start": 24, "end": 28, "score": 0.8, "entity_type": "FIRST_NAME" },
                    { "start": 29, "end": 32, "score": 0.6, "entity_type": "LAST_NAME" },
                    { "start": 48, "end": 57, "score": 0.95, "entity_type": "PHONE_NUMBER",
                      "analysis_explanation": null, "recognition_metadata": { "recognizer_name": "PhoneRecognizer" } }
                  ]
                }
                """
            let anonymized = try await client.execute(uri: "/anonymize", method: .post, headers: Self.authorized, body: ByteBuffer(string: request))
            #expect(anonymized.status == .ok, "\(String(buffer: anonymized.body))")
            let answer = try Self.json(anonymized)
            let text = try #require(answer["text"] as? String)
            // What the client marked is rewritten, whatever Veil finds itself.
            #expect(!text.contains("Jane") && !text.contains("Doe") && !text.contains("034453334"), "\(text)")
            #expect(text.hasPrefix("hello world, my name is "))
            let items = try #require(answer["items"] as? [[String: Any]])
            let scalars = Array(text.unicodeScalars)
            for item in items {
                let written = String(String.UnicodeScalarView(scalars[(item["start"] as? Int ?? 0)..<(item["end"] as? Int ?? 0)]))
                #expect(written == item["text"] as? String)
            }
            #expect(Set(items.compactMap { $0["entity_type"] as? String }).isSuperset(of: ["PHONE_NUMBER"]))

            let analyzed = try await client.execute(
                uri: "/analyze", method: .post, headers: Self.authorized,
                body: try Self.body(["text": "我叫卢立兵，电话13812345678", "language": "zh", "entities": ["PHONE_NUMBER"]]))
            let results = try #require(try JSONSerialization.jsonObject(with: Data(analyzed.body.readableBytesView)) as? [[String: Any]])
            #expect(results.count == 1)
            #expect(results.first?["entity_type"] as? String == "PHONE_NUMBER")
            #expect(results.first?["start"] as? Int == 8 && results.first?["end"] as? Int == 19)
            #expect(results.first?.keys.contains("analysis_explanation") == true)
            let allowed = try await client.execute(
                uri: "/analyze", method: .post, headers: Self.authorized,
                body: try Self.body(["text": "我叫卢立兵，电话13812345678", "language": "zh", "allow_list": ["13812345678"]]))
            #expect(!String(buffer: allowed.body).contains("PHONE_NUMBER"))
            // Offsets outside the text, and ad-hoc recognizers, are refused, never passed over.
            for refused in [
                #"{"text": "abc", "analyzer_results": [{"start": 2, "end": 9, "score": 1, "entity_type": "X"}]}"#,
                #"{"text": "abc", "analyzer_results": [{"start": 0, "end": 1, "score": 1}]}"#,
                // Past any Int (schemathesis found the server trapping on one).
                #"{"text": "abc", "analyzer_results": [{"start": 0, "end": 50584677155571418082009312919552, "entity_type": "X"}]}"#,
                #"{"text": "abc", "analyzer_results": [{"start": -1e300, "end": 1, "entity_type": "X"}]}"#
            ] {
                let response = try await client.execute(uri: "/anonymize", method: .post, headers: Self.authorized, body: ByteBuffer(string: refused))
                #expect(response.status == .badRequest, "\(refused)")
            }
            let adHoc = try await client.execute(
                uri: "/analyze", method: .post, headers: Self.authorized,
                body: ByteBuffer(string: #"{"text": "abc", "language": "en", "ad_hoc_recognizers": []}"#))
            #expect(adHoc.status == .badRequest)
            let entities = try await client.execute(uri: "/supportedentities", method: .get, headers: Self.authorized)
            #expect(String(buffer: entities.body) == #"["LOCATION", "ORGANIZATION", "PERSON", "PHONE_NUMBER", "QQ_NUMBER"]"# + "\n")
        }
    }

    /// A client in another language: Python's `requests`, as a notebook would call the server.
    @Test func aPythonClientAnonymizes() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            let script = """
                import json, requests
                url = "http://127.0.0.1:\(port)/v1/anonymize"
                answer = requests.post(url, json={"text": "电话13812345678"}, headers={"Authorization": "Bearer \(Self.token)"}, timeout=30)
                answer.raise_for_status()
                body = answer.json()
                assert "13812345678" not in body["text"], body
                assert body["changes"][0]["entity"] == "PHONE_NUMBER", body
                refused = requests.post(url, json={"text": "x"}, timeout=30)
                assert refused.status_code == 401, refused.status_code
                print("ok")
                """
            let run = try await Self.python(script)
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output == "ok\n")
        }
    }

    /// HTTPS with a certificate of its own: a client that checks the chain and the name (Python's
    /// `requests` given the certificate) gets its answer; files that are not PEM are an error that
    /// names them.
    @Test func httpsWithTheOperatorsCertificate() async throws {
        let folder = TemporaryFolder()
        let certificate = folder.path + "/cert.pem", key = folder.path + "/key.pem"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"
        ]
        openssl.standardError = Pipe()
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)
        try await Self.application(tls: (certificate, key)).test(.ahc(.https)) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            let port = try #require(client.port)
            let run = try await Self.python(
                """
                import requests
                answer = requests.post("https://localhost:\(port)/v1/anonymize", json={"text": "电话13812345678"},
                                       headers={"Authorization": "Bearer \(Self.token)"}, verify="\(certificate)", timeout=30)
                answer.raise_for_status()
                assert "13812345678" not in answer.json()["text"]
                try:
                    requests.get("http://localhost:\(port)/health", timeout=10)
                    print("plain HTTP was answered")
                except requests.exceptions.ConnectionError:
                    print("ok")
                """)
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output == "ok\n")
        }
        for (certificateFile, keyFile, named) in [(key, key, key), (certificate, certificate, certificate), (folder.path + "/none.pem", key, "none.pem")] {
            do {
                _ = try Self.application(tls: (certificateFile, keyFile))
                Issue.record("\(certificateFile), \(keyFile) were taken")
            } catch { #expect("\(error)".contains(named), "\(error)") }
        }
    }

    /// A dataset is answered as `veil anonymize` writes the same file under the same policy and
    /// key; a record that cannot be read is answered 400 with its line before any output.
    @Test func recordsAreStreamedAsTheCommandLineWritesThem() async throws {
        let jsonl = """
            {"id": 1, "text": "我叫卢立兵，电话13812345678", "meta": {"qq": "QQ：12345678"}}
            {"id": 2, "text": "卢先生说他明天到"}

            """
        let csv = "id,comment\n1,\"电话13812345678，找卢立兵\"\n2,QQ：12345678\n"
        let folder = TemporaryFolder()
        for (body, format, type) in [(jsonl, InputFormat.jsonl, "application/x-ndjson"), (csv, .csv, "text/csv")] {
            // What the command line's pipeline writes for the same file, with the server's anonymizer.
            let file = folder.write("in.\(format.rawValue)", body)
            var written: [UInt8] = []
            var pipeline = DocumentPipeline(anonymizer: Self.anonymizer, format: format)
            pipeline.known = try pipeline.firstPass(over: [file])
            try pipeline.anonymize(LineReader(path: file)) { written += $0.bytes }
            let expected = written
            try await Self.application().test(.live) { client in
                var headers = Self.authorized
                headers[.contentType] = type
                let response = try await client.execute(uri: "/v1/records", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                #expect(Array(response.body.readableBytesView) == expected, "\(String(buffer: response.body))")
                #expect(!String(buffer: response.body).contains("13812345678"))
                let byQuery = try await client.execute(
                    uri: "/v1/records?format=\(format.rawValue)", method: .post, headers: Self.authorized, body: ByteBuffer(string: body))
                #expect(Array(byQuery.body.readableBytesView) == expected)
            }
        }
        try await Self.application().test(.live) { client in
            let bad = try await client.execute(
                uri: "/v1/records?format=jsonl", method: .post, headers: Self.authorized,
                body: ByteBuffer(string: "{\"text\": \"电话13812345678\"}\n{\"text\": \"x\",}\n"))
            #expect(bad.status == .badRequest)
            let message = (try Self.json(bad)["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.hasPrefix("body:2:"), "\(message)")
            #expect(!String(buffer: bad.body).contains("13812345678"))
            let unsaid = try await client.execute(uri: "/v1/records", method: .post, headers: Self.authorized, body: ByteBuffer(string: "a,b\n"))
            #expect(unsaid.status == .badRequest)
        }
    }

    /// A request chooses among the policies the operator named, and only among them.
    @Test func aRequestChoosesAmongTheNamedPolicies() async throws {
        let redacting = try Anonymizer(
            engine: Engine(
                policy: Policy(name: "redact", path: "redact.yaml", plugins: ["phone-cn"], rules: [.phoneNumber: EntityRule(action: .redact)]),
                catalog: PluginCatalog.standard(environment: [:]), key: PseudonymKey(secret: Array("server test key, long enough".utf8)), environment: [:]))
        let policies = ServedPolicies(["server-test": Self.anonymizer, "redact": redacting], defaultName: "server-test")
        try await Self.application(policies: policies).test(.live) { client in
            let text = try Self.body(["text": "电话13812345678"])
            let usual = try Self.json(try await client.execute(uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: text))
            let redacted = try Self.json(
                try await client.execute(uri: "/v1/anonymize?policy=redact", method: .post, headers: Self.authorized, body: text))
            #expect((usual["text"] as? String)?.count == "电话13812345678".count)
            #expect(redacted["text"] as? String == "电话")
            let plugins = try Self.json(try await client.execute(uri: "/v1/plugins?policy=redact", method: .get, headers: Self.authorized))
            #expect(plugins["policy"] as? String == "redact")
            let unknown = try await client.execute(uri: "/v1/anonymize?policy=../etc/policy.yaml", method: .post, headers: Self.authorized, body: text)
            #expect(unknown.status == .badRequest)
            #expect(String(buffer: unknown.body).contains("redact, server-test"))
        }
    }

    /// A process plugin that crashes on one request fails that request alone (nothing of it is
    /// returned, and nothing of its text is said); requests around it, and after it, are answered.
    @Test func aCrashingProcessPluginFailsOnlyItsRequest() async throws {
        let log = LogCapture()
        try await Self.application(log: log, policies: ServedPolicies(Anonymizer(engine: Self.unrulyEngine()))).test(.live) { client in
            let answers = try await withThrowingTaskGroup(of: (Bool, HTTPResponse.Status, String).self) { group in
                for index in 0..<9 {
                    let crashes = index == 4
                    group.addTask {
                        let text = crashes ? "CRASH 电话13812345678" : "ALICE 电话13812345678 \(index)"
                        let response = try await client.execute(uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: try Self.body(["text": text]))
                        return (crashes, response.status, String(buffer: response.body))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for (crashes, status, body) in answers {
                #expect(!body.contains("13812345678"))
                if crashes {
                    #expect(status == .unprocessableContent, "\(body)")
                    #expect(body.contains("unruly") && !body.contains("CRASH"), "\(body)")
                } else {
                    #expect(status == .ok, "\(body)")
                    #expect(!body.contains("ALICE"))
                }
            }
            let after = try await client.execute(uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: try Self.body(["text": "ALICE"]))
            #expect(after.status == .ok)
        }
        for secret in ["CRASH", "ALICE", "13812345678"] { #expect(!log.text.contains(secret)) }
    }

    /// An engine with the test fixture that crashes (CRASH), hangs (HANG) or finds ALICE, beside
    /// phone-cn; both redacted.
    static func unrulyEngine() throws -> Engine {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../VeilCoreTests/Fixtures/process-plugins")
            .standardized.path
        return try Engine(
            policy: Policy(
                name: "unruly", path: "unruly.yaml", plugins: ["unruly", "phone-cn"],
                rules: [.person: EntityRule(action: .redact), .phoneNumber: EntityRule(action: .redact)]),
            catalog: PluginCatalog.standard(extraDirectories: [fixtures], environment: [:]),
            key: PseudonymKey(secret: Array("server test key, long enough".utf8)), environment: [:])
    }

    /// Work past the time limit is answered 503 and holds its place until it ends, so the request
    /// after it, past the bound of one in flight, is answered 429; once the work ends the next is
    /// answered.
    @Test func slowWorkIs503AndHoldsItsPlaceSoTheNextIs429() async throws {
        let settings = ServerSettings(
            host: "127.0.0.1", port: 0, access: .tokens(try BearerTokens([Self.token])), timeLimit: .milliseconds(500), maximumInFlight: 1)
        let application = try VeilServer.application(
            policies: ServedPolicies(Anonymizer(engine: Self.unrulyEngine())), settings: settings, logger: LogCapture().logger)
        try await application.test(.live) { client in
            // The plugin sleeps on HANG until its own timeout (3 s) ends it.
            let slow = try await client.execute(uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: try Self.body(["text": "HANG 13812345678"]))
            #expect(slow.status == .serviceUnavailable)
            #expect(slow.headers[.retryAfter] == "1")
            #expect(!String(buffer: slow.body).contains("13812345678"))
            let refused = try await client.execute(uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: try Self.body(["text": "ALICE"]))
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "1")
            // The place is given back when the plugin's timeout ends the work.
            while String(buffer: try await client.execute(uri: "/metrics", method: .get, headers: Self.authorized).body).contains("veil_requests_in_flight 1") {
                try await Task.sleep(for: .milliseconds(50))
            }
            let next = try await client.execute(uri: "/v1/anonymize", method: .post, headers: Self.authorized, body: try Self.body(["text": "ALICE"]))
            #expect(next.status == .ok)
        }
    }
}
