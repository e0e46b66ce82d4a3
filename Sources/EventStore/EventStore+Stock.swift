import SQLite

/// The stock history a wish list needs for its "back in stock" mark: each build records whether each product is in
/// stock, one row per product and day, written only when it differs from the product's latest row. A store's
/// catalog keeps only today's stock; this is the memory of yesterday's.
extension EventStore {
    /// Records `inStock` (product id → in stock) as seen on `day` (days since 1970-01-01 UTC), for the products whose
    /// latest observation differs or is missing, in one transaction; returns how many rows were written (none: the
    /// file is not written at all).
    @discardableResult
    public func recordStock(_ inStock: [String: Bool], day: Int64) throws(EventStoreError) -> Int {
        try run {
            var latest: [String: Bool] = [:]
            let rows = try database.prepare(
                """
                SELECT product_id, in_stock FROM stock_observations AS o
                WHERE day = (SELECT max(day) FROM stock_observations WHERE product_id = o.product_id)
                """
            ).rows { ($0.text(0), $0.int64(1) == 1) }
            for (product, seen) in rows { latest[product] = seen }
            let changed = inStock.filter { latest[$0.key] != $0.value }.sorted { $0.key < $1.key }
            guard !changed.isEmpty else { return 0 }
            try database.transaction {
                let insert = try database.prepare(
                    """
                    INSERT INTO stock_observations (product_id, day, in_stock) VALUES (?, ?, ?)
                    ON CONFLICT (product_id, day) DO UPDATE SET in_stock = excluded.in_stock
                    """)
                for (product, seen) in changed {
                    try insert.bind(.text(product), .integer(day), .integer(seen ? 1 : 0))
                    try insert.run()
                }
            }
            return changed.count
        }
    }

    /// Per product that was ever seen out of stock, the last day it was.
    public func lastOutOfStock() throws(EventStoreError) -> [String: Int64] {
        try run {
            let rows = try database.prepare(
                "SELECT product_id, max(day) FROM stock_observations WHERE in_stock = 0 GROUP BY product_id"
            ).rows { ($0.text(0), $0.int64(1)) }
            return Dictionary(rows, uniquingKeysWith: { first, _ in first })
        }
    }
}
