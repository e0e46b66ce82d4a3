import Diagnostics
import Foundation
import Parallelism
import TextFormats

/// Loads a store folder and cross-checks it, reporting every problem of every file in one run.
public enum StoreLoader {
    /// The files of a store folder, in the order they are read (later files refer to earlier ones).
    public enum File: String, CaseIterable, Sendable {
        case settings = "store.json"
        case products = "products.csv"
        case customers = "customers.csv"
        case orders = "orders.csv"
        case wishlists = "wishlists.csv"
        case coupons = "coupons.json"
        case segments = "segments.json"
        case campaigns = "campaigns.json"

        /// Only the settings and the products are required; a new shop may have no customers yet.
        public var isRequired: Bool { self == .settings || self == .products }
    }

    public struct Options: Sendable {
        /// Forces the format of `products.csv` instead of detecting it from the header row.
        public var productFormat: ProductFileFormat?
        /// False: `orders.csv` and `wishlists.csv` are neither read nor checked (the store has no orders or wish
        /// lists), for a command that needs no purchase history, such as `send`.
        public var readsHistory: Bool
        public init(productFormat: ProductFileFormat? = nil, readsHistory: Bool = true) {
            self.productFormat = productFormat
            self.readsHistory = readsHistory
        }
    }

    /// The loaded store (nil when `store.json` or `products.csv` is unusable) and every finding.
    public static func load(
        directory: String, options: Options = Options()
    ) -> (store: LoadedStore?, diagnostics: DiagnosticEngine) {
        var diagnostics = DiagnosticEngine()
        var trimmed = directory
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let root = trimmed
        @Sendable func path(_ file: File) -> String { root == "." ? file.rawValue : "\(root)/\(file.rawValue)" }
        @Sendable func source(_ file: File, into diagnostics: inout DiagnosticEngine) -> SourceText? {
            // An optional file may be absent; anything else by its name (a folder, say) is read and reported.
            if !file.isRequired, !FileManager.default.fileExists(atPath: path(file)) { return nil }
            return SourceFiles.read(path(file), diagnostics: &diagnostics)
        }
        func source(_ file: File) -> SourceText? { source(file, into: &diagnostics) }
        guard SourceFiles.isDirectory(root) else {
            // Nothing to read is a failure of the world (exit 1), like any file that cannot be read.
            let reason = FileManager.default.fileExists(atPath: root) ? "not a folder" : "No such file or directory"
            diagnostics.emit(.failure("\(root) is not a store folder: \(reason)", at: nil))
            return (nil, diagnostics)
        }

        let settings = source(.settings).flatMap { StoreSettingsLoader.load($0, diagnostics: &diagnostics) }
        var references = OrdersLoader.References()
        // The purchase history is read (and its UTF-8 checked) on a thread of its own while products and customers
        // load; its findings are merged where it used to be read, so they come in the same order.
        let history = BackgroundWork {
            () -> (orders: SourceText?, ordersFindings: DiagnosticEngine, wishlists: SourceText?, DiagnosticEngine) in
            var ordersFindings = DiagnosticEngine()
            var wishlistsFindings = DiagnosticEngine()
            guard options.readsHistory else { return (nil, ordersFindings, nil, wishlistsFindings) }
            let orders = source(.orders, into: &ordersFindings)
            let wishlists = source(.wishlists, into: &wishlistsFindings)
            return (orders, ordersFindings, wishlists, wishlistsFindings)
        }
        // Products and customers do not refer to each other: they load side by side, each with its index.
        let productsText = source(.products)
        let customersText = source(.customers)
        let customersUnreadable = customersText == nil && FileManager.default.fileExists(atPath: path(.customers))
        let (productsLoaded, customersLoaded) = Parallel.both(
            {
                var findings = DiagnosticEngine()
                let loaded = productsText.map {
                    ProductImport.loadWithRejections(
                        $0, format: options.productFormat, settings: settings, diagnostics: &findings)
                }
                let products = loaded?.products ?? []
                checkSlugs(products, diagnostics: &findings)
                var index = IdentifierIndex(capacity: products.count)
                var bySKU = IdentifierIndex(capacity: products.count)
                for (position, product) in products.enumerated() {
                    index.insert(product.id, value: Int32(position))
                    if let sku = product.sku { bySKU.insert(sku, value: Int32(position)) }
                }
                // Without a readable products.csv (reported once), references to products are not errors of their own.
                return (loaded ?? ([], Rejected(everything: true)), findings, index, bySKU)
            },
            {
                var findings = DiagnosticEngine()
                let loaded = customersText.map { CustomersLoader.load($0, settings: settings, diagnostics: &findings) }
                var index = IdentifierIndex(capacity: loaded?.customers.count ?? 0)
                for (position, customer) in (loaded?.customers ?? []).enumerated() {
                    index.insert(customer.id, value: Int32(position))
                }
                // A customers.csv that exists but cannot be read is reported once; orders naming customers are not.
                return (loaded ?? ([], Rejected(everything: customersUnreadable)), findings, index)
            })
        let products = productsLoaded.0.products
        let customers = customersLoaded.0.customers
        references.rejectedProducts = productsLoaded.0.rejected
        references.rejectedCustomers = customersLoaded.0.rejected
        diagnostics.merge(productsLoaded.1)
        diagnostics.merge(customersLoaded.1)
        references.customerCreatedDay = customers.map { Int32(truncatingIfNeeded: $0.created.day) }
        // A day of slack for time zones: "today" differs around the globe.
        references.lastPlausibleDay = Int32(
            truncatingIfNeeded: Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)).day + 1)
        references.customers = customersLoaded.2
        references.products = productsLoaded.2
        references.productsBySKU = productsLoaded.3
        var (orders, orderCount, wishlists): ([OrderLine], Int, [WishlistEntry]) = ([], 0, [])
        let (ordersText, ordersFindings, wishlistsText, wishlistsFindings) = history.wait()
        diagnostics.merge(ordersFindings)
        if options.readsHistory {
            (orders, orderCount) =
                ordersText.map { OrdersLoader.load($0, references: references, diagnostics: &diagnostics) } ?? ([], 0)
        }
        diagnostics.merge(wishlistsFindings)
        if options.readsHistory {
            wishlists =
                wishlistsText.map { WishlistsLoader.load($0, references: references, diagnostics: &diagnostics) }
                ?? []
        }
        var coupons: [Coupon] = []
        var rejectedCoupons = Rejected()
        if let text = source(.coupons) {
            (coupons, rejectedCoupons) = CouponsLoader.load(text, diagnostics: &diagnostics)
        }

        let locales = settings?.locales ?? []
        let defaultLocale = settings?.defaultLocale ?? "en"
        var segments = [SegmentDefinition(id: "everyone", name: "Everyone")]
        var rejectedSegments = Rejected()
        var segmentIDs = segments.map(\.id)
        if let text = source(.segments) {
            let context = SegmentsLoader.Context(
                locales: locales, defaultLocale: defaultLocale,
                categories: categoryPaths(of: products.map(\.category) + references.rejectedProducts.categories),
                categoriesUnknown: references.rejectedProducts.everything, couponIDs: coupons.map(\.id),
                rejectedCoupons: rejectedCoupons.ids)
            (segments, rejectedSegments) = SegmentsLoader.load(text, context: context, diagnostics: &diagnostics)
            segmentIDs = segments.map(\.id)
            if segments.isEmpty {
                // The file's failure is reported (a syntax error, "[]", every segment rejected): its consequences are
                // not. Campaigns may name any segment, and the store keeps the fallback so no later step reports
                // that there are no segments.
                segments = [SegmentDefinition(id: "everyone", name: "Everyone")]
                // With no segment read at all (a syntax error, "[]"), campaigns may name any segment.
                rejectedSegments.everything = rejectedSegments.ids.isEmpty
            }
        }
        let campaigns =
            source(.campaigns).map {
                CampaignsLoader.load(
                    $0,
                    context: .init(
                        locales: locales, defaultLocale: defaultLocale, segmentIDs: segmentIDs,
                        couponIDs: coupons.map(\.id), rejected: rejectedSegments.ids.union(rejectedCoupons.ids),
                        everySegmentRejected: rejectedSegments.everything),
                    diagnostics: &diagnostics)
            } ?? []

        guard let settings, SourceFiles.exists(path(.products)) else { return (nil, diagnostics) }
        let store = LoadedStore(
            directory: root, settings: settings, products: products, customers: customers, orders: orders,
            wishlists: wishlists, segments: segments, coupons: coupons, campaigns: campaigns, orderCount: orderCount)
        return (store, diagnostics)
    }

    /// Two products that would be written to the same page path.
    static func checkSlugs(_ products: [Product], diagnostics: inout DiagnosticEngine) {
        // Positions, not copies of every product.
        var firstOfSlug: [String: Int] = [:]
        for (position, product) in products.enumerated() {
            if let index = firstOfSlug[product.slug] {
                let first = products[index]
                diagnostics.error(
                    "products \"\(first.id)\" and \"\(product.id)\" would both be written to p/\(product.slug)/; give one a different slug",
                    at: product.location, notes: [.init("\"\(first.id)\" is defined here", at: first.location)])
            } else {
                firstOfSlug[product.slug] = position
            }
        }
    }

    /// Every category path and each of its ancestors (`Tea`, `Tea > Green`).
    static func categoryPaths(of categories: some Sequence<[String]>) -> Set<[String]> {
        var paths = Set<[String]>()
        for category in categories where !category.isEmpty {
            for depth in 1...category.count { paths.insert(Array(category.prefix(depth))) }
        }
        return paths
    }
}

extension StoreLoader {
    /// `store.json` alone (nil when it cannot be read or has errors): what a caller needs before deciding whether
    /// to load the whole store.
    public static func settings(directory: String) -> StoreSettings? {
        var diagnostics = DiagnosticEngine()
        guard let source = SourceFiles.read("\(directory)/\(File.settings.rawValue)", diagnostics: &diagnostics),
            let settings = StoreSettingsLoader.load(source, diagnostics: &diagnostics), !diagnostics.hasErrors
        else { return nil }
        return settings
    }
}
