import Dispatch
import Synchronization
import Foundation
import Testing
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
        let engine = try Engine(policy: Policy(name: "t", path: "t.yaml", plugins: ["person-zh", "phone-cn"],
                                               rules: [.person: EntityRule(action: .pseudonymize(keep: [])),
                                                       .phoneNumber: EntityRule(action: .pseudonymize(keep: []))]),
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
                    results.withLock { $0[name, default: []].insert(settled) }
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
}
