import CSQLite

/// The `sqlite3*` handle, shared by the database and its statements: it is closed when the last of them goes, so a
/// statement that outlives its `Database` still holds a valid handle (`sqlite3_close_v2` waits for finalization).
final class Connection {
    let handle: OpaquePointer
    let path: String

    init(handle: OpaquePointer, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit { sqlite3_close_v2(handle) }

    /// The error SQLite reports for `code` on this connection now.
    func error(_ code: Int32, sql: String?, duringStep: Bool) -> SQLiteError {
        SQLiteError(
            reason: SQLiteError.Reason(code: code, duringStep: duringStep), code: code,
            message: String(cString: sqlite3_errmsg(handle)), sql: sql, path: path)
    }
}
