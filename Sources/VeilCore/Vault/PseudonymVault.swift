import Crypto
import Foundation
import Synchronization

/// The mapping vault (`pseudonyms: {vault: FILE}`): a SQLite file that keeps, for each pseudonym,
/// its entity and the original it stands for, encrypted (AES-GCM) under a key derived from the
/// policy key, so that whoever holds the key can reveal a pseudonym or a whole anonymized file.
///
/// It makes pseudonyms agree across runs and processes — an original met before gets the
/// pseudonym the vault holds for it — and guarantees that no two originals share one: a claim is a
/// transaction, and runs writing to the same vault at once wait for each other. Without the key the
/// vault reveals nothing: originals are sealed, and looked up by a keyed hash.
package final class PseudonymVault: Sendable {
    package let path: String
    private let database: SQLiteDatabase
    /// Held around every use of the connection (recursive: a ``batch(_:)`` holds it while its
    /// claims take it again).
    private let lock = NSRecursiveLock()
    /// How many ``batch(_:)`` calls are under way on the thread holding `lock` (read and written
    /// only with `lock` held).
    nonisolated(unsafe) private var batchDepth = 0
    private let lookupKey: DerivedKey
    private let sealKeyBytes: [UInt8]
    private var sealKey: SymmetricKey { SymmetricKey(data: sealKeyBytes) }
    /// This process's run while its claims are held (``holdClaims()``): `host:pid:random`.
    private let heldRun = Mutex<String?>(nil)

    /// Opens the vault at `path` for `key` — creating it if needed, unless `mustExist` (to reveal
    /// from a vault, it must be there). Throws if the vault was made with another key.
    package convenience init(path: String, key: PseudonymKey, mustExist: Bool = false) throws(VaultError) {
        try self.init(path: path, key: key, mustExist: mustExist, lockWait: 30)
    }

    /// Opens the vault, waiting up to `lockWait` seconds for another writer's lock.
    init(path: String, key: PseudonymKey, mustExist: Bool, lockWait: Double) throws(VaultError) {
        guard !key.isEphemeral else {
            throw VaultError(
                path: path, message: "a vault needs a pseudonym key (pseudonyms.key in the policy, or --key); with a random one it could never be opened again")
        }
        let database = try SQLiteDatabase(path: path, create: !mustExist, lockWait: lockWait)
        try database.execute(
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS vault_meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS pseudonyms (entity TEXT NOT NULL, pseudonym TEXT NOT NULL, original_id BLOB NOT NULL,
                original BLOB NOT NULL, PRIMARY KEY (entity, pseudonym), UNIQUE (entity, original_id));
            CREATE TABLE IF NOT EXISTS renderings (entity TEXT NOT NULL, rendered TEXT NOT NULL, original BLOB NOT NULL,
                PRIMARY KEY (entity, rendered));
            CREATE TABLE IF NOT EXISTS held (run TEXT NOT NULL, tbl TEXT NOT NULL, entity TEXT NOT NULL, written TEXT NOT NULL,
                inserted INTEGER NOT NULL, PRIMARY KEY (run, tbl, entity, written));
            CREATE INDEX IF NOT EXISTS held_rows ON held (tbl, entity, written);
            CREATE TABLE IF NOT EXISTS outputs (id INTEGER PRIMARY KEY, digest BLOB NOT NULL, size INTEGER NOT NULL, log BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS outputs_by_digest ON outputs (digest);
            """)
        let check = key.derived(for: "vault:check").authenticationCode(for: Array("veil vault v1".utf8))
        try database.query("INSERT OR IGNORE INTO vault_meta (name, value) VALUES ('check', ?1)", [.blob(check)])
        guard try database.query("SELECT value FROM vault_meta WHERE name = 'check'").first?.first?.blob == check else {
            throw VaultError(path: path, message: "the key does not open this vault (it was created with another key)")
        }
        self.path = path
        self.database = database
        self.lookupKey = key.derived(for: "vault:lookup")
        self.sealKeyBytes = key.derived(for: "vault:seal").bytes
        try bindEntries()
        try releaseClaimsOfDeadRuns()
    }

    /// Each sealed original is bound to its row — its table, entity and pseudonym (AES-GCM
    /// associated data) — so that originals moved between rows do not open. Vaults written
    /// before (format 1) are sealed again so, once, when first opened with their key.
    private func bindEntries() throws(VaultError) {
        let format = try database.query("SELECT value FROM vault_meta WHERE name = 'format'").first?.first?.blob
        if format == Self.format { return }
        try transaction(database) { database throws(VaultError) in
            guard try database.query("SELECT value FROM vault_meta WHERE name = 'format'").first?.first?.blob != Self.format else { return }
            for table in ["pseudonyms", "renderings"] {
                let label = table == "pseudonyms" ? "pseudonym" : "rendered"
                for row in try database.query("SELECT entity, \(label), original FROM \(table)") {
                    guard let entity = row[0].text, let written = row[1].text, let sealed = row[2].blob else { continue }
                    let original = try open(sealed, boundTo: nil)
                    try database.query(
                        "UPDATE \(table) SET original = ?1 WHERE entity = ?2 AND \(label) = ?3",
                        [.blob(try seal(original, boundTo: Self.row(table, entity, written))), .text(entity), .text(written)])
                }
            }
            try database.query("INSERT OR REPLACE INTO vault_meta (name, value) VALUES ('format', ?1)", [.blob(Self.format)])
        }
    }

    /// The vault format this code writes: 2, entries bound to their rows.
    private static let format: [UInt8] = Array("2".utf8)

    /// The associated data that binds a sealed original to its row.
    private static func row(_ table: String, _ entity: String, _ written: String) -> [UInt8] {
        Array("\(table)\u{0}\(entity)\u{0}\(written)".utf8)
    }

    /// Whether the vault holds no pseudonym at all.
    package var isEmpty: Bool {
        get throws(VaultError) {
            try locked { database throws(VaultError) in try database.query("SELECT 1 FROM pseudonyms LIMIT 1").isEmpty }
        }
    }

    /// The pseudonym the vault holds for `original`, if any.
    package func pseudonym(entity: EntityType, original: String) throws(VaultError) -> String? {
        let id = originalID(entity, original)
        return try locked { database throws(VaultError) in
            try database.query("SELECT pseudonym FROM pseudonyms WHERE entity = ?1 AND original_id = ?2", [.text(entity.rawValue), .blob(id)])
                .first?.first?.text
        }
    }

    /// Claims `pseudonym` for `original`: the pseudonym to use — `pseudonym`, or the one the vault
    /// already holds for `original` — or nil when another original holds `pseudonym`.
    package func claim(entity: EntityType, original: String, pseudonym: String) throws(VaultError) -> String? {
        let id = originalID(entity, original)
        let sealed = try seal(original, boundTo: Self.row("pseudonyms", entity.rawValue, pseudonym))
        return try locked { database throws(VaultError) in
            try transaction(database) { database throws(VaultError) -> String? in
                let entityValue = SQLiteDatabase.Value.text(entity.rawValue)
                if let held = try database.query("SELECT pseudonym FROM pseudonyms WHERE entity = ?1 AND original_id = ?2", [entityValue, .blob(id)]).first?.first?.text {
                    try hold(database, "pseudonyms", entity, held, inserted: false)
                    return held
                }
                if try !database.query("SELECT 1 FROM pseudonyms WHERE entity = ?1 AND pseudonym = ?2", [entityValue, .text(pseudonym)]).isEmpty {
                    return nil
                }
                try database.query(
                    "INSERT INTO pseudonyms (entity, pseudonym, original_id, original) VALUES (?1, ?2, ?3, ?4)",
                    [entityValue, .text(pseudonym), .blob(id), .blob(sealed)])
                try hold(database, "pseudonyms", entity, pseudonym, inserted: true)
                return pseudonym
            }
        }
    }

    /// A written form of a pseudonym and the mention it stands for (王先生 → 陈先生).
    package struct Rendering: Sendable {
        package let entity: EntityType
        package let rendered: String
        package let original: String

        package init(entity: EntityType, rendered: String, original: String) {
            self.entity = entity
            self.rendered = rendered
            self.original = original
        }
    }

    /// Notes that `rendered` was written for the mention `original` (王先生 → 陈先生), so a file can be
    /// revealed mention by mention.
    package func recordRendering(entity: EntityType, rendered: String, original: String) throws(VaultError) {
        try recordRenderings([Rendering(entity: entity, rendered: rendered, original: original)])
    }

    /// Notes every rendering of `renderings` in one transaction (a document's worth), skipping
    /// those this process has recorded already: a name mentioned a thousand times costs one write.
    package func recordRenderings(_ renderings: [Rendering]) throws(VaultError) {
        let new = recorded.withLock { recorded in
            renderings.filter { recorded.insert(fingerprint($0)).inserted }
        }
        guard !new.isEmpty else { return }
        var sealed: [[UInt8]] = []
        for rendering in new {
            sealed.append(try seal(rendering.original, boundTo: Self.row("renderings", rendering.entity.rawValue, rendering.rendered)))
        }
        do {
            try locked { database throws(VaultError) in
                try transaction(database) { database throws(VaultError) in
                    for (rendering, sealed) in zip(new, sealed) {
                        let key: [SQLiteDatabase.Value] = [.text(rendering.entity.rawValue), .text(rendering.rendered)]
                        let known = try !database.query("SELECT 1 FROM renderings WHERE entity = ?1 AND rendered = ?2", key).isEmpty
                        if !known {
                            try database.query("INSERT INTO renderings (entity, rendered, original) VALUES (?1, ?2, ?3)", key + [.blob(sealed)])
                        }
                        try hold(database, "renderings", rendering.entity, rendering.rendered, inserted: !known)
                    }
                }
            }
        } catch {
            // Not written: recorded again when next met.
            recorded.withLock { recorded in for rendering in new { recorded.remove(fingerprint(rendering)) } }
            throw error
        }
    }

    /// Renderings this process has written, as 128-bit fingerprints keyed per vault value (no text).
    private let recorded = Mutex(Set<RenderingFingerprint>())
    private let fingerprintSeeds = (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max))

    private struct RenderingFingerprint: Hashable {
        let high: Int
        let low: Int
    }

    private func fingerprint(_ rendering: Rendering) -> RenderingFingerprint {
        func hash(_ seed: UInt64) -> Int {
            var hasher = Hasher()
            hasher.combine(seed)
            hasher.combine(rendering.entity.rawValue)
            hasher.combine(rendering.rendered)
            hasher.combine(rendering.original)
            return hasher.finalize()
        }
        return RenderingFingerprint(high: hash(fingerprintSeeds.0), low: hash(fingerprintSeeds.1))
    }

    // MARK: Outputs

    /// Keeps what reveal needs to undo one output of the run (``OutputLog``, finished), sealed.
    /// Held with the run's claims: a run that fails leaves no log behind.
    package func recordOutput(_ log: OutputLog) throws(VaultError) {
        var log = log
        log.finish()
        let sealed = try seal(log.serialized(), boundTo: Self.row("outputs", "", Self.hex(log.digest)))
        try locked { database throws(VaultError) in
            try transaction(database) { database throws(VaultError) in
                try database.query("INSERT INTO outputs (digest, size, log) VALUES (?1, ?2, ?3)", [.blob(log.digest), .integer(Int64(log.size)), .blob(sealed)])
                guard let id = try database.query("SELECT last_insert_rowid()").first?.first?.integer else { return }
                try hold(database, "outputs", "", String(id), inserted: true)
            }
        }
    }

    /// The logs of the outputs whose bytes are exactly `bytes` (newest first); with
    /// `orAny`, when there is none, every log the vault holds.
    package func outputLogs(matching bytes: [UInt8], orAny: Bool) throws(VaultError) -> [OutputLog] {
        let digest = OutputLog.digest(of: bytes)
        let exact = try locked { database throws(VaultError) in
            try database.query("SELECT digest, log FROM outputs WHERE digest = ?1 ORDER BY id DESC", [.blob(digest)])
        }
        let rows =
            !exact.isEmpty || !orAny
            ? exact
            : try locked { database throws(VaultError) in
                try database.query("SELECT digest, log FROM outputs ORDER BY id DESC")
            }
        var logs: [OutputLog] = []
        for row in rows {
            guard let digest = row[0].blob, let sealed = row[1].blob else { continue }
            let opened = try open(bytes: sealed, boundTo: Self.row("outputs", "", Self.hex(digest)))
            guard let log = OutputLog(serialized: opened) else {
                throw VaultError(path: path, message: "an output's record is damaged (it opens with the key but cannot be read)")
            }
            logs.append(log)
        }
        return logs
    }

    /// Whether the vault holds the record of any output (vaults written before Veil kept them do not).
    package var hasOutputs: Bool {
        get throws(VaultError) {
            try locked { database throws(VaultError) in try !database.query("SELECT 1 FROM outputs LIMIT 1").isEmpty }
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }

    // MARK: Held claims

    /// Holds every claim and rendering this process makes from now on, until ``commitClaims()``
    /// or ``releaseClaims()``: a run that fails before it writes any output releases what it
    /// claimed, and the vault is left as it was (apart from pseudonyms other runs also use). A
    /// process killed meanwhile cannot release its claims; the next to open the vault on this
    /// machine does. Without this call every claim is kept as it is made.
    package func holdClaims() {
        holdClaims(as: "\(Self.host):\(getpid()):\(UUID().uuidString.prefix(8))")
    }

    /// Holds claims for the run named `run` (`host:pid:random`).
    func holdClaims(as run: String) {
        heldRun.withLock { held in
            if held == nil { held = run }
        }
    }

    /// Keeps the claims held since ``holdClaims()``: the run's output is in place.
    package func commitClaims() throws(VaultError) {
        guard
            let run = heldRun.withLock({ run in
                defer { run = nil }; return run
            })
        else { return }
        try locked { database throws(VaultError) in
            try transaction(database) { database throws(VaultError) in
                // Rows this run added are kept now, whoever else holds them.
                try database.query(
                    """
                    UPDATE held SET inserted = 0 WHERE (tbl, entity, written) IN (SELECT tbl, entity, written FROM held WHERE run = ?1)
                    """, [.text(run)])
                try database.query("DELETE FROM held WHERE run = ?1", [.text(run)])
            }
        }
    }

    /// Removes the claims held since ``holdClaims()`` that no other run holds or has kept: the
    /// run wrote no output.
    package func releaseClaims() throws(VaultError) {
        guard
            let run = heldRun.withLock({ run in
                defer { run = nil }; return run
            })
        else { return }
        // The renderings released are written again if met again.
        recorded.withLock { $0.removeAll() }
        try locked { database throws(VaultError) in try transaction(database) { database throws(VaultError) in try release(run, in: database) } }
    }

    static let host: String = ProcessInfo.processInfo.hostName

    /// Notes, in the transaction under way, that the held run uses a row (`inserted`: it added it).
    private func hold(_ database: SQLiteDatabase, _ table: String, _ entity: EntityType, _ written: String, inserted: Bool) throws(VaultError) {
        guard let run = heldRun.withLock({ $0 }) else { return }
        try database.query(
            "INSERT OR IGNORE INTO held (run, tbl, entity, written, inserted) VALUES (?1, ?2, ?3, ?4, ?5)",
            [.text(run), .text(table), .text(entity.rawValue), .text(written), .integer(inserted ? 1 : 0)])
    }

    /// Deletes the rows `run` added and no other run holds; a row another run holds passes to it.
    private func release(_ run: String, in database: SQLiteDatabase) throws(VaultError) {
        let added = try database.query("SELECT tbl, entity, written FROM held WHERE run = ?1 AND inserted = 1", [.text(run)])
        try database.query("DELETE FROM held WHERE run = ?1", [.text(run)])
        for row in added {
            guard let table = row[0].text, let entity = row[1].text, let written = row[2].text else { continue }
            if table == "outputs" {
                // An output's record belongs to the run that wrote it alone.
                if let id = Int64(written) { try database.query("DELETE FROM outputs WHERE id = ?1", [.integer(id)]) }
                continue
            }
            guard table == "pseudonyms" || table == "renderings" else { continue }
            let key: [SQLiteDatabase.Value] = [.text(table), .text(entity), .text(written)]
            if try database.query("SELECT 1 FROM held WHERE tbl = ?1 AND entity = ?2 AND written = ?3 LIMIT 1", key).isEmpty {
                let label = table == "pseudonyms" ? "pseudonym" : "rendered"
                try database.query("DELETE FROM \(table) WHERE entity = ?1 AND \(label) = ?2", [.text(entity), .text(written)])
            } else {
                try database.query("UPDATE held SET inserted = 1 WHERE tbl = ?1 AND entity = ?2 AND written = ?3", key)
            }
        }
    }

    /// Releases the claims of runs on this machine whose process is gone (killed before it could).
    private func releaseClaimsOfDeadRuns() throws(VaultError) {
        let runs = try database.query("SELECT DISTINCT run FROM held").compactMap { $0.first?.text }
        let dead = runs.filter { run in
            let parts = run.split(separator: ":")
            guard parts.count == 3, parts[0] == Self.host[...], let pid = Int32(parts[1]) else { return false }
            return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
        }
        guard !dead.isEmpty else { return }
        try transaction(database) { database throws(VaultError) in
            for run in dead { try release(run, in: database) }
        }
    }

    /// Runs `body` in one write transaction, rolled back if it throws; inside a ``batch(_:)``, a
    /// savepoint of the batch's transaction.
    private func transaction<T>(_ database: SQLiteDatabase, _ body: (SQLiteDatabase) throws(VaultError) -> T) throws(VaultError) -> T {
        let nested = batchDepth > 0
        try database.execute(nested ? "SAVEPOINT claim" : "BEGIN IMMEDIATE")
        do throws(VaultError) {
            let result = try body(database)
            try database.execute(nested ? "RELEASE claim" : "COMMIT")
            return result
        } catch {
            try? database.execute(nested ? "ROLLBACK TO claim; RELEASE claim" : "ROLLBACK")
            throw error
        }
    }

    /// Runs `body` — the claims and renderings of one document — in one transaction: a document
    /// naming a hundred new people costs one commit, not a hundred. The vault is this thread's
    /// meanwhile (other threads and processes wait). What `body` claimed is kept also when it
    /// throws, as claims made one by one are: the run's pseudonyms and what this process caches
    /// of them stay one.
    package func batch<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let outermost = batchDepth == 0
        if outermost { try database.execute("BEGIN IMMEDIATE") }
        batchDepth += 1
        let result = Result { try body() }
        batchDepth -= 1
        if outermost {
            do { try database.execute("COMMIT") } catch {
                try? database.execute("ROLLBACK")
                // Not written after all: written again when next met.
                recorded.withLock { $0.removeAll() }
                throw error
            }
        }
        return try result.get()
    }

    /// What `pseudonym` stands for: each entity it is a pseudonym (or a written form of one) of,
    /// with the original.
    package func reveal(_ pseudonym: String) throws(VaultError) -> [(entity: EntityType, original: String)] {
        let rows = try locked { database throws(VaultError) in
            try database.query(
                """
                SELECT entity, original, 'pseudonyms' FROM pseudonyms WHERE pseudonym = ?1
                UNION ALL SELECT entity, original, 'renderings' FROM renderings WHERE rendered = ?1
                """, [.text(pseudonym)])
        }
        var seen = Set<String>()
        var found: [(entity: EntityType, original: String)] = []
        for row in rows {
            guard let entity = row[0].text, let sealed = row[1].blob, let table = row[2].text else { continue }
            let original = try open(sealed, boundTo: Self.row(table, entity, pseudonym))
            if seen.insert(entity + "\u{0}" + original).inserted { found.append((EntityType(entity), original)) }
        }
        return found
    }

    /// Every written form the vault knows and the original mention it stands for.
    package func renderings() throws(VaultError) -> [(rendered: String, original: String)] {
        let rows = try locked { database throws(VaultError) in
            try database.query(
                """
                SELECT rendered, original, entity, 'renderings' FROM renderings
                UNION ALL SELECT pseudonym, original, entity, 'pseudonyms' FROM pseudonyms
                """)
        }
        var found: [(rendered: String, original: String)] = []
        for row in rows {
            guard let rendered = row[0].text, let sealed = row[1].blob, let entity = row[2].text, let table = row[3].text else { continue }
            found.append((rendered, try open(sealed, boundTo: Self.row(table, entity, rendered))))
        }
        return found
    }

    private func locked<T>(_ body: (SQLiteDatabase) throws(VaultError) -> T) throws(VaultError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(database)
    }

    private func originalID(_ entity: EntityType, _ original: String) -> [UInt8] {
        lookupKey.authenticationCode(for: Array((entity.rawValue + "\u{0}" + original).utf8))
    }

    private func seal(_ original: String, boundTo row: [UInt8]) throws(VaultError) -> [UInt8] {
        try seal(Array(original.utf8), boundTo: row)
    }

    private func seal(_ original: [UInt8], boundTo row: [UInt8]) throws(VaultError) -> [UInt8] {
        do {
            guard let combined = try AES.GCM.seal(original, using: sealKey, authenticating: row).combined else {
                throw VaultError(path: path, message: "cannot seal a value")
            }
            return Array(combined)
        } catch let error as VaultError { throw error } catch {
            throw VaultError(path: path, message: "cannot seal a value")
        }
    }

    /// The original sealed in an entry, checked against the row it is bound to (nil: an entry of
    /// a format-1 vault, bound to nothing).
    private func open(_ sealed: [UInt8], boundTo row: [UInt8]?) throws(VaultError) -> String {
        String(decoding: try open(bytes: sealed, boundTo: row), as: UTF8.self)
    }

    private func open(bytes sealed: [UInt8], boundTo row: [UInt8]?) throws(VaultError) -> [UInt8] {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            let opened = try row.map { try AES.GCM.open(box, using: sealKey, authenticating: $0) } ?? AES.GCM.open(box, using: sealKey)
            return Array(opened)
        } catch {
            throw VaultError(path: path, message: "an entry does not open with this key for its row (the vault is damaged, altered or mixed with another)")
        }
    }
}
