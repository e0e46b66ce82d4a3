import Diagnostics
import Segmentation
import Store

/// `vitrine check`: load and cross-check a store, and count what it holds.
public enum CheckWorkflow {
    public struct Summary: Sendable, Equatable {
        public var products = 0
        public var categories = 0
        public var outOfStock = 0
        public var customers = 0
        public var customersWithEmailConsent = 0
        public var orders = 0
        public var orderLines = 0
        public var wishlistEntries = 0
        public var segments = 0
        public var coupons = 0
        public var campaigns = 0

        public init() {}

        /// Rows for the summary table, in a fixed order.
        public var rows: [(label: String, key: String, value: Int)] {
            [
                ("products", "products", products), ("categories", "categories", categories),
                ("out of stock", "out_of_stock", outOfStock), ("customers", "customers", customers),
                ("with e-mail consent", "customers_with_email_consent", customersWithEmailConsent),
                ("orders", "orders", orders), ("order lines", "order_lines", orderLines),
                ("wish-list entries", "wishlist_entries", wishlistEntries), ("segments", "segments", segments),
                ("coupons", "coupons", coupons), ("campaigns", "campaigns", campaigns),
            ]
        }
    }

    public struct Result: Sendable {
        public var store: LoadedStore?
        public var diagnostics: DiagnosticEngine
        public var summary: Summary
    }

    public static func run(directory: String, productFormat: ProductFileFormat? = nil) -> Result {
        var (store, diagnostics) = StoreLoader.load(directory: directory, options: .init(productFormat: productFormat))
        // Segment rules are checked with the rest of the store: every rule error in the same run.
        if let store { _ = CompiledSegments.compile(store.segments, diagnostics: &diagnostics) }
        var summary = Summary()
        if let store {
            summary.products = store.products.count
            summary.categories = Set(store.products.map(\.category)).count
            summary.outOfStock = store.products.count { !$0.isInStock }
            summary.customers = store.customers.count
            summary.customersWithEmailConsent = store.customers.count { $0.consentEmail && $0.email != nil }
            summary.orders = store.orderCount
            summary.orderLines = store.orders.count
            summary.wishlistEntries = store.wishlists.count
            summary.segments = store.segments.count
            summary.coupons = store.coupons.count
            summary.campaigns = store.campaigns.count
        }
        return Result(store: store, diagnostics: diagnostics, summary: summary)
    }
}
