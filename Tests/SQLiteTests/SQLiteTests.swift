import Foundation
import SQLite
import Testing

/// A fresh folder under the temporary directory, removed by the test.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-sqlite-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("SQLite wrapper on real files")
struct SQLiteTests {
    static let texts = [
        "", "plain ASCII", "Καλημέρα κόσμε", "سلام دنیا، چطوری؟", "emoji 🛍️ and a NUL\u{0}inside", "ünïcödé",
    ]

    @Test(arguments: texts)
    func textRoundTrips(_ text: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try Database(path: folder.path + "/t.sqlite")
        try database.execute("CREATE TABLE t(value TEXT)")
        let insert = try database.prepare("INSERT INTO t(value) VALUES (?)")
        try insert.bind(text, at: 1)
        try insert.run()
        let select = try database.prepare("SELECT value, typeof(value), length(CAST(value AS BLOB)) FROM t")
        let rows = try select.rows { ($0.text(0), $0.text(1), $0.int(2)) }
        #expect(rows.count == 1)
        #expect(rows[0].0 == text)
        #expect(rows[0].1 == "text")
        #expect(rows[0].2 == text.utf8.count)
    }

    static let blobs: [[UInt8]] = [[], [0], [0, 0, 0], [0xFF, 0x00, 0x41, 0x00, 0xC3], Array(0...255)]

    @Test(arguments: blobs)
    func blobRoundTrips(_ blob: [UInt8]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try Database(path: folder.path + "/t.sqlite")
        try database.execute("CREATE TABLE t(value BLOB)")
        let insert = try database.prepare("INSERT INTO t(value) VALUES (?)")
        try insert.bind(blob, at: 1)
        try insert.run()
        let rows = try database.prepare("SELECT value, typeof(value), length(value) FROM t").rows {
            ($0.blob(0), $0.text(1), $0.int(2))
        }
        #expect(rows.count == 1)
        #expect(rows[0].0 == blob)
        #expect(rows[0].1 == "blob")
        #expect(rows[0].2 == blob.count)
    }

