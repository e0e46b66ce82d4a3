import Glibc
import SQLite

/// The store's own state — suppressions, tracking opt-outs, the send journal, ingest checkpoints and aggregated
/// events — in one SQLite file inside the store folder (`<store>/state.sqlite`, git-ignored), so that copying a store
/// folder copies its history. No SQL leaves this module.
///
/// Durability: the file is in WAL mode with `synchronous=NORMAL`. A committed transaction is then in the WAL file
/// (in the kernel's page cache at least) before `COMMIT` returns, so it survives the process being killed (`kill -9`,
/// a crash), which is what the send journal's exactly-once handing and the ingest checkpoints need. Only a power loss
/// or kernel panic can lose the last commits (never corrupt the file); FULL would fsync every commit for that case,
/// at a cost per message that the sender pays thousands of times — not worth it for a storefront's mail.
public final class EventStore {
    /// The schema version this code writes and understands.
    public static let schemaVersion = Schema.migrations.count

    let database: Database
    /// The state file.
    public let path: String

    /// Opens (creating if needed) the state file at `path` and brings its schema up to date.
    public init(path: String) throws(EventStoreError) {
        self.path = path
        do {
            database = try Database(path: path)
            database.setBusyTimeout(milliseconds: 5000)
            // Reading the header first: a file that is not SQLite fails here, before anything is written to it.
            let found = try Self.userVersion(database)
            if found > Self.schemaVersion {
                throw EventStoreError(.newerSchema(found: found, known: Self.schemaVersion), path: path)
            }
            // Switching a new file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once, without its
            // busy handler, while another process holds the file (migrating it): retried for the busy timeout.
            try Self.executeRetryingBusy(
                database, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON")
            try migrate()
        } catch let error as EventStoreError {
            throw error
        } catch let error as SQLiteError {
            throw Self.wrap(error, path: path)
        } catch {
            throw EventStoreError(.database(SQLiteError(reason: .other(-1), code: -1, message: "\(error)")), path: path)
        }
    }

    /// Runs `sql`, retrying every 10 ms for up to 5 s while SQLite answers busy.
    static func executeRetryingBusy(_ database: Database, _ sql: String) throws(SQLiteError) {
        var attempts = 0
        while true {
            do {
                try database.execute(sql)
                return
            } catch {
                guard error.reason == .busy, attempts < 500 else { throw error }
                attempts += 1
                usleep(10_000)
            }
        }
    }

    static func userVersion(_ database: Database) throws(SQLiteError) -> Int {
        try database.prepare("PRAGMA user_version").firstRow { $0.int(0) } ?? 0
    }

    static func wrap(_ error: SQLiteError, path: String) -> EventStoreError {
        switch error.reason {
        case .notADatabase: EventStoreError(.notADatabase, path: path)
        default: EventStoreError(.database(error), path: path)
        }
    }

    /// Applies the migrations the file lacks, one transaction each. The version is read again inside the write
    /// transaction, so two processes opening a new file at once do not both migrate it.
    private func migrate() throws {
        while true {
            let done = try database.transaction { () throws -> Bool in
                let version = try Self.userVersion(database)
                if version > Self.schemaVersion {
                    throw EventStoreError(.newerSchema(found: version, known: Self.schemaVersion), path: path)
                }
                guard version < Self.schemaVersion else { return true }
                try database.execute(Schema.migrations[version])
                try database.execute("PRAGMA user_version = \(version + 1)")
                return false
            }
            if done { return }
        }
    }

    /// Runs `body`, turning SQLite's errors into this store's.
    func run<T>(_ body: () throws -> T) throws(EventStoreError) -> T {
        do {
            return try body()
        } catch let error as EventStoreError {
            throw error
        } catch let error as SQLiteError {
            throw Self.wrap(error, path: path)
        } catch {
            throw EventStoreError(.database(SQLiteError(reason: .other(-1), code: -1, message: "\(error)")), path: path)
        }
    }

    /// Lets SQLite keep up to `megabytes` of pages in memory (its default is 2 MB): a long ingest upserts into two
    /// B-trees that outgrow the default, and every page evicted is read and written again.
    public func setCacheSize(megabytes: Int) throws(EventStoreError) {
        try run { try database.execute("PRAGMA cache_size = -\(max(1, megabytes) * 1024)") }
    }

    /// Lets the WAL grow to `pages` pages (SQLite's default: 1,000) before a commit copies it back into the
    /// database. That checkpoint syncs both files inside the commit that triggers it, a few milliseconds during which
    /// a sender's every connection waits for the journal; with a longer WAL a page written by many small commits is
    /// copied back once. The WAL file keeps its largest size until the last connection closes.
    public func setCheckpointInterval(pages: Int) throws(EventStoreError) {
        try run { try database.execute("PRAGMA wal_autocheckpoint = \(max(1, pages))") }
    }

    /// The schema version of the open file.
    public func fileSchemaVersion() throws(EventStoreError) -> Int {
        try run { try Self.userVersion(database) }
    }

    /// `PRAGMA journal_mode` of the open file ("wal").
    public func journalMode() throws(EventStoreError) -> String {
        try run { try database.prepare("PRAGMA journal_mode").firstRow { $0.text(0) } ?? "" }
    }

    /// The rows of `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    public func integrityCheck() throws(EventStoreError) -> [String] {
        try run { try database.integrityCheck() }
    }
}
