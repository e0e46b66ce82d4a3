import CSQLite

/// A failure of SQLite: why, SQLite's extended result code, its message, and the statement text and file involved.
///
/// The message is `sqlite3_errmsg`, which names tables, columns and constraints but never a bound value, and `sql` is
/// the statement as prepared, with `?` placeholders: no personal data reaches an error through this type.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why it failed, from the primary result code (and the step that failed for plain `SQLITE_ERROR`).
    public enum Reason: Equatable, Sendable {
        /// The file could not be opened (`SQLITE_CANTOPEN`).
        case open
        /// The SQL text is invalid (`SQLITE_ERROR` while preparing or executing a script).
        case prepare
        /// A statement failed while running (`SQLITE_ERROR` from `sqlite3_step`).
        case step
        /// A UNIQUE, CHECK, NOT NULL, FOREIGN KEY or PRIMARY KEY constraint (`SQLITE_CONSTRAINT`).
        case constraint
        /// Another connection holds a lock (`SQLITE_BUSY`, `SQLITE_LOCKED`).
        case busy
        /// The database file is damaged (`SQLITE_CORRUPT`).
        case corrupt
        /// The file is not a SQLite database (`SQLITE_NOTADB`).
        case notADatabase
        /// A write to a read-only database (`SQLITE_READONLY`).
        case readOnly
        /// The disk is full (`SQLITE_FULL`).
        case full
        /// The operating system reported an I/O error (`SQLITE_IOERR`).
        case io
        /// The library was used incorrectly (`SQLITE_MISUSE`).
        case misuse
        /// Any other primary result code.
        case other(Int32)

        init(code: Int32, duringStep: Bool) {
            switch code & 0xFF {
            case SQLITE_CANTOPEN: self = .open
            case SQLITE_ERROR: self = duringStep ? .step : .prepare
            case SQLITE_CONSTRAINT: self = .constraint
            case SQLITE_BUSY, SQLITE_LOCKED: self = .busy
            case SQLITE_CORRUPT: self = .corrupt
            case SQLITE_NOTADB: self = .notADatabase
            case SQLITE_READONLY: self = .readOnly
            case SQLITE_FULL: self = .full
            case SQLITE_IOERR: self = .io
            case SQLITE_MISUSE: self = .misuse
            default: self = .other(code & 0xFF)
            }
        }
    }

    public var reason: Reason
    /// SQLite's extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`).
    public var code: Int32
    /// `sqlite3_errmsg` at the time of the failure (never holds a bound value).
    public var message: String
    /// The statement text, with placeholders rather than values.
    public var sql: String?
    /// The database file.
    public var path: String?

    public init(reason: Reason, code: Int32, message: String, sql: String? = nil, path: String? = nil) {
        self.reason = reason
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " (in \(sql))" }
        if let path { text += " [\(path)]" }
        return text
    }
}
