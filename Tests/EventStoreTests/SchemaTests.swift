import EventStore
import Foundation
import SQLite
import Testing

@Suite("state file schema")
struct SchemaTests {
    static let tables = [
        "event_counts", "ingest_counters", "ingest_files", "send_journal", "stock_observations", "suppressions",
        "tracking_optouts",
    ]

    /// A file of schema v1 (made by a vitrine before the stock history) opens at v2 with its data kept.
    @Test func aVersionOneFileIsMigratedToVersionTwoKeepingItsData() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        do {
            let store = try EventStore(path: folder.state)
            try store.suppress(customer: "C1", reason: .unsubscribed, at: 10, source: "winter")
        }
        do {
            let database = try Database(path: folder.state)
            try database.execute("DROP TABLE stock_observations; PRAGMA user_version = 1")
        }
        let store = try EventStore(path: folder.state)
        #expect(try store.fileSchemaVersion() == 2)
        #expect(try store.suppressions()["C1"]?.source == "winter")
        #expect(try store.recordStock(["p-1": false], day: 3) == 1)
        #expect(try store.lastOutOfStock() == ["p-1": 3])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aNewFileIsMigratedAndReopensUnchanged() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        #expect(EventStore.schemaVersion == 2)
        do {
            let store = try EventStore(path: folder.state)
            #expect(try store.fileSchemaVersion() == EventStore.schemaVersion)
            #expect(try store.journalMode() == "wal")
            #expect(try store.integrityCheck() == ["ok"])
            try store.suppress(customer: "C1", reason: .bounced, at: 10, source: "bounce")
        }
        let store = try EventStore(path: folder.state)
        #expect(try store.fileSchemaVersion() == EventStore.schemaVersion)
        #expect(try store.suppressions().count == 1)
        #expect(try store.integrityCheck() == ["ok"])

        let database = try Database(path: folder.state, mode: .readOnly)
        let tables = try database.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").rows {
            $0.text(0)
        }
        #expect(tables == Self.tables)
        #expect(try database.prepare("PRAGMA journal_mode").firstRow { $0.text(0) } == "wal")
    }

    @Test func anEmptyFileIsMigrated() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        #expect(FileManager.default.createFile(atPath: folder.state, contents: Data()))
        let store = try EventStore(path: folder.state)
        #expect(try store.fileSchemaVersion() == 2)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aNewerSchemaIsRefused() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        _ = try EventStore(path: folder.state)
        try Database(path: folder.state).execute("PRAGMA user_version = 7")
        let error = #expect(throws: EventStoreError.self) { _ = try EventStore(path: folder.state) }
        #expect(error == EventStoreError(.newerSchema(found: 7, known: 2), path: folder.state))
        #expect(error?.description == "state.sqlite is schema v7, this vitrine knows up to v2 (\(folder.state))")
        // Refusing wrote nothing: the file still says 7.
        #expect(try Database(path: folder.state).prepare("PRAGMA user_version").firstRow { $0.int(0) } == 7)
    }

    @Test func aFileThatIsNotSQLiteIsAClearError() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let text = Array("customer_id,email\nC1,someone@example.com\n".utf8)
        #expect(FileManager.default.createFile(atPath: folder.state, contents: Data(text)))
        let error = #expect(throws: EventStoreError.self) { _ = try EventStore(path: folder.state) }
        #expect(error == EventStoreError(.notADatabase, path: folder.state))
        #expect(error?.description.contains("someone") == false)
        // The file was not touched.
        #expect(FileManager.default.contents(atPath: folder.state) == Data(text))
    }

    @Test func twoStoresOpeningOneNewFileAtOnceBothSucceed() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let path = folder.state
        let results = (0..<4).map { _ in Result<Int, EventStoreError>.failure(EventStoreError(.notADatabase, path: ""))
        }
        nonisolated(unsafe) var outcomes = results
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            outcomes[index] = Result { () throws(EventStoreError) -> Int in
                try EventStore(path: path).fileSchemaVersion()
            }
        }
        for outcome in outcomes { #expect(try outcome.get() == 2) }
    }
}
