import SQLite

extension EventStore {
    static let insertSuppression =
        "INSERT INTO suppressions (customer_id, reason, at, source) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
    static let insertOptOut = "INSERT INTO tracking_optouts (customer_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING"

    func insert(_ suppression: Suppression) throws(SQLiteError) {
        let statement = try database.prepare(Self.insertSuppression)
        try statement.bind(
            .text(suppression.customer), .text(suppression.reason.rawValue), .integer(suppression.at),
            .text(suppression.source))
        try statement.run()
    }

    func insert(_ optOut: TrackingOptOut) throws(SQLiteError) {
        let statement = try database.prepare(Self.insertOptOut)
        try statement.bind(.text(optOut.customer), .integer(optOut.at))
        try statement.run()
    }

    /// Suppresses `customer`; a customer already suppressed keeps the first reason, time and source.
    public func suppress(
        customer: String, reason: SuppressionReason, at: Int64, source: String
    ) throws(EventStoreError) {
        try run { try insert(Suppression(customer: customer, reason: reason, at: at, source: source)) }
    }

    /// Every suppression, by customer.
    public func suppressions() throws(EventStoreError) -> [String: Suppression] {
        try run {
            let rows = try database.prepare("SELECT customer_id, reason, at, source FROM suppressions").rows {
                Suppression(
                    customer: $0.text(0), reason: SuppressionReason(rawValue: $0.text(1)) ?? .unsubscribed,
                    at: $0.int64(2), source: $0.text(3))
            }
            return Dictionary(rows.map { ($0.customer, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Whether `customer` is suppressed: one lookup of a cached statement, asked before every single message.
    public func isSuppressed(customer: String) throws(EventStoreError) -> Bool {
        try run {
            let statement = try database.prepare("SELECT 1 FROM suppressions WHERE customer_id = ?")
            try statement.bind(customer, at: 1)
            return try statement.firstRow { _ in true } ?? false
        }
    }

    /// Records that `customer` refuses tracking (the first time is kept).
    public func optOutOfTracking(customer: String, at: Int64) throws(EventStoreError) {
        try run { try insert(TrackingOptOut(customer: customer, at: at)) }
    }

    /// The customers who refuse tracking.
    public func trackingOptOuts() throws(EventStoreError) -> Set<String> {
        try run { Set(try database.prepare("SELECT customer_id FROM tracking_optouts").rows { $0.text(0) }) }
    }
}
