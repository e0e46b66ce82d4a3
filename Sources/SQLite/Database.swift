import CSQLite

/// How a database file is opened.
public enum OpenMode: Sendable {
    case readOnly, readWrite, readWriteCreate

    var flags: Int32 {
        switch self {
        case .readOnly: SQLITE_OPEN_READONLY
        case .readWrite: SQLITE_OPEN_READWRITE
        case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
    }
}

/// How a transaction takes its locks (https://sqlite.org/lang_transaction.html).
public enum TransactionKind: Sendable {
    /// Locks on first read or write: a later write may fail with `.busy` without waiting.
    case deferred
    /// Takes the write lock at BEGIN, so the busy timeout applies there and nowhere later.
    case immediate
    /// Like `.immediate`; in WAL mode the same.
    case exclusive
}

/// One connection to a SQLite database file.
///
/// Not `Sendable`: the connection is opened with `SQLITE_OPEN_NOMUTEX`, so one thread uses it at a time; open a
/// `Database` per thread or process. Prepared statements are cached by their SQL text, so a hot loop that calls
/// `prepare` with the same text reuses one compiled statement.
public final class Database {
    let connection: Connection
    private var cache: [String: Statement] = [:]

    /// Opens (or creates) the database at `path`, with extended result codes on.
    public init(path: String, mode: OpenMode = .readWriteCreate) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = mode.flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard let handle else {
            throw SQLiteError(reason: .other(SQLITE_NOMEM), code: SQLITE_NOMEM, message: "out of memory", path: path)
        }
        connection = Connection(handle: handle, path: path)
        guard status == SQLITE_OK else {
            throw connection.error(status, sql: nil, duringStep: false)
        }
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        // Finalizing the cached statements lets the connection close as soon as no caller holds one.
        cache.removeAll()
    }

    /// The file this connection opened.
    public var path: String { connection.path }

    /// Runs one or more statements separated by semicolons, discarding any rows (no values can be bound).
    public func execute(_ sql: String) throws(SQLiteError) {
        let status = sqlite3_exec(connection.handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw connection.error(status, sql: sql, duringStep: false) }
    }

    /// The prepared statement for `sql` (one statement), reset and with its bindings cleared. Statements are cached
    /// by their text: do not interleave two uses of the same text (finish one before preparing it again).
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            cached.clearBindings()
            return cached
        }
        let statement = try Statement(connection: connection, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// How many statements are in the cache (for tests of reuse).
    public var cachedStatementCount: Int { cache.count }

    /// Runs `body` inside a transaction: COMMIT when it returns, ROLLBACK when it (or the COMMIT) throws. Inside a
    /// transaction already open on this connection, `body` joins it (one commit for both; a throw rolls back all).
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if isInTransaction { return try body() }
        // BEGIN and COMMIT are prepared once and kept in the statement cache: a sender commits once a message or so,
        // and parsing them every time was about 1% of a send's profile.
        switch kind {
        case .deferred: try prepare("BEGIN DEFERRED").run()
        case .immediate: try prepare("BEGIN IMMEDIATE").run()
        case .exclusive: try prepare("BEGIN EXCLUSIVE").run()
        }
        let result: T
        do {
            result = try body()
            try prepare("COMMIT").run()
        } catch {
            // After some errors (SQLITE_FULL, IOERR) SQLite has already rolled back: then there is nothing to undo.
            if sqlite3_get_autocommit(connection.handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
        return result
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(connection.handle) == 0 }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(connection.handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(connection.handle)) }

    /// The rows of `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    public func integrityCheck() throws(SQLiteError) -> [String] {
        try prepare("PRAGMA integrity_check").rows { $0.text(0) }
    }

    /// How long a statement waits for another connection's lock before failing with `.busy`; 0 fails at once.
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(connection.handle, milliseconds)
    }
}
