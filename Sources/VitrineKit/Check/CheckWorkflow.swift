import Diagnostics
import Foundation
import Segmentation
import Store
import TextFormats

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
        /// A suggestion for the next step when the folder is not a store (`vitrine init`).
        public var hint: String?

        public var isOK: Bool { !diagnostics.hasErrors }

        /// `check --json`: the store, whether it is clean, every count, and the diagnostic counts.
        public func renderedJSON(directory: String) -> String {
            var members: [(String, JSONOutput)] = [("store", .string(directory)), ("ok", .bool(isOK))]
            members += summary.rows.map { ($0.key, .int($0.value)) }
            members += [("errors", .int(diagnostics.errorCount)), ("warnings", .int(diagnostics.warningCount))]
            return JSONOutput.object(members).serialized()
        }

        /// The summary table, one count a line (nothing when the store did not load).
        public var renderedTable: String {
            guard store != nil else { return "" }
            return summary.rows.map {
                "  " + $0.label.padding(toLength: 22, withPad: " ", startingAt: 0) + "\($0.value)\n"
            }
            .joined()
        }
    }

    /// The store in `directory`, with `products.csv` read as `format` (`vitrine`, `woocommerce`, `shopify`; nil
    /// detects it from the header row).
    public static func run(directory: String, format: String?) throws(OptionError) -> Result {
        var productFormat: ProductFileFormat?
        if let format {
            guard let known = ProductFileFormat(rawValue: format) else {
                let names = ProductFileFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw OptionError("unknown format '\(format)' (\(names))")
            }
            productFormat = known
        }
        var result = run(directory: directory, productFormat: productFormat)
        // A folder that is not a store yet: say how to make one.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            !FileManager.default.fileExists(atPath: directory + "/store.json")
        {
            result.hint = "\(directory) has no store.json; to start a new store there, run: vitrine init \(directory)"
        }
        return result
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
        return Result(store: store, diagnostics: diagnostics, summary: summary, hint: nil)
    }
}
