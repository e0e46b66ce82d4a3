import SQLite

extension EventStore {
    static let checkpointColumns = "identity, identity_length, device, inode, path, offset, lines, updated"

    static func checkpoint(_ row: Row) -> Checkpoint {
        Checkpoint(
            identity: row.text(0), identityLength: row.int(1), device: row.int64(2), inode: row.int64(3),
            path: row.text(4), offset: row.int64(5), lines: row.int64(6), updated: row.int64(7))
    }

    /// The checkpoint of the file whose identity is `identity`, if it was ever ingested.
    public func checkpoint(identity: String) throws(EventStoreError) -> Checkpoint? {
        try run {
            let statement = try database.prepare(
                "SELECT \(Self.checkpointColumns) FROM ingest_files WHERE identity = ?")
            try statement.bind(identity, at: 1)
            return try statement.firstRow(Self.checkpoint)
        }
    }

    /// Every checkpoint, for matching a file whose identity was taken when it was shorter than 4096 bytes.
    public func checkpoints() throws(EventStoreError) -> [Checkpoint] {
        try run {
            try database.prepare("SELECT \(Self.checkpointColumns) FROM ingest_files ORDER BY identity").rows(
                Self.checkpoint)
        }
    }

    /// Writes one batch of ingest in ONE transaction: the events (added to their keys), the counters (added), the
    /// suppressions and opt-outs (first wins), and the file's new checkpoint. A process killed at any moment leaves
    /// either all of it or none, so the next run resumes at the stored offset and counts every line exactly once.
    ///
    /// `file.identity` may differ from `previousIdentity` when a short file's identity grew (more of its first 4096
    /// bytes were seen): the old row is then replaced.
    public func commitIngestBatch(
        file: Checkpoint, previousIdentity: String? = nil, events: [EventCount], counters: [String: Int],
        suppressions: [Suppression] = [], optOuts: [TrackingOptOut] = []
    ) throws(EventStoreError) {
        try run {
            try database.transaction {
                let upsertEvent = try database.prepare(
                    """
                    INSERT INTO event_counts (kind, class, campaign, segment, recipient, target, day, count, first_at,
                        last_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET count = count + excluded.count,
                        first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)
                    """)
                // The hot loop of ingest: typed binds, no array of values per event.
                for event in events {
                    try upsertEvent.bind(event.kind.rawValue, at: 1)
                    try upsertEvent.bind(event.traffic.rawValue, at: 2)
                    try upsertEvent.bind(event.campaign, at: 3)
                    try upsertEvent.bind(event.segment, at: 4)
                    try upsertEvent.bind(event.recipient, at: 5)
                    try upsertEvent.bind(event.target, at: 6)
                    try upsertEvent.bind(event.day, at: 7)
                    try upsertEvent.bind(event.count, at: 8)
                    try upsertEvent.bind(event.firstAt, at: 9)
                    try upsertEvent.bind(event.lastAt, at: 10)
                    try upsertEvent.run()
                }
                let addCounter = try database.prepare(
                    """
                    INSERT INTO ingest_counters (name, value) VALUES (?, ?)
                    ON CONFLICT DO UPDATE SET value = value + excluded.value
                    """)
                for (name, value) in counters {
                    try addCounter.bind(.text(name), .integer(Int64(value)))
                    try addCounter.run()
                }
                for suppression in suppressions { try insert(suppression) }
                for optOut in optOuts { try insert(optOut) }
                if let previousIdentity, previousIdentity != file.identity {
                    let delete = try database.prepare("DELETE FROM ingest_files WHERE identity = ?")
                    try delete.bind(previousIdentity, at: 1)
                    try delete.run()
                }
                let upsertFile = try database.prepare(
                    """
                    INSERT INTO ingest_files (\(Self.checkpointColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET identity_length = excluded.identity_length, device = excluded.device,
                        inode = excluded.inode, path = excluded.path, offset = excluded.offset,
                        lines = excluded.lines, updated = excluded.updated
                    """)
                try upsertFile.bind(
                    .text(file.identity), .integer(Int64(file.identityLength)), .integer(file.device),
                    .integer(file.inode), .text(file.path), .integer(file.offset), .integer(file.lines),
                    .integer(file.updated))
                try upsertFile.run()
            }
        }
    }

    /// The ingest counters, summed over every batch.
    public func ingestCounters() throws(EventStoreError) -> [String: Int] {
        try run {
            let rows = try database.prepare("SELECT name, value FROM ingest_counters").rows { ($0.text(0), $0.int(1)) }
            return Dictionary(rows, uniquingKeysWith: +)
        }
    }

    /// Unix time of the last committed ingest batch, nil when nothing was ever ingested (`send` refuses to start
    /// when it is too old: suppressions from the logs would be missing).
    public func newestIngest() throws(EventStoreError) -> Int64? {
        try run {
            try database.prepare("SELECT max(updated) FROM ingest_files").firstRow { $0.optionalInt64(0) } ?? nil
        }
    }

    /// Every aggregated event row, in key order, one at a time.
    public func exportEvents(to consume: (EventCount) -> Void) throws(EventStoreError) {
        try run {
            let statement = try database.prepare(
                """
                SELECT kind, class, campaign, segment, recipient, target, day, count, first_at, last_at
                FROM event_counts ORDER BY kind, class, campaign, segment, recipient, target, day
                """)
            defer { statement.reset() }
            while try statement.step() {
                guard let kind = EventKind(rawValue: statement.int64(0)),
                    let traffic = TrafficClass(rawValue: statement.int64(1))
                else { continue }
                consume(
                    EventCount(
                        kind: kind, traffic: traffic, campaign: statement.text(2), segment: statement.text(3),
                        recipient: statement.int64(4), target: statement.text(5), day: statement.int64(6),
                        count: statement.int64(7), firstAt: statement.int64(8), lastAt: statement.int64(9)))
            }
        }
    }
}
