import Diagnostics
import EventStore
import Foundation
import Segmentation
import Store
import TextFormats
import Tracking

/// The engagement the segment rules read (`last_open`, `last_click`, `clicks_30d`, `clicked_categories`,
/// `unsubscribed`), from the store's state file: the event store's per-pseudonym human opens and clicks up to the
/// as-of day (days are the send days the tokens carry), turned back into customers with `RecipientDirectory` under
/// every tracking key. The façade reads it and passes it down; no stage opens the database.
enum StateEngagement {
    /// Nil when there is no state file (a store never ingested segments as before), or, with a warning, when the
    /// store's tracking keys cannot be made. A state file that cannot be read is an error in `diagnostics`.
    static func read(
        _ store: LoadedStore, storeFolder: String, state: String?, asOf: Timestamp?,
        environment: [String: String]?, diagnostics: inout DiagnosticEngine
    ) -> Segmentation.Engagement? {
        let path = state ?? storeFolder + "/state.sqlite"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let keyring: TrackingKeyring
        do {
            keyring = try TrackingKeyring(
                settings: store.settings, storeFolder: storeFolder,
                environment: environment ?? ProcessInfo.processInfo.environment)
        } catch {
            // Segments without engagement are still segments: `vitrine segments` works without the secret.
            diagnostics.warning(
                "engagement in \(path) left out: reading it needs the store's tracking keys: \(error)", at: nil)
            return nil
        }
        // The day given, else the later of today and the newest order's day: campaigns go out after the last order
        // a store export holds, and their events must not fall after the metrics' default as-of.
        let newest = store.orders.lazy.map(\.date.secondsSince1970).max() ?? 0
        let now = Int64(Date().timeIntervalSince1970)
        let day = asOf?.day ?? Timestamp(secondsSince1970: max(newest, now)).day
        let rows: [Int64: StoredEngagement]
        let suppressions: [String: Suppression]
        do {
            let events = try EventStore(path: path)
            rows = try events.engagement(asOf: day)
            suppressions = try events.suppressions()
        } catch {
            diagnostics.error("\(error)", at: nil)
            return nil
        }
        return merge(rows, suppressions: suppressions, store: store, keyring: keyring)
    }

    /// Per customer: the latest days, the clicks summed, the top-level categories of the clicked products.
    static func merge(
        _ rows: [Int64: StoredEngagement], suppressions: [String: Suppression], store: LoadedStore,
        keyring: TrackingKeyring
    ) -> Segmentation.Engagement {
        var engagement = Segmentation.Engagement(customerCount: store.customers.count)
        var indexOfCustomer: [String: Int] = [:]
        for (index, customer) in store.customers.enumerated() { indexOfCustomer[customer.id] = index }
        var categoryOfSlug: [String: String] = [:]
        var productOfSlug: [String: Int32] = [:]
        for (index, product) in store.products.enumerated() {
            if let top = product.category.first { categoryOfSlug[product.slug] = top }
            productOfSlug[product.slug] = Int32(index)
        }
        var clicked = [Set<Int32>](repeating: [], count: store.customers.count)
        let directory = RecipientDirectory(customerIDs: store.customers.map(\.id), keyring: keyring)
        var categories = [Set<String>](repeating: [], count: store.customers.count)
        // The recipient column holds the key id above the 40-bit pseudonym (see LogIngest.eventCount).
        for (recipient, row) in rows {
            let keyID = UInt8(truncatingIfNeeded: recipient >> 40)
            let pseudonym = UInt64(recipient) & (TrackingToken.recipientLimit - 1)
            guard let customer = directory.customerID(of: pseudonym, keyID: keyID),
                let index = indexOfCustomer[customer]
            else { continue }
            if let day = row.lastOpenDay {
                engagement.lastOpenDay[index] = max(engagement.lastOpenDay[index], Int32(clamping: day))
            }
            if let day = row.lastClickDay {
                engagement.lastClickDay[index] = max(engagement.lastClickDay[index], Int32(clamping: day))
            }
            engagement.clicks30Days[index] += Int32(clamping: row.recentClicks)
            for target in row.clickedTargets {
                if let category = categoryOfSlug[target] { categories[index].insert(category) }
                if let product = productOfSlug[target] { clicked[index].insert(product) }
            }
        }
        for index in clicked.indices where !clicked[index].isEmpty {
            engagement.clickedProducts[index] = clicked[index].sorted()
        }
        for index in categories.indices where !categories[index].isEmpty {
            engagement.clickedCategories[index] = categories[index].sorted()
        }
        for (customer, suppression) in suppressions where suppression.reason == .unsubscribed {
            if let index = indexOfCustomer[customer] { engagement.unsubscribed[index] = true }
        }
        return engagement
    }
}
