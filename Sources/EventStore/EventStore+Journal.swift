import SQLite

extension EventStore {
    /// Adds the campaign's messages as `queued`, in one transaction; messages already in the journal are left as
    /// they are (so a `send` run again after a crash does not reset them).
    public func enqueue(
        campaign: String, messages: [(customer: String, messageID: String)], at: Int64
    ) throws(EventStoreError) {
        try run {
            try database.transaction {
                let insert = try database.prepare(
                    """
                    INSERT INTO send_journal (campaign, customer_id, message_id, state, attempts, updated)
                    VALUES (?, ?, ?, 'queued', 0, ?) ON CONFLICT DO NOTHING
                    """)
                for message in messages {
                    try insert.bind(.text(campaign), .text(message.customer), .text(message.messageID), .integer(at))
                    try insert.run()
                }
            }
        }
    }

    private func transition(
        _ sql: String, _ values: [SQLiteValue], campaign: String, customer: String
    ) throws(EventStoreError) {
        let changed = try run { () throws -> Int in
            let statement = try database.prepare(sql)
            for (offset, value) in values.enumerated() { try statement.bind(value, at: Int32(offset + 1)) }
            let base = Int32(values.count)
            try statement.bind(campaign, at: base + 1)
            try statement.bind(customer, at: base + 2)
            try statement.run()
            return database.changes
        }
        guard changed == 1 else { throw EventStoreError(.notInJournal(campaign: campaign), path: path) }
    }

    /// Marks the message as being handed to the relay and counts the attempt. Commit this BEFORE sending.
    public func markHanding(campaign: String, customer: String, at: Int64) throws(EventStoreError) {
        try transition(
            """
            UPDATE send_journal SET state = 'handing', attempts = attempts + 1, updated = ?, next_attempt = NULL
            WHERE campaign = ? AND customer_id = ?
            """, [.integer(at)], campaign: campaign, customer: customer)
    }

    /// The relay accepted the message.
    public func markSent(
        campaign: String, customer: String, code: Int = 250, enhancedCode: String? = nil, at: Int64
    ) throws(EventStoreError) {
        try transition(
            """
            UPDATE send_journal SET state = 'sent', last_code = ?, last_enhanced = ?, updated = ?, next_attempt = NULL
            WHERE campaign = ? AND customer_id = ?
            """, [.integer(Int64(code)), enhancedCode.map { .text($0) } ?? .null, .integer(at)], campaign: campaign,
            customer: customer)
    }

    /// The relay refused for now: try again at `nextAttempt`.
    public func markDeferred(
        campaign: String, customer: String, code: Int, enhancedCode: String? = nil, nextAttempt: Int64, at: Int64
    ) throws(EventStoreError) {
        try transition(
            """
            UPDATE send_journal SET state = 'deferred', last_code = ?, last_enhanced = ?, updated = ?, next_attempt = ?
            WHERE campaign = ? AND customer_id = ?
            """,
            [.integer(Int64(code)), enhancedCode.map { .text($0) } ?? .null, .integer(at), .integer(nextAttempt)],
            campaign: campaign, customer: customer)
    }

    /// The relay refused for good.
    public func markBounced(
        campaign: String, customer: String, code: Int, enhancedCode: String? = nil, at: Int64
    ) throws(EventStoreError) {
        try transition(
            """
            UPDATE send_journal SET state = 'bounced', last_code = ?, last_enhanced = ?, updated = ?, next_attempt = NULL
            WHERE campaign = ? AND customer_id = ?
            """, [.integer(Int64(code)), enhancedCode.map { .text($0) } ?? .null, .integer(at)], campaign: campaign,
            customer: customer)
    }

    /// The message was not sent because the customer is suppressed.
    public func markSuppressed(campaign: String, customer: String, at: Int64) throws(EventStoreError) {
        try transition(
            """
            UPDATE send_journal SET state = 'suppressed', updated = ?, next_attempt = NULL
            WHERE campaign = ? AND customer_id = ?
            """, [.integer(at)], campaign: campaign, customer: customer)
    }

    /// What is left to send at `now`: queued messages, deferred ones whose time has come, and `handing` ones (a
    /// crash between handing and journaling: send again, same Message-ID). In customer order.
    public func pending(campaign: String, now: Int64) throws(EventStoreError) -> [JournalEntry] {
        try run {
            let statement = try database.prepare(
                """
                SELECT \(Self.journalColumns) FROM send_journal
                WHERE campaign = ?1 AND (state IN ('queued', 'handing') OR (state = 'deferred' AND next_attempt <= ?2))
                ORDER BY customer_id
                """)
            try statement.bind(.text(campaign), .integer(now))
            return try statement.rows(Self.journalEntry)
        }
    }

    /// Every journal entry of the campaign, in customer order.
    public func journal(campaign: String) throws(EventStoreError) -> [JournalEntry] {
        try run {
            let statement = try database.prepare(
                "SELECT \(Self.journalColumns) FROM send_journal WHERE campaign = ? ORDER BY customer_id")
            try statement.bind(campaign, at: 1)
            return try statement.rows(Self.journalEntry)
        }
    }

    /// How many of the campaign's messages are in each state (states with none are absent).
    public func journalCounts(campaign: String) throws(EventStoreError) -> [JournalState: Int] {
        try run {
            let statement = try database.prepare(
                "SELECT state, count(*) FROM send_journal WHERE campaign = ? GROUP BY state")
            try statement.bind(campaign, at: 1)
            var counts: [JournalState: Int] = [:]
            for (state, count) in try statement.rows({ ($0.text(0), $0.int(1)) }) {
                if let state = JournalState(rawValue: state) { counts[state] = count }
            }
            return counts
        }
    }

    static let journalColumns =
        "campaign, customer_id, message_id, state, attempts, last_code, last_enhanced, updated, next_attempt"

    static func journalEntry(_ row: Row) -> JournalEntry {
        JournalEntry(
            campaign: row.text(0), customer: row.text(1), messageID: row.text(2),
            state: JournalState(rawValue: row.text(3)) ?? .queued, attempts: row.int(4),
            lastCode: row.optionalInt64(5).map { Int($0) }, lastEnhancedCode: row.optionalText(6),
            updated: row.int64(7), nextAttempt: row.optionalInt64(8))
    }
}
