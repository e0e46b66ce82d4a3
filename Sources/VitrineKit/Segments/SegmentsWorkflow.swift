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
        let similarity = ItemSimilarity(matrix: matrix, configuration: settings.similarity)
        let pickSimilarity =
            settings.pickSimilarity == settings.similarity
            ? similarity : ItemSimilarity(matrix: matrix, configuration: settings.pickSimilarity)
        let trend = Popularity(
            matrix: matrix, asOfDay: metrics.asOfDay, halfLifeDays: settings.popularityHalfLifeDays)
        let picks = customerPicks(
            matrix: matrix, similarity: pickSimilarity, trend: trend, products: products, wishlists: wishlists,
            report: report, settings: settings)
        let ranking = SegmentRanking(
            matrix: matrix, orders: orders, products: products,
            segmentOfCustomer: report.assignment.segmentOfCustomer, segmentCount: report.assignment.segmentCount,
            count: settings.segmentRankingCount, affinityBoost: settings.segmentAffinityBoost)
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
            let trend = Popularity(
                matrix: matrix, asOfDay: metrics.asOfDay, halfLifeDays: settings.popularityHalfLifeDays)
            let picks = customerPicks(
                matrix: matrix, similarity: similarity, trend: trend, products: products, wishlists: wishlists,
                report: report, settings: settings, only: [customer]
            ).picks(for: customer)
            let reasons = CustomerPicks.reasons(
                customer: customer, picks: picks, matrix: matrix, similarity: similarity,
                signals: InterestSignal.wishlist(wishlists, weight: settings.wishlistWeight),
                asOfDay: metrics.asOfDay, configuration: settings.picks)
            return Array(zip(picks, reasons))
        }
    }

    /// The per-customer picks (of everyone, or of `only`), with the wish list as signals and the country
    /// popularity as the new customers' prior.
    private static func customerPicks(
        matrix: PurchaseMatrix, similarity: ItemSimilarity, trend: Popularity, products: [Product],
        wishlists: [WishlistEntry], report: SegmentReport, settings: RecommendationSettings, only: [Int]? = nil
    ) -> CustomerPicks {
        let asOfDay = report.context.metrics.asOfDay
        let countries = settings.countryShrinkage.map { shrinkage in
            let groups = GroupPopularity.groups(report.context.customers.map(\.country))
            return GroupPopularity(
                matrix: matrix, groupOfCustomer: groups.groupOfCustomer, groupCount: groups.names.count,
                asOfDay: asOfDay, halfLifeDays: settings.countryHalfLifeDays, shrinkage: shrinkage)
        }
        return CustomerPicks(
            matrix: matrix, similarity: similarity, popularity: trend, products: products,
            signals: InterestSignal.wishlist(wishlists, weight: settings.wishlistWeight), groupPopularity: countries,
            asOfDay: asOfDay, configuration: settings.picks, only: only)
    }
}

/// How recommendations are made; the defaults are the settings chosen on the UCI validation split
/// (`vitrine-bench segments uci --tune`).
public struct RecommendationSettings: Sendable, Hashable {
    /// "Customers who bought this also bought": the cosine of Linden et al., which ranks the products most bought
    /// together with this one, whatever sells.
    public var similarity: ItemSimilarity.Configuration
    /// The neighbours behind the per-customer picks: RP3β, which discounts bestsellers (the popularity prior
    /// already brings those) and measured better for what a customer buys next.
    public var pickSimilarity: ItemSimilarity.Configuration
    public var picks: CustomerPicks.Configuration
    /// Half-life of the popularity used as prior and fallback, in days.
    public var popularityHalfLifeDays: Double?
    /// Popularity within the customer's country as prior (for whom: `picks.groupScope`), shrunk toward
    /// everyone's with this many pseudo-members; nil: everyone's only.
    public var countryShrinkage: Double?
    public var countryHalfLifeDays: Double?
    /// A wish-list entry counts like a purchase of this weight.
    public var wishlistWeight: Float
    public var segmentRankingCount: Int
    public var segmentAffinityBoost: Float

    public init(
        similarity: ItemSimilarity.Configuration = .init(neighbours: 100, inverseUserFrequency: true),
        pickSimilarity: ItemSimilarity.Configuration = OnlineRetailEvaluation.Settings.tuned.similarity,
        picks: CustomerPicks.Configuration = OnlineRetailEvaluation.Settings.tuned.picks,
        popularityHalfLifeDays: Double? = OnlineRetailEvaluation.Settings.tuned.popularityHalfLifeDays,
        countryShrinkage: Double? = OnlineRetailEvaluation.Settings.tuned.countryShrinkage,
        countryHalfLifeDays: Double? = OnlineRetailEvaluation.Settings.tuned.countryHalfLifeDays,
        wishlistWeight: Float = 1, segmentRankingCount: Int = 24, segmentAffinityBoost: Float = 1
    ) {
        self.countryShrinkage = countryShrinkage
        self.countryHalfLifeDays = countryHalfLifeDays
        self.similarity = similarity
        self.pickSimilarity = pickSimilarity
        self.picks = picks
        self.popularityHalfLifeDays = popularityHalfLifeDays
        self.wishlistWeight = wishlistWeight
        self.segmentRankingCount = segmentRankingCount
        self.segmentAffinityBoost = segmentAffinityBoost
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
