import EventStore
import Foundation
import Store

/// The stock history behind the wish lists' "back in stock" mark, kept in the store's state file: each build reads
/// when each product was last seen out of stock, and after publishing records what it saw (a row only when a
/// product's stock state changed). A store without a state file keeps no history (`vitrine init` makes one; `send`
/// and `ingest` make one too), so building the example store never writes into its folder.
enum StockHistory {
    /// Per product index, the last day an earlier build saw it out of stock; empty without a state file.
    static func lastOutOfStock(_ store: LoadedStore, state path: String) throws -> [Int32: Int64] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let byID = try EventStore(path: path).lastOutOfStock()
        var result: [Int32: Int64] = [:]
        for (index, product) in store.products.enumerated() {
            if let day = byID[product.id] { result[Int32(index)] = day }
        }
        return result
    }

    /// Records each product's stock state on `day`, when the store has a state file.
    static func record(_ store: LoadedStore, state path: String, day: Int64) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var seen: [String: Bool] = [:]
        for product in store.products { seen[product.id] = product.isInStock }
        try EventStore(path: path).recordStock(seen, day: day)
    }
}
