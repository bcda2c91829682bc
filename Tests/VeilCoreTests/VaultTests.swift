import Crypto
import Dispatch
import Foundation
import Synchronization
import Testing
import VeilTestSupport

@testable import VeilCore

/// The mapping vault: claims, agreement across runs, concurrent writers, and keys.
@Suite struct VaultTests {
    static let key = PseudonymKey(secret: Array("vault tests key, long enough".utf8))

    @Test func aPseudonymBelongsToOneOriginal() throws {
        let folder = TemporaryFolder()
        let vault = try PseudonymVault(path: folder.path + "/v.db", key: Self.key)
        #expect(try vault.claim(entity: .person, original: "王芳", pseudonym: "陈静") == "陈静")
        #expect(try vault.claim(entity: .person, original: "李娜", pseudonym: "陈静") == nil, "taken by another original")
        #expect(try vault.claim(entity: .person, original: "王芳", pseudonym: "赵敏") == "陈静", "an original keeps its pseudonym")
        #expect(try vault.claim(entity: .location, original: "北京", pseudonym: "陈静") == "陈静", "entities have their own spaces")
        #expect(try vault.reveal("陈静").map(\.original).sorted() == ["北京", "王芳"])
    }

    /// A document's claims and renderings are written in one transaction; what it claimed is kept
    /// when it fails part-way (as claims made one by one were), and another connection sees it all.
    @Test func aBatchKeepsItsClaimsAlsoWhenItsDocumentFails() throws {
        struct Failed: Error {}
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        let vault = try PseudonymVault(path: path, key: Self.key)
        #expect(throws: Failed.self) {
            try vault.batch {
                #expect(try vault.claim(entity: .person, original: "王芳", pseudonym: "陈静") == "陈静")
                #expect(try vault.claim(entity: .person, original: "李娜", pseudonym: "陈静") == nil)
                try vault.recordRenderings([
                    .init(entity: .person, rendered: "陈先生", original: "王先生"),
                    .init(entity: .person, rendered: "陈先生", original: "王先生")
                ])
                throw Failed()
            }
        }
        let other = try PseudonymVault(path: path, key: Self.key)
        #expect(try other.pseudonym(entity: .person, original: "王芳") == "陈静")
        #expect(try other.reveal("陈先生").map(\.original) == ["王先生"])
        #expect(try other.renderings().filter { $0.rendered == "陈先生" }.count == 1)
    }

    @Test func originalsMovedBetweenRowsDoNotOpen() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        do {
            let vault = try PseudonymVault(path: path, key: Self.key)
            _ = try vault.claim(entity: .person, original: "王芳", pseudonym: "陈静")
            _ = try vault.claim(entity: .person, original: "李娜", pseudonym: "赵敏")
        }
        // Someone with write access to the file swaps the two sealed originals.
        let database = try SQLiteDatabase(path: path)
        let rows = try database.query("SELECT pseudonym, original FROM pseudonyms ORDER BY pseudonym")
        try database.query("UPDATE pseudonyms SET original = ?1 WHERE pseudonym = ?2", [rows[1][1], rows[0][0]])
        try database.query("UPDATE pseudonyms SET original = ?1 WHERE pseudonym = ?2", [rows[0][1], rows[1][0]])
        let vault = try PseudonymVault(path: path, key: Self.key)
        #expect(throws: VaultError.self) { try vault.reveal("陈静") }
        #expect(throws: VaultError.self) { try vault.renderings() }
    }

    @Test func aLaterRunAgreesAndTheFileHoldsNoOriginal() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        let engine = try Engine(
            policy: Policy(
                name: "t", path: "t.yaml", plugins: ["person-zh", "phone-cn"],
                rules: [
                    .person: EntityRule(action: .pseudonymize(keep: [])),
                    .phoneNumber: EntityRule(action: .pseudonymize(keep: []))
                ]),
            catalog: Shipped.catalog, key: Self.key)
        let text = "房东王建国的电话是13812345678，王先生说。"
        let first = try Anonymizer(engine: engine, vault: PseudonymVault(path: path, key: Self.key)).anonymize(text).text
        let second = try Anonymizer(engine: engine, vault: PseudonymVault(path: path, key: Self.key)).anonymize(text).text
        #expect(first == second && first != text)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for original in ["王建国", "13812345678", "王先生"] {
            #expect(bytes.range(of: Data(original.utf8)) == nil, "the vault file must not hold \(original) in the clear")
        }
        // Every mention comes back.
        let renderings = try PseudonymVault(path: path, key: Self.key).renderings()
        var restored = second
        for (rendered, original) in renderings.sorted(by: { $0.rendered.count > $1.rendered.count }) {
            restored = restored.replacingOccurrences(of: rendered, with: original)
        }
        #expect(restored == text)
    }

    @Test func concurrentWritersNeverShareAPseudonym() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        let vaults = try (0..<2).map { _ in try PseudonymVault(path: path, key: Self.key) }
        // Two connections (as two runs would have) claim from a small pool of candidates at once.
        let names = (0..<200).map { "name\($0)" }
        let results = Mutex([String: Set<String>]())
        DispatchQueue.concurrentPerform(iterations: 400) { iteration in
            let vault = vaults[iteration % 2]
            let name = names[(iteration * 7) % names.count]
            var attempt = 0
            while true {
                let candidate = "p\((name.hashValue &+ attempt) & 0xFFF)"
                if let settled = try? vault.claim(entity: .person, original: name, pseudonym: candidate) {
                    _ = results.withLock { $0[name, default: []].insert(settled) }
                    return
                }
                attempt += 1
            }
        }
        let settled = results.withLock { $0 }
        #expect(settled.values.allSatisfy { $0.count == 1 }, "each original has one pseudonym, whichever connection asked")
        let pseudonyms = settled.values.compactMap(\.first)
        #expect(Set(pseudonyms).count == pseudonyms.count, "no two originals share one")
    }

    @Test func theWrongKeyOpensNothing() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        _ = try PseudonymVault(path: path, key: Self.key)
        #expect {
            _ = try PseudonymVault(path: path, key: PseudonymKey(secret: Array("another key, long enough".utf8)))
        } throws: { error in
            "\(error)".hasSuffix("v.db: error: the key does not open this vault (it was created with another key)")
        }
        #expect(throws: VaultError.self) { _ = try PseudonymVault(path: folder.path + "/w.db", key: .ephemeral()) }
    }

    // MARK: Held claims: a failed run leaves the vault as it was

    @Test func claimsHeldByAFailedRunAreReleasedAndACommittedRunKeepsThem() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        let kept = try PseudonymVault(path: path, key: Self.key)
        _ = try kept.claim(entity: .person, original: "王芳", pseudonym: "陈静")
        // A run holds its claims: one new, one the vault had, one rendering.
        let failed = try PseudonymVault(path: path, key: Self.key)
        failed.holdClaims()
        #expect(try failed.claim(entity: .person, original: "李娜", pseudonym: "赵敏") == "赵敏")
        #expect(try failed.claim(entity: .person, original: "王芳", pseudonym: "刘洋") == "陈静")
        try failed.recordRendering(entity: .person, rendered: "赵女士", original: "李女士")
        #expect(try failed.reveal("赵敏").map(\.original) == ["李娜"], "held claims count while the run lasts")
        try failed.releaseClaims()
        #expect(try kept.reveal("赵敏").isEmpty && kept.reveal("赵女士").isEmpty, "the failed run's claims are gone")
        #expect(try kept.reveal("陈静").map(\.original) == ["王芳"], "what the vault held before stays")
        // The same run committed keeps them, and a later release has nothing to release.
        let committed = try PseudonymVault(path: path, key: Self.key)
        committed.holdClaims()
        _ = try committed.claim(entity: .person, original: "李娜", pseudonym: "赵敏")
        try committed.commitClaims()
        try committed.releaseClaims()
        #expect(try kept.reveal("赵敏").map(\.original) == ["李娜"])
    }

    /// Two runs at once use one new pseudonym: it goes only when neither keeps it.
    @Test func aClaimTwoRunsHoldGoesOnlyWhenNeitherKeepsIt() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        for secondCommits in [false, true] {
            let first = try PseudonymVault(path: path, key: Self.key), second = try PseudonymVault(path: path, key: Self.key)
            first.holdClaims()
            second.holdClaims()
            _ = try first.claim(entity: .person, original: "李娜", pseudonym: "赵敏")
            #expect(try second.claim(entity: .person, original: "李娜", pseudonym: "孙丽") == "赵敏")
            try first.releaseClaims()
            #expect(try first.reveal("赵敏").map(\.original) == ["李娜"], "the second run still uses it")
            if secondCommits { try second.commitClaims() } else { try second.releaseClaims() }
            #expect(try first.reveal("赵敏").isEmpty == !secondCommits)
        }
    }

    /// A run killed before it could release its claims: the next to open the vault releases them.
    @Test func claimsOfAKilledRunAreReleasedByTheNextOpen() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        do {
            let killed = try PseudonymVault(path: path, key: Self.key)
            killed.holdClaims(as: "\(PseudonymVault.host):\(ended.processIdentifier):dead")
            _ = try killed.claim(entity: .person, original: "李娜", pseudonym: "赵敏")
            let alive = try PseudonymVault(path: path, key: Self.key)
            alive.holdClaims(as: "another-host:\(ended.processIdentifier):elsewhere")
            _ = try alive.claim(entity: .person, original: "王芳", pseudonym: "陈静")
        }
        let next = try PseudonymVault(path: path, key: Self.key)
        #expect(try next.reveal("赵敏").isEmpty)
        #expect(try next.reveal("陈静").map(\.original) == ["王芳"], "a run on another machine may be alive: its claims stay held")
    }

    // MARK: Vault files that are not what they should be

    /// A vault written before entries were bound to their rows (format 1) is sealed again when
    /// first opened with its key, and reveals as before.
    @Test func aFormatOneVaultIsMigratedOnFirstOpen() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        do {
            _ = try PseudonymVault(path: path, key: Self.key)
            let database = try SQLiteDatabase(path: path)
            let seal = SymmetricKeyBytes(Self.key.derived(for: "vault:seal").bytes)
            let lookup = Self.key.derived(for: "vault:lookup")
            try database.query("DELETE FROM vault_meta WHERE name = 'format'")
            try database.query(
                "INSERT INTO pseudonyms (entity, pseudonym, original_id, original) VALUES ('PERSON', '陈静', ?1, ?2)",
                [.blob(lookup.authenticationCode(for: Array("PERSON\u{0}王芳".utf8))), .blob(try seal.sealUnbound("王芳"))])
            try database.query("INSERT INTO renderings (entity, rendered, original) VALUES ('PERSON', '陈女士', ?1)", [.blob(try seal.sealUnbound("王女士"))])
        }
        let vault = try PseudonymVault(path: path, key: Self.key)
        #expect(try vault.reveal("陈静").map(\.original) == ["王芳"])
        #expect(try vault.reveal("陈女士").map(\.original) == ["王女士"])
        #expect(try vault.claim(entity: .person, original: "王芳", pseudonym: "赵敏") == "陈静", "its lookups still work")
        let database = try SQLiteDatabase(path: path)
        #expect(try database.query("SELECT value FROM vault_meta WHERE name = 'format'").first?.first?.blob == Array("2".utf8))
    }

    @Test func aTruncatedOrForeignVaultIsAnErrorNamingIt() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        do {
            let vault = try PseudonymVault(path: path, key: Self.key)
            for index in 0..<200 { _ = try vault.claim(entity: .person, original: "原名\(index)", pseudonym: "化名\(index)") }
        }
        // Cut to half its length (a copy that stopped early), and a file that is no vault at all.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for (name, contents) in [("cut.db", bytes.prefix(bytes.count / 2)), ("text.db", Data("王芳 13812345678\n".utf8))] {
            let damaged = folder.path + "/" + name
            try contents.write(to: URL(fileURLWithPath: damaged))
            #expect {
                let vault = try PseudonymVault(path: damaged, key: Self.key, mustExist: true)
                _ = try vault.renderings()
            } throws: { error in
                let text = "\(error)"
                return text.contains(name + ": error:") && !text.contains("王芳") && !text.contains("原名")
            }
        }
    }

    /// Another process holds the vault's write lock for longer than Veil waits: the claim fails
    /// with an error naming the vault, and nothing is half-written.
    @Test func aVaultLockedByAnotherWriterIsAnErrorNotAHang() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/v.db"
        _ = try PseudonymVault(path: path, key: Self.key)
        let locker = try SQLiteDatabase(path: path)
        try locker.execute("BEGIN EXCLUSIVE")
        defer { try? locker.execute("ROLLBACK") }
        #expect {
            let vault = try PseudonymVault(path: path, key: Self.key, mustExist: true, lockWait: 0.2)
            _ = try vault.claim(entity: .person, original: "王芳", pseudonym: "陈静")
        } throws: { error in
            "\(error)".contains("v.db: error:") && !"\(error)".contains("王芳")
        }
    }
}

/// Seals an original the way format-1 vaults did: AES-GCM with no associated data.
private struct SymmetricKeyBytes {
    let key: [UInt8]
    init(_ key: [UInt8]) { self.key = key }
    func sealUnbound(_ original: String) throws -> [UInt8] {
        Array(try AES.GCM.seal(Array(original.utf8), using: SymmetricKey(data: key)).combined!)
    }
}
