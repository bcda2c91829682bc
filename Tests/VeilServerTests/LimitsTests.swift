import Dispatch
import Foundation
import HTTPTypes
import Testing
import VeilTestSupport

@testable import VeilServer

/// The server's limits and its tokens, each on its own.
@Suite struct LimitsTests {
    /// Work held until the test lets it go: what a long document is to the server.
    final class Gate: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        func wait() { started.signal(); semaphore.wait() }
        func open() { semaphore.signal() }
    }

    @Test func requestsPastTheBoundInFlightAreAnswered429() async throws {
        let work = EngineWork(limit: 1, timeLimit: .seconds(60))
        let gate = Gate()
        let held = Task {
            try await work.run {
                gate.wait(); return 1
            }
        }
        gate.started.wait()
        await #expect(throws: APIError.self) { try await work.run { 2 } }
        do { _ = try await work.run { 2 } } catch let error as APIError {
            #expect(error.status == .tooManyRequests)
            #expect(error.headers[.retryAfter] == "1")
        }
        gate.open()
        #expect(try await held.value == 1)
        // The slot is free again.
        #expect(try await work.run { 3 } == 3)
    }

    /// Past its time limit a request is answered 503 and gets nothing of its work; the work keeps
    /// its slot until it ends, so timed-out requests cannot pile work up.
    @Test func workPastTheTimeLimitIsAnswered503AndDropped() async throws {
        let work = EngineWork(limit: 1, timeLimit: .milliseconds(50))
        let gate = Gate()
        do {
            _ = try await work.run {
                gate.wait(); return "late"
            }
            Issue.record("a result came past the time limit")
        } catch let error as APIError {
            #expect(error.status == .serviceUnavailable)
            #expect(error.code == "timeout")
        }
        #expect(work.count == 1)
        await #expect(throws: APIError.self) { try await work.run { "other" } }
        gate.open()
        while work.count > 0 { await Task.yield() }
        #expect(try await work.run { "next" } == "next")
    }

    @Test func anErrorOfTheWorkReachesTheRequest() async throws {
        struct Failure: Error {}
        let work = EngineWork(limit: 2, timeLimit: .seconds(60))
        await #expect(throws: Failure.self) { try await work.run { throw Failure() } }
        #expect(work.count == 0)
    }

    @Test func tokensAreCheckedWholeAndReadFromAPrivateFile() throws {
        let tokens = try BearerTokens(["first-token-0123456789", "second-token-0123456789"])
        #expect(tokens.admit(authorization: "Bearer first-token-0123456789"))
        #expect(tokens.admit(authorization: "bearer second-token-0123456789"))
        for refused in [nil, "", "Bearer", "Bearer first-token-012345678", "Bearer first-token-01234567890", "Basic first-token-0123456789", "first-token-0123456789"] {
            #expect(!tokens.admit(authorization: refused), "\(refused ?? "nil")")
        }
        #expect(throws: ServerSetupError.self) { try BearerTokens(["short"]) }
        #expect(throws: ServerSetupError.self) { try BearerTokens([]) }

        let folder = TemporaryFolder()
        let file = folder.write("tokens", "# the newsroom's pipeline\nfirst-token-0123456789\n\n  third-token-0123456789  \n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        do {
            _ = try BearerTokens(file: file)
            Issue.record("a token file others can read was accepted")
        } catch { #expect(error.message.contains("chmod 600")) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let read = try BearerTokens(file: file)
        #expect(read.admit(authorization: "Bearer third-token-0123456789"))
        #expect(!read.admit(authorization: "Bearer # the newsroom's pipeline"))
        // A token file's error never quotes a token.
        let weak = folder.write("weak", "tooshort\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: weak)
        do { _ = try BearerTokens(file: weak) } catch {
            #expect(!error.message.contains("tooshort"))
            #expect(error.message.contains("token 1"))
        }
    }

    @Test func anOpenServerListensOnLoopbackOnly() {
        for host in ["127.0.0.1", "127.1.2.3", "::1", "localhost"] {
            #expect(ServerSettings(host: host, access: .open).problems().isEmpty, "\(host)")
        }
        for host in ["0.0.0.0", "192.168.1.4", "::", "example.org", "127.0.0"] {
            #expect(ServerSettings(host: host, access: .open).problems().first?.contains("--no-auth") == true, "\(host)")
        }
        let tokens = try! BearerTokens(["first-token-0123456789"])
        #expect(ServerSettings(host: "0.0.0.0", access: .tokens(tokens)).problems().isEmpty)
        #expect(!ServerSettings(host: "127.0.0.1", port: 70_000, access: .open).problems().isEmpty)
    }
}
