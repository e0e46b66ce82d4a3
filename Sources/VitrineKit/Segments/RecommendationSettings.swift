import Recommendation
import Segmentation
import Store

/// How recommendations are made. The store's build, `vitrine segments --explain`, the W1 benchmark and the UCI
/// evaluation (`OnlineRetailEvaluation`) all make them through the methods below, so what is measured is what ships.
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

    /// The defaults of the picks are the settings chosen on the UCI validation windows that end before May
    /// (`validationWindows`: five 30-day windows from February 1 to April 30, each trained on what comes before it),
    /// never on May. The neighbours are RP3β's (β = 0.65, K = 100, from a grid of β, K and the blend on those windows):
    /// against the cosine with inverse user frequency (K = 100, exponent 3) they lift customers with history from
    /// 1.50×/2.57× to 1.58×/2.63× hit rate/recall on average over the windows (cancellations netted), win on four of
    /// five in both and in hit rate on all five. New customers get what sells in their country (the United Kingdom
    /// apart, wholesalers), trending over three weeks; returning customers keep everyone's one-week trend as prior,
    /// which won for them. Earlier rounds settled the fixed parts: history half-life 120 days, popularity half-life 7
    /// days, blend 0.25, damping −0.25 (rechecked jointly with β), three per category; first-order popularity (and
    /// popularity of recent joiners) for new customers, adoption-dated popularity, dropping products not sold lately,
    /// basket-level co-occurrence, "bought after" transitions, recency-weighted or purchase-count-weighted
    /// co-purchases, description (TF-IDF) similarity, purchase-count weights on the history, a history-size-dependent
    /// blend, a boost for new arrivals, a category boost and similarity-penalised re-ranking (maximal marginal
    /// relevance over the cosine, λ 0.1–0.4, with and without the category cap), BM25-weighted neighbours (as the
    /// `implicit` library's, alone or added to RP3β's), Aiolli's asymmetric cosine, two-step walks, IDF-weighted
    /// histories, a boost for the latest purchases on top of the half-life, a price-point affinity, leaving out what
    /// the customer cancelled, RP3β's α (the walk's customer step as 1/|I(c)|^α, α 0.5–1.5), the guest invoices (703
    /// without a customer) as extra baskets for the neighbours and the trend, co-purchases counted within 30-, 60- or
    /// 90-day periods only, a prior weighted per customer by how popular their purchases were, and the category cap
    /// at 2, 4, 5 or none (rechecked with the description-word categories) were tried and lost or tied. Customer-to-customer neighbours (RP3β over customers, their
    /// purchases of the last two months) and implicit-feedback matrix factorisation (Hu, Koren & Volinsky 2008) added
    /// to these scores gained 1–2% on the windows, within their spread, and were left out. So did the learned hybrid
    /// (`evaluateHybrid`, `--method hybrid`: a `HybridRanker` over 20 features of ~300 candidates, fit on the two
    /// months before), and gradient-boosted trees over similar features (tried outside the package: 1.23×–1.26× hit
    /// rate on April): models fit on earlier months did not carry over to the next.
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

    /// The wish list as interest signals.
    public func signals(_ wishlists: [WishlistEntry]) -> [InterestSignal] {
        InterestSignal.wishlist(wishlists, weight: wishlistWeight)
    }

    /// The per-customer picks (of everyone, or of `only`), from neighbours made with `pickSimilarity`, with the
    /// wish list as signals and what sells in each customer's country (`countries`, one per customer) as the
    /// prior of those `picks.groupScope` covers.
    public func customerPicks(
        matrix: PurchaseMatrix, similarity: ItemSimilarity, trend: Popularity, products: [Product],
        wishlists: [WishlistEntry], countries: [String?], asOfDay: Int32, only customers: [Int]? = nil
    ) -> CustomerPicks {
        let countryPopularity = countryShrinkage.map {
            GroupPopularity(
                matrix: matrix, groupKeys: countries, asOfDay: asOfDay, halfLifeDays: countryHalfLifeDays,
                shrinkage: $0)
        }
        return CustomerPicks(
            matrix: matrix, similarity: similarity, popularity: trend, products: products,
            signals: signals(wishlists), groupPopularity: countryPopularity, asOfDay: asOfDay, configuration: picks,
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

    /// The settings of the picks on one line (for the evaluation's reports).
    public var picksDescription: String {
        let halfLife = picks.recencyHalfLifeDays.map { "\(Int($0))" } ?? "off"
        let trend = popularityHalfLifeDays.map { "\(Int($0))" } ?? "off"
        let measure =
            switch pickSimilarity.measure {
            case .cosine: "cosine iuf=\(pickSimilarity.inverseUserFrequency ? "on" : "off")"
            case .randomWalk(let beta): "rp3 beta=\(beta)"
            }
        return "K=\(pickSimilarity.neighbours) \(measure) "
            + "half-life=\(halfLife) damping=\(picks.popularityDamping) blend=\(picks.popularityBlend) "
            + "popularity-half-life=\(trend) exponent=\(picks.similarityExponent) "
            + "per-category=\(picks.maximumPerCategory.map(String.init) ?? "off") "
            + "country-shrinkage=\(countryShrinkage.map { "\($0)" } ?? "off") "
            + "country-half-life=\(countryHalfLifeDays.map { "\(Int($0))" } ?? "off") "
            + "country-scope=\(picks.groupScope == .everyone ? "everyone" : "new")"
    }
}
