/// The state file's schema as an ordered list of migrations: migration i takes `PRAGMA user_version` from i to i + 1.
/// Append, never edit: a file at version n has run exactly the first n.
enum Schema {
    static let migrations: [String] = [
        // v1: suppressions, tracking opt-outs, the send journal, ingest checkpoints and aggregated events.
        """
        CREATE TABLE suppressions (
            customer_id TEXT PRIMARY KEY,
            reason TEXT NOT NULL CHECK (reason IN ('unsubscribed', 'bounced', 'complained')),
            at INTEGER NOT NULL,
            source TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE tracking_optouts (
            customer_id TEXT PRIMARY KEY,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE send_journal (
            campaign TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            state TEXT NOT NULL
                CHECK (state IN ('queued', 'handing', 'sent', 'deferred', 'bounced', 'suppressed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_code INTEGER,
            last_enhanced TEXT,
            updated INTEGER NOT NULL,
            next_attempt INTEGER,
            PRIMARY KEY (campaign, customer_id)
        ) WITHOUT ROWID;
        CREATE INDEX send_journal_state ON send_journal (campaign, state);
        CREATE TABLE ingest_files (
            identity TEXT PRIMARY KEY,
            identity_length INTEGER NOT NULL,
            device INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            path TEXT NOT NULL,
            offset INTEGER NOT NULL CHECK (offset >= 0),
            lines INTEGER NOT NULL,
            updated INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE event_counts (
            kind INTEGER NOT NULL,
            class INTEGER NOT NULL,
            campaign TEXT NOT NULL,
            segment TEXT NOT NULL,
            recipient INTEGER NOT NULL,
            target TEXT NOT NULL,
            day INTEGER NOT NULL,
            count INTEGER NOT NULL,
            first_at INTEGER NOT NULL,
            last_at INTEGER NOT NULL,
            PRIMARY KEY (kind, class, campaign, segment, recipient, target, day)
        ) WITHOUT ROWID;
        CREATE INDEX event_counts_recipient ON event_counts (recipient, kind, day);
        CREATE TABLE ingest_counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // v2: what each build saw of each product's stock (a row only when it changed), for "back in stock" marks.
        """
        CREATE TABLE stock_observations (
            product_id TEXT NOT NULL,
            day INTEGER NOT NULL,
            in_stock INTEGER NOT NULL CHECK (in_stock IN (0, 1)),
            PRIMARY KEY (product_id, day)
        ) WITHOUT ROWID;
        """,
        // v3: event_counts without its recipient index. No query used it (the engagement and report queries search
        // the primary key's (kind, class) prefix and group in a temporary B-tree), and every new key of an ingest
        // paid a second B-tree insert for it: about a third of the store's time.
        """
        DROP INDEX IF EXISTS event_counts_recipient;
        """,
        // v4: send_journal without its (campaign, state) index. `pending`, `journal` and `journalCounts` search the
        // primary key's campaign prefix just as fast (one campaign's rows are adjacent), while every state change of
        // `send` moved the row's entry in the index: two to four more pages written to the WAL per message.
        """
        DROP INDEX IF EXISTS send_journal_state;
        """,
    ]
}
