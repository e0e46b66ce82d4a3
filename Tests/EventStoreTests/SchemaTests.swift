import Foundation
import SQLite
import Testing

@testable import EventStore

@Suite("state file schema")
struct SchemaTests {
    static let tables = [
        "event_counts", "ingest_counters", "ingest_files", "send_journal", "stock_observations", "suppressions",
        "tracking_optouts",
    ]

    /// A file of schema v1 (made by a vitrine before the stock history) is migrated with its data kept.
    @Test func aVersionOneFileIsMigratedKeepingItsData() throws {
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
        #expect(try store.fileSchemaVersion() == 4)
        #expect(try store.suppressions()["C1"]?.source == "winter")
        #expect(try store.recordStock(["p-1": false], day: 3) == 1)
        #expect(try store.lastOutOfStock() == ["p-1": 3])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aNewFileIsMigratedAndReopensUnchanged() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        #expect(EventStore.schemaVersion == 4)
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
        #expect(try store.fileSchemaVersion() == 4)
        #expect(try store.integrityCheck() == ["ok"])
    }

    /// A file written by v1 (events and their recipient index) keeps every row when v3 drops the index.
    @Test func aVersion1FileIsMigratedWithItsEvents() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        do {
            let database = try Database(path: folder.state)
            // Exactly what v1 created: its migration, run alone.
            try database.execute(Schema.migrations[0])
            try database.execute(
                """
                INSERT INTO event_counts VALUES (2, 0, 'c1', 's1', 42, 'p1', 19800, 3, 100, 200);
                INSERT INTO event_counts VALUES (1, 0, 'c1', 's1', 42, '', 19800, 1, 150, 150);
                PRAGMA user_version = 1;
                """)
        }
        let store = try EventStore(path: folder.state)
        #expect(try store.fileSchemaVersion() == 4)
        #expect(try store.integrityCheck() == ["ok"])
        var rows: [EventCount] = []
        try store.exportEvents { rows.append($0) }
        #expect(
            rows == [
                EventCount(
                    kind: .click, traffic: .human, campaign: "c1", segment: "s1", recipient: 42, target: "",
                    day: 19800, count: 1, firstAt: 150, lastAt: 150),
                EventCount(
                    kind: .open, traffic: .human, campaign: "c1", segment: "s1", recipient: 42, target: "p1",
                    day: 19800, count: 3, firstAt: 100, lastAt: 200),
            ])
        let database = try Database(path: folder.state, mode: .readOnly)
        let indexes = try database.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'event_counts' AND sql IS NOT NULL"
        ).rows { $0.text(0) }
        #expect(indexes.isEmpty)
    }

    /// A file of v3 (the journal's state index) with a campaign half sent keeps every journal row when v4 drops the
    /// index, and the send protocol goes on from where it was.
    @Test func aVersion3FileIsMigratedWithItsJournal() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        do {
            let database = try Database(path: folder.state)
            for migration in Schema.migrations.prefix(3) { try database.execute(migration) }
            try database.execute(
                """
                INSERT INTO send_journal VALUES ('w', 'C1', 'm1@x', 'sent', 1, 250, '2.0.0', 100, NULL);
                INSERT INTO send_journal VALUES ('w', 'C2', 'm2@x', 'handing', 1, NULL, NULL, 101, NULL);
                INSERT INTO send_journal VALUES ('w', 'C3', 'm3@x', 'deferred', 2, 451, '4.3.0', 102, 200);
                INSERT INTO send_journal VALUES ('w', 'C4', 'm4@x', 'queued', 0, NULL, NULL, 103, NULL);
                INSERT INTO send_journal VALUES ('other', 'C1', 'o1@x', 'queued', 0, NULL, NULL, 104, NULL);
                PRAGMA user_version = 3;
                """)
            #expect(try Self.journalIndexes(database) == ["send_journal_state"])
        }
        let store = try EventStore(path: folder.state)
        #expect(try store.fileSchemaVersion() == 4)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try Self.journalIndexes(Database(path: folder.state, mode: .readOnly)).isEmpty)
        #expect(
            try store.journal(campaign: "w") == [
                JournalEntry(
                    campaign: "w", customer: "C1", messageID: "m1@x", state: .sent, attempts: 1, lastCode: 250,
                    lastEnhancedCode: "2.0.0", updated: 100),
                JournalEntry(
                    campaign: "w", customer: "C2", messageID: "m2@x", state: .handing, attempts: 1, updated: 101),
                JournalEntry(
                    campaign: "w", customer: "C3", messageID: "m3@x", state: .deferred, attempts: 2, lastCode: 451,
                    lastEnhancedCode: "4.3.0", updated: 102, nextAttempt: 200),
                JournalEntry(
                    campaign: "w", customer: "C4", messageID: "m4@x", state: .queued, attempts: 0, updated: 103),
            ])
        #expect(try store.pending(campaign: "w", now: 150).map(\.customer) == ["C2", "C4"])
        #expect(try store.pending(campaign: "w", now: 200).map(\.customer) == ["C2", "C3", "C4"])
        // The sender's first round filters the journal it has read instead of asking again: the same rows.
        for now: Int64 in [0, 150, 199, 200, 201] {
            #expect(
                try store.journal(campaign: "w").filter { $0.isPending(at: now) }
                    == store.pending(campaign: "w", now: now))
        }
        #expect(try store.journalCounts(campaign: "w") == [.sent: 1, .handing: 1, .deferred: 1, .queued: 1])
        try store.markSent(campaign: "w", customer: "C2", at: 160)
        #expect(try store.journalCounts(campaign: "w") == [.sent: 2, .deferred: 1, .queued: 1])
        #expect(try store.journalCounts(campaign: "other") == [.queued: 1])
    }

    static func journalIndexes(_ database: Database) throws -> [String] {
        try database.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'send_journal' AND sql IS NOT NULL"
        ).rows { $0.text(0) }
    }

    @Test func aNewerSchemaIsRefused() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        _ = try EventStore(path: folder.state)
        try Database(path: folder.state).execute("PRAGMA user_version = 7")
        let error = #expect(throws: EventStoreError.self) { _ = try EventStore(path: folder.state) }
        #expect(error == EventStoreError(.newerSchema(found: 7, known: 4), path: folder.state))
        #expect(error?.description == "state.sqlite is schema v7, this vitrine knows up to v4 (\(folder.state))")
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
        for outcome in outcomes { #expect(try outcome.get() == 4) }
    }
}