    @Test func everyTypeRoundTripsByIndexAndByName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/t.sqlite"
        do {
            let database = try Database(path: path)
            try database.execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n)")
            let insert = try database.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
            try insert.bind(.integer(Int64.min), .real(-0.1), .text("Ω"), .blob([0, 1]), .null)
            try insert.run()
            #expect(database.changes == 1)
            #expect(database.lastInsertRowID == 1)
            let named = try database.prepare("INSERT INTO t VALUES (:i, @r, $s, :b, :n)")
            try named.bind(.integer(Int64.max), named: ":i")
            try named.bind(.real(1e300), named: "@r")
            try named.bind(.text("δ"), named: "$s")
            try named.bind(.blob([]), named: ":b")
            try named.run()
            #expect(database.lastInsertRowID == 2)
            #expect(throws: SQLiteError.self) { try named.bind(.null, named: ":missing") }
        }
        // Reopened: what was committed is on disk.
        let database = try Database(path: path, mode: .readOnly)
        let rows = try database.prepare("SELECT i, r, s, b, n FROM t ORDER BY rowid").rows {
            [
                SQLiteValue.integer($0.int64(0)), .real($0.double(1)), .text($0.text(2)), .blob($0.blob(3)),
                $0.isNull(4) ? .null : .integer($0.int64(4)),
            ]
        }
        #expect(
            rows == [
                [.integer(Int64.min), .real(-0.1), .text("Ω"), .blob([0, 1]), .null],
                [.integer(Int64.max), .real(1e300), .text("δ"), .blob([]), .null],
            ])
        #expect(
            throws: SQLiteError(
                reason: .readOnly, code: 8, message: "attempt to write a readonly database",
                sql: "INSERT INTO t(i) VALUES (1)", path: path)
        ) {
            try database.execute("INSERT INTO t(i) VALUES (1)")
        }
    }

    struct Abort: Error {}

    @Test func aThrowingTransactionRollsBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try Database(path: folder.path + "/t.sqlite")
        try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
        #expect(throws: Abort.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        #expect(!database.isInTransaction)
        let count = try database.prepare("SELECT count(*) FROM t").firstRow { $0.int(0) }
        #expect(count == 0)
        let value = try database.transaction { () throws -> Int in
            try database.execute("INSERT INTO t VALUES (7)")
            return 7
        }
        #expect(value == 7)
        #expect(try database.prepare("SELECT count(*) FROM t").firstRow { $0.int(0) } == 1)
    }

    @Test func aTransactionInsideAnotherJoinsIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try Database(path: folder.path + "/t.sqlite")
        try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)")
        try database.transaction {
            try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
            // Still the outer transaction: the inner one did not commit.
            #expect(database.isInTransaction)
            try database.execute("INSERT INTO t VALUES (2)")
        }
        #expect(!database.isInTransaction)
        #expect(try database.prepare("SELECT count(*) FROM t").firstRow { $0.int(0) } == 2)
        // A throw inside the inner one rolls back everything the outer one did.
        #expect(throws: Abort.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (3)")
                try database.transaction {
                    try database.execute("INSERT INTO t VALUES (4)")
                    throw Abort()
                }
            }
        }
        #expect(!database.isInTransaction)
        #expect(try database.prepare("SELECT count(*) FROM t").firstRow { $0.int(0) } == 2)
    }

    @Test func aConstraintViolationIsNamedButShowsNoValue() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/t.sqlite"
        let database = try Database(path: path)
        try database.execute("CREATE TABLE people(email TEXT PRIMARY KEY)")
        let insert = try database.prepare("INSERT INTO people(email) VALUES (?)")
        try insert.bind("secret.person@example.com", at: 1)
        try insert.run()
        try insert.bind("secret.person@example.com", at: 1)
        let error = #expect(throws: SQLiteError.self) { try insert.run() }
        // SQLITE_CONSTRAINT_PRIMARYKEY is 1555.
        #expect(
            error
                == SQLiteError(
                    reason: .constraint, code: 1555, message: "UNIQUE constraint failed: people.email",
                    sql: "INSERT INTO people(email) VALUES (?)", path: path))
        #expect(!(error?.description.contains("secret") ?? true))
        // A statement that failed can run again.
        try insert.bind("other@example.com", at: 1)
        try insert.run()
        #expect(database.changes == 1)
    }

    @Test func invalidSQLIsAPrepareError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try Database(path: folder.path + "/t.sqlite")
        let error = #expect(throws: SQLiteError.self) { _ = try database.prepare("SELEKT 1") }
        #expect(error?.reason == .prepare)
        #expect(error?.code == 1)
        #expect(error?.message == "near \"SELEKT\": syntax error")
        #expect(error?.sql == "SELEKT 1")
    }

    @Test func aSecondWriterWithoutTimeoutIsBusy() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/t.sqlite"
        let first = try Database(path: path)
        try first.execute("PRAGMA journal_mode=WAL; CREATE TABLE t(x)")
        let second = try Database(path: path)
        second.setBusyTimeout(milliseconds: 0)
        try first.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (1)")
        let error = #expect(throws: SQLiteError.self) { try second.execute("BEGIN IMMEDIATE") }
        #expect(error?.reason == .busy)
        #expect(error?.code == 5)
        // Readers still see the last commit in WAL mode.
        #expect(try second.prepare("SELECT count(*) FROM t").firstRow { $0.int(0) } == 0)
        try first.execute("COMMIT")
        try second.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (2); COMMIT")
        #expect(try first.prepare("SELECT count(*) FROM t").firstRow { $0.int(0) } == 2)
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/t.sqlite"
        try Array("name,email\nsomeone,x@example.com\n".utf8).withUnsafeBytes {
            try Data($0).write(to: URL(fileURLWithPath: path))
        }
        let database = try Database(path: path)
        let error = #expect(throws: SQLiteError.self) { _ = try database.integrityCheck() }
        #expect(error?.reason == .notADatabase)
        #expect(error?.code == 26)
        #expect(error?.message == "file is not a database")
    }

    @Test func aDamagedHeaderIsNotADatabaseOrCorrupt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/t.sqlite"
        do {
            let database = try Database(path: path)
            try database.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1)")
            #expect(try database.integrityCheck() == ["ok"])
        }
        // The magic string "SQLite format 3\0" in bytes 0…15 of the header (https://sqlite.org/fileformat.html §1.3).
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data(repeating: 0x58, count: 16))
        try handle.close()
        let database = try Database(path: path)
        let error = #expect(throws: SQLiteError.self) { _ = try database.prepare("SELECT x FROM t").rows { $0.int(0) } }
        #expect(error?.reason == .notADatabase)

        // A damaged page size (bytes 16…17 must be a power of two) is refused too.
        let fixed = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try fixed.write(contentsOf: Data("SQLite format 3\u{0}".utf8) + Data([0x03, 0x03]))
        try fixed.close()
        let reopened = try Database(path: path)
        let second = #expect(throws: SQLiteError.self) { _ = try reopened.integrityCheck() }
        #expect(second?.reason == .notADatabase || second?.reason == .corrupt)
    }

    @Test func aDamagedPageIsReportedByIntegrityCheck() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/t.sqlite"
        do {
            let database = try Database(path: path)
            try database.execute("PRAGMA page_size=4096; CREATE TABLE t(x TEXT); CREATE INDEX tx ON t(x)")
            let insert = try database.prepare("INSERT INTO t VALUES (?)")
            try database.transaction {
                for index in 0..<2000 {
                    try insert.bind("row \(index)", at: 1)
                    try insert.run()
                }
            }
        }
        // Scribble over pages 3 to 5, header included (b-tree pages of the table or its index).
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 2 * 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 3 * 4096))
        try handle.close()
        let database = try Database(path: path)
        do {
            let rows = try database.integrityCheck()
            #expect(rows != ["ok"])
            #expect(!rows.isEmpty)
        } catch {
            #expect(error.reason == .corrupt)
        }
    }

    @Test func preparedStatementsAreReusedByText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try Database(path: folder.path + "/t.sqlite")
        try database.execute("CREATE TABLE t(x INTEGER)")
        var statements: Set<ObjectIdentifier> = []
        for index in 0..<100 {
            let insert = try database.prepare("INSERT INTO t VALUES (?)")
            statements.insert(ObjectIdentifier(insert))
            try insert.bind(index, at: 1)
            try insert.run()
        }
        #expect(statements.count == 1)
        #expect(database.cachedStatementCount == 1)
        // A reused statement comes back with its bindings cleared.
        let select = try database.prepare("SELECT count(*) FROM t WHERE x >= ?")
        try select.bind(50, at: 1)
        #expect(try select.firstRow { $0.int(0) } == 50)
        let again = try database.prepare("SELECT count(*) FROM t WHERE x >= ?")
        #expect(again === select)
        #expect(try again.firstRow { $0.int(0) } == 0)
        #expect(database.cachedStatementCount == 2)
    }

    @Test func aStatementOutlivesItsDatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var database: Database? = try Database(path: folder.path + "/t.sqlite")
        let statement = try database!.prepare("SELECT 40 + 2")
        database = nil
        #expect(try statement.firstRow { $0.int(0) } == 42)
    }

    @Test func integrityCheckOfASoundFileIsOK() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try Database(path: folder.path + "/t.sqlite")
        try database.execute("CREATE TABLE t(x PRIMARY KEY); INSERT INTO t VALUES ('a'), ('b')")
        #expect(try database.integrityCheck() == ["ok"])
    }

    @Test func aMissingFolderCannotBeOpened() throws {
        let error = #expect(throws: SQLiteError.self) {
            _ = try Database(path: "/nonexistent-vitrine-folder/x.sqlite")
        }
        #expect(error?.reason == .open)
        #expect(error?.code == 14)
    }
}
