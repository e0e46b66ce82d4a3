import Recommendation
import Segmentation
import Store

/// How recommendations are made. The store's build, `vitrine segments --explain`, the W1 benchmark and the UCI
/// evaluation (in the `Evaluation` target) all make them through the methods below, so what is measured is what ships.
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
    /// A clicked product (an e-mail or page link, from the ingested logs) counts like a purchase of this weight:
    /// less than a wish, which the customer chose to keep.
    public var clickWeight: Float = 0.5
    public var segmentRankingCount: Int
    public var segmentAffinityBoost: Float

    /// The defaults of the picks were chosen on the UCI validation windows that end before May, never on May: RP3β
    /// neighbours (β = 0.65, K = 100), what sells in their country for new customers, everyone's one-week trend as
    /// the prior of returning ones. How, and the ideas that lost: `docs/recommendation-experiments.md`.
    public init(
        similarity: ItemSimilarity.Configuration = .init(neighbours: 100, inverseUserFrequency: true),
        pickSimilarity: ItemSimilarity.Configuration = .init(
            neighbours: 100, measure: .randomWalk(popularityPenalty: 0.65)),
        picks: CustomerPicks.Configuration = .init(
            count: 10, recencyHalfLifeDays: 120, popularityDamping: -0.25, popularityBlend: 0.25,
            similarityExponent: 1, maximumPerCategory: 3, groupScope: .newCustomers),
        popularityHalfLifeDays: Double? = 7, countryShrinkage: Double? = 10, countryHalfLifeDays: Double? = 21,
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

    /// What sells now: the popularity the picks blend in and fall back on.
    public func trend(matrix: PurchaseMatrix, asOfDay: Int32) -> Popularity {
        Popularity(matrix: matrix, asOfDay: asOfDay, halfLifeDays: popularityHalfLifeDays)
    }

    /// The wish list and, with engagement from the state file, the clicked products as interest signals (a click
    /// dated by the customer's last click).
    public func signals(_ wishlists: [WishlistEntry], engagement: Engagement? = nil) -> [InterestSignal] {
        var signals = InterestSignal.wishlist(wishlists, weight: wishlistWeight)
        guard let engagement else { return signals }
        for (customer, products) in engagement.clickedProducts.enumerated() where !products.isEmpty {
            for product in products {
                signals.append(
                    InterestSignal(
                        customer: Int32(customer), product: product, day: engagement.lastClickDay[customer],
                        weight: clickWeight, source: .click))
            }
        }
        return signals
    }

    /// The per-customer picks (of everyone, or of `only`), from neighbours made with `pickSimilarity`, with the
    /// wish list as signals and what sells in each customer's country (`countries`, one per customer) as the
    /// prior of those `picks.groupScope` covers.
    public func customerPicks(
        matrix: PurchaseMatrix, similarity: ItemSimilarity, trend: Popularity, products: [Product],
        wishlists: [WishlistEntry], countries: [String?], asOfDay: Int32, only customers: [Int]? = nil,
        engagement: Engagement? = nil
    ) -> CustomerPicks {
        let countryPopularity = countryShrinkage.map {
            GroupPopularity(
                matrix: matrix, groupKeys: countries, asOfDay: asOfDay, halfLifeDays: countryHalfLifeDays,
                shrinkage: $0)
        }
        return CustomerPicks(
            matrix: matrix, similarity: similarity, popularity: trend, products: products,
            signals: signals(wishlists, engagement: engagement), groupPopularity: countryPopularity, asOfDay: asOfDay,
            configuration: picks,
            only: customers)
    }

    /// What each segment's members buy, boosted by the segment's category affinity.
    public func segmentRanking(
        matrix: PurchaseMatrix, orders: [OrderLine], products: [Product], assignment: SegmentAssignment
    ) -> SegmentRanking {
        SegmentRanking(
            matrix: matrix, orders: orders, products: products, segmentOfCustomer: assignment.segmentOfCustomer,
            segmentCount: assignment.segmentCount, count: segmentRankingCount, affinityBoost: segmentAffinityBoost)
    }
}
