internal import CSQLite

/// One SQLite connection, the single owner of its handle (closed in deinit). Not safe to use from
/// two threads at once on its own: ``PseudonymVault`` holds a lock around every use.
final class SQLiteDatabase: @unchecked Sendable {
    private let handle: OpaquePointer
    let path: String
    /// Prepared statements by their SQL, reset and reused: a claim runs the same few statements
    /// thousands of times. Finalized before the connection closes.
    private var statements: [String: OpaquePointer] = [:]

    /// Opens the database at `path`, creating it if `create` (else a missing file is an error).
    /// Opens the database at `path`; a write waits up to `lockWait` seconds for another writer.
    init(path: String, create: Bool = true, lockWait: Double = 30) throws(VaultError) {
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX, nil)
        if !create && status == SQLITE_CANTOPEN {
            if let handle { sqlite3_close_v2(handle) }
            throw VaultError(path: path, message: "there is no vault here")
        }
        guard status == SQLITE_OK, let handle else {
            if let handle { sqlite3_close_v2(handle) }
            throw VaultError(path: path, message: "cannot open the vault (SQLite error \(status))")
        }
        self.handle = handle
        self.path = path
        sqlite3_busy_timeout(handle, Int32(lockWait * 1000))
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws(VaultError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard status == SQLITE_OK else { throw error(status) }
    }

    /// Runs `sql` with `parameters` bound (?1, ?2 …) and returns its rows.
    @discardableResult
    func query(_ sql: String, _ parameters: [Value] = []) throws(VaultError) -> [[Value]] {
        let statement: OpaquePointer
        if let cached = statements[sql] {
            statement = cached
        } else {
            var made: OpaquePointer?
            let prepared = sqlite3_prepare_v2(handle, sql, -1, &made, nil)
            guard prepared == SQLITE_OK, let made else { throw error(prepared) }
            statements[sql] = made
            statement = made
        }
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, parameter) in parameters.enumerated() {
            let position = Int32(index + 1)
            switch parameter {
            case .text(let text): sqlite3_bind_text(statement, position, text, -1, transient)
            case .blob(let bytes): _ = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), transient) }
            case .integer(let value): sqlite3_bind_int64(statement, position, value)
            case .null: sqlite3_bind_null(statement, position)
            }
        }
        var rows: [[Value]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw error(status) }
            rows.append(
                (0..<sqlite3_column_count(statement)).map { column in
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
                    case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, column)))
                    case SQLITE_BLOB:
                        let count = Int(sqlite3_column_bytes(statement, column))
                        guard count > 0, let pointer = sqlite3_column_blob(statement, column) else { return .blob([]) }
                        return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
                    default: return .null
                    }
                })
        }
    }

    /// Whether the last statement failed on a UNIQUE constraint.
    var lastErrorIsConstraint: Bool { sqlite3_extended_errcode(handle) & 0xFF == SQLITE_CONSTRAINT }

    private func error(_ status: Int32) -> VaultError {
        VaultError(path: path, message: "SQLite: \(String(cString: sqlite3_errmsg(handle))) (\(status))", isConstraint: status & 0xFF == SQLITE_CONSTRAINT)
    }

    enum Value: Equatable, Sendable {
        case text(String)
        case blob([UInt8])
        case integer(Int64)
        case null

        var text: String? { if case .text(let text) = self { return text } else { return nil } }
        var blob: [UInt8]? { if case .blob(let bytes) = self { return bytes } else { return nil } }
        var integer: Int64? { if case .integer(let value) = self { return value } else { return nil } }
    }
}

/// A vault that cannot be opened, read or written. Names the vault, never a value in it.
package struct VaultError: Error, Sendable, CustomStringConvertible {
    package let path: String
    package let message: String
    var isConstraint = false

    package var description: String { "\(path): error: \(message)" }
}
