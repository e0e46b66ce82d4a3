import Diagnostics
import Recommendation
import Segmentation
import Store
import TextFormats

/// `vitrine segments`: compile the rules of `segments.json`, compute every customer's metrics, put each customer in
/// the first segment whose rule matches, and summarise; and, for `build` and `mail`, the recommendations.
public enum SegmentsWorkflow {
    /// The segments of a loaded store. `asOf` defaults to the newest order line (reproducible builds); engagement
    /// comes from the events store when the caller has it. Nil, with every rule error in `diagnostics`, when a
    /// rule does not compile.
    public static func run(
        _ store: LoadedStore, asOf: Timestamp? = nil, engagement: Engagement? = nil,
        diagnostics: inout DiagnosticEngine
    ) -> SegmentReport? {
        run(
            customers: store.customers, products: store.products, orders: store.orders, segments: store.segments,
            asOf: asOf, engagement: engagement, diagnostics: &diagnostics)
    }

    /// The same from the parts of a store (benchmarks and evaluations build these in memory).
    public static func run(
        customers: [Customer], products: [Product], orders: [OrderLine], segments: [SegmentDefinition],
        asOf: Timestamp? = nil, engagement: Engagement? = nil, diagnostics: inout DiagnosticEngine
    ) -> SegmentReport? {
        guard let compiled = CompiledSegments.compile(segments, diagnostics: &diagnostics) else { return nil }
        let metrics = CustomerMetrics(
            customers: customers, products: products, orders: orders, asOf: asOf, engagement: engagement)
        return SegmentReport(segments: compiled, context: RuleContext(metrics: metrics, customers: customers))
    }

    /// Similar items, per-segment rankings and per-customer picks for a store and its segments.
    public static func recommend(
        _ store: LoadedStore, report: SegmentReport, settings: RecommendationSettings = .init()
    ) -> StoreRecommendations {
        recommend(
            products: store.products, orders: store.orders, wishlists: store.wishlists, report: report,
            settings: settings)
    }

    public static func recommend(
        products: [Product], orders: [OrderLine], wishlists: [WishlistEntry], report: SegmentReport,
        settings: RecommendationSettings = .init()
    ) -> StoreRecommendations {
        let metrics = report.context.metrics
        let matrix = PurchaseMatrix(customerCount: metrics.customerCount, productCount: products.count, orders: orders)
        // Both tables from one walk over the co-purchases, or one table used twice.
        let tables =
            settings.pickSimilarity == settings.similarity
            ? [ItemSimilarity(matrix: matrix, configuration: settings.similarity)]
            : ItemSimilarity.tables(matrix: matrix, configurations: [settings.similarity, settings.pickSimilarity])
        let similarity = tables[0]
        let pickSimilarity = tables[tables.count - 1]
        let trend = settings.trend(matrix: matrix, asOfDay: metrics.asOfDay)
        let picks = settings.customerPicks(
            matrix: matrix, similarity: pickSimilarity, trend: trend, products: products, wishlists: wishlists,
            countries: report.context.customers.map(\.country), asOfDay: metrics.asOfDay,
            engagement: metrics.engagement)
        let ranking = settings.segmentRanking(
            matrix: matrix, orders: orders, products: products, assignment: report.assignment)
        return StoreRecommendations(
            matrix: matrix, similarity: similarity, pickSimilarity: pickSimilarity, popularity: trend,
            segmentRanking: ranking, customerPicks: picks)
    }

    /// `vitrine segments --explain`: one customer's metrics, the rules tried, and their picks with the reason for
    /// each. Only that customer's picks are made (the neighbours they come from still need every order).
    public static func explain(
        _ store: LoadedStore, report: SegmentReport, customerID: String, settings: RecommendationSettings = .init()
    ) -> CustomerExplanation? {
        explain(
            products: store.products, orders: store.orders, wishlists: store.wishlists, report: report,
            customerID: customerID, settings: settings)
    }

    public static func explain(
        products: [Product], orders: [OrderLine], wishlists: [WishlistEntry], report: SegmentReport,
        customerID: String, settings: RecommendationSettings = .init()
    ) -> CustomerExplanation? {
        report.explain(customerID: customerID, products: products) { customer in
            let metrics = report.context.metrics
            let matrix = PurchaseMatrix(
                customerCount: metrics.customerCount, productCount: products.count, orders: orders)
            let similarity = ItemSimilarity(matrix: matrix, configuration: settings.pickSimilarity)
            let picks = settings.customerPicks(
                matrix: matrix, similarity: similarity, trend: settings.trend(matrix: matrix, asOfDay: metrics.asOfDay),
                products: products, wishlists: wishlists, countries: report.context.customers.map(\.country),
                asOfDay: metrics.asOfDay, only: [customer], engagement: metrics.engagement
            ).picks(for: customer)
            let reasons = CustomerPicks.reasons(
                customer: customer, picks: picks, matrix: matrix, similarity: similarity,
                signals: settings.signals(wishlists, engagement: metrics.engagement), asOfDay: metrics.asOfDay,
                configuration: settings.picks)
            return Array(zip(picks, reasons))
        }
    }
}

/// Everything recommended for one store.
public struct StoreRecommendations: Sendable {
    public let matrix: PurchaseMatrix
    /// "Also bought" neighbours.
    public let similarity: ItemSimilarity
    /// The neighbours the picks were made from.
    public let pickSimilarity: ItemSimilarity
    public let popularity: Popularity
    public let segmentRanking: SegmentRanking
    public let customerPicks: CustomerPicks
}
