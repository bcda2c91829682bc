import Foundation
import Testing
import VeilTestSupport

/// `veil serve` as an operator runs it: a process of its own, stopped with SIGTERM.
@Suite struct ServeTests {
    /// A `veil serve` process listening on a free loopback port, the port, and what it has printed
    /// on standard error so far (the rest is read from `errors`).
    static func startServer(_ arguments: [String]) throws -> (server: Process, port: Int, errors: Pipe, printed: Data) {
        let server = Process()
        server.executableURL = VeilRunner.executable
        server.arguments = ["serve", "--no-auth", "--listen", "127.0.0.1:0", "--key", "env:VEIL_TEST_KEY"] + arguments
        server.environment = ProcessInfo.processInfo.environment.merging(CLITests.key) { $1 }
        server.currentDirectoryURL = VeilRunner.packageRoot
        let errors = Pipe()
        server.standardError = errors
        try server.run()
        // The port, from the line the server prints once it listens.
        var printed = Data()
        while true {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty {
                server.terminate()
                Issue.record("the server stopped before listening: \(String(decoding: printed, as: UTF8.self))")
                throw CancellationError()
            }
            printed += chunk
            let text = String(decoding: printed, as: UTF8.self)
            if let range = text.range(of: "http://127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                return (server, port, errors, printed)
            }
        }
    }

    /// SIGTERM while a request is being worked on: the request is answered whole, then the server
    /// exits 0; nothing of what it was sent reaches its log.
    @Test func sigtermFinishesTheRequestsInFlight() throws {
        var (server, port, errors, printed) = try Self.startServer([])
        defer { if server.isRunning { server.terminate() } }
        // A client sends a batch long enough to be in flight when the signal comes: it waits until
        // /metrics counts it, sends SIGTERM itself, and reports what it got.
        let run = try Python.run(
            """
            import json, os, signal, threading, time, urllib.request
            base = "http://127.0.0.1:\(port)"
            texts = ["我叫卢立兵，电话13812345678，住在于都县。第%d条" % n for n in range(600)]
            answer = {}
            def send():
                request = urllib.request.Request(base + "/v1/anonymize", data=json.dumps({"texts": texts}).encode(),
                                                 headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=300) as response:
                    answer["status"] = response.status
                    answer["body"] = json.loads(response.read())
            sender = threading.Thread(target=send)
            sender.start()
            while sender.is_alive():
                metrics = urllib.request.urlopen(base + "/metrics", timeout=30).read().decode()
                if "veil_requests_in_flight 1" in metrics:
                    break
                time.sleep(0.01)
            else:
                raise SystemExit("the batch was answered before the signal could be sent")
            os.kill(\(server.processIdentifier), signal.SIGTERM)
            sender.join()
            results = answer["body"]["results"]
            assert all("13812345678" not in result["text"] for result in results)
            print(answer["status"], len(results))
            """)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "200 600\n")
        printed += errors.fileHandleForReading.readDataToEndOfFile()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
        let log = String(decoding: printed, as: UTF8.self)
        #expect(log.contains("route=/v1/anonymize") && log.contains("status=200"), "\(log)")
        for original in ["卢立兵", "13812345678", "于都"] { #expect(!log.contains(original)) }
    }

    /// With a vault, the server's pseudonyms are kept: `veil reveal` tells what one stands for once
    /// the server has stopped.
    @Test func aServersVaultRevealsItsPseudonyms() throws {
        let folder = TemporaryFolder()
        let vault = folder.path + "/mapping.db"
        let (server, port, _, _) = try Self.startServer(["--vault", vault])
        defer { if server.isRunning { server.terminate() } }
        let run = try Python.run(
            """
            import json, urllib.request
            request = urllib.request.Request("http://127.0.0.1:\(port)/v1/anonymize", data=json.dumps({"text": "我叫卢立兵"}).encode())
            answer = json.loads(urllib.request.urlopen(request, timeout=120).read())
            change = answer["changes"][0]
            print(answer["text"][change["output_start"]:change["output_end"]])
            """)
        #expect(run.status == 0, "\(run.errors)")
        let pseudonym = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!pseudonym.isEmpty && pseudonym != "卢立兵")
        server.terminate()
        server.waitUntilExit()
        let revealed = try VeilRunner.run(["reveal", "--key", "env:VEIL_TEST_KEY", "--vault", vault, "--pseudonym", pseudonym], environment: CLITests.key)
        #expect(revealed.status == 0, "\(revealed.stderr)")
        #expect(revealed.stdout == "PERSON\t卢立兵\n")
    }
}
