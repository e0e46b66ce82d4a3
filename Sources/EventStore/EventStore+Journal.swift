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

    /// Runs `body`'s journal changes as one transaction: one commit (one write of the WAL) for several of them.
    public func batch<T>(_ body: () throws -> T) throws(EventStoreError) -> T {
        try run { try database.transaction { try body() } }
    }

    /// One journal transition: its UPDATE (the new values first, then campaign and customer as its last two
    /// parameters), allowed only from the states the protocol permits. The SQL text is built once per transition, so
    /// the statement cache finds it without formatting a string per message.
    struct Transition {
        let state: JournalState
        let sql: String

        init(to state: JournalState, from allowed: [JournalState], set assignments: String, values: Int32) {
            self.state = state
            sql = """
                UPDATE send_journal SET state = '\(state.rawValue)', \(assignments)
                WHERE campaign = ?\(values + 1) AND customer_id = ?\(values + 2)
                    AND state IN (\(allowed.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
                """
        }

        static let handing = Transition(
            to: .handing, from: [.queued, .deferred, .handing],
            set: "attempts = attempts + 1, updated = ?1, next_attempt = NULL", values: 1)
        static let sent = Transition(
            to: .sent, from: [.handing], set: "last_code = ?1, last_enhanced = ?2, updated = ?3, next_attempt = NULL",
            values: 3)
        static let deferred = Transition(
            to: .deferred, from: [.handing],
            set: "last_code = ?1, last_enhanced = ?2, updated = ?3, next_attempt = ?4", values: 4)
        static let bounced = Transition(
            to: .bounced, from: [.handing],
            set: "last_code = ?1, last_enhanced = ?2, updated = ?3, next_attempt = NULL",
            values: 3)
        static let suppressed = Transition(
            to: .suppressed, from: [.queued, .deferred, .handing], set: "updated = ?1, next_attempt = NULL", values: 1)
    }

    /// Runs one transition of a journal row; fails without changing anything when the row is missing or in a state
    /// the transition does not start from.
    private func transition(
        _ transition: Transition, _ values: [SQLiteValue], campaign: String, customer: String
    ) throws(EventStoreError) {
        // The row's state when the update was refused, nil when it applied.
        let refused = try run { () throws -> JournalState?? in
            try database.transaction {
                let base = Int32(values.count)
                let update = try database.prepare(transition.sql)
                for (offset, value) in values.enumerated() { try update.bind(value, at: Int32(offset + 1)) }
                try update.bind(campaign, at: base + 1)
                try update.bind(customer, at: base + 2)
                try update.run()
                if database.changes == 1 { return nil }
                let select = try database.prepare(
                    "SELECT state FROM send_journal WHERE campaign = ? AND customer_id = ?")
                try select.bind(.text(campaign), .text(customer))
                // A missing row is .some(nil): refused, with no state to report.
                let found = try select.firstRow { JournalState(rawValue: $0.text(0)) ?? .queued }
                return .some(found)
            }
        }
        switch refused {
        case .none: return
        case .some(.none): throw EventStoreError(.notInJournal(campaign: campaign), path: path)
        case .some(.some(let from)):
            throw EventStoreError(.invalidTransition(campaign: campaign, from: from, to: transition.state), path: path)
        }
    }

    /// Marks the message as being handed to the relay and counts the attempt; it must be queued, deferred or
    /// already handing (a crash), never finished. Committed when this returns: call it BEFORE sending.
    public func markHanding(campaign: String, customer: String, at: Int64) throws(EventStoreError) {
        try transition(.handing, [.integer(at)], campaign: campaign, customer: customer)
    }

    /// The relay accepted the message (only after `markHanding`).
    public func markSent(
        campaign: String, customer: String, code: Int = 250, enhancedCode: String? = nil, at: Int64
    ) throws(EventStoreError) {
        try transition(
            .sent, [.integer(Int64(code)), enhancedCode.map { .text($0) } ?? .null, .integer(at)], campaign: campaign,
            customer: customer)
    }

    /// The relay refused for now: try again at `nextAttempt` (only after `markHanding`).
    public func markDeferred(
        campaign: String, customer: String, code: Int, enhancedCode: String? = nil, nextAttempt: Int64, at: Int64
    ) throws(EventStoreError) {
        try transition(
            .deferred,
            [.integer(Int64(code)), enhancedCode.map { .text($0) } ?? .null, .integer(at), .integer(nextAttempt)],
            campaign: campaign, customer: customer)
    }

    /// The relay refused for good (only after `markHanding`).
    public func markBounced(
        campaign: String, customer: String, code: Int, enhancedCode: String? = nil, at: Int64
    ) throws(EventStoreError) {
        try transition(
            .bounced, [.integer(Int64(code)), enhancedCode.map { .text($0) } ?? .null, .integer(at)],
            campaign: campaign, customer: customer)
    }

    /// The message was not sent because the customer is suppressed (from any unfinished state).
    public func markSuppressed(campaign: String, customer: String, at: Int64) throws(EventStoreError) {
        try transition(.suppressed, [.integer(at)], campaign: campaign, customer: customer)
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
