import Foundation
import Recommendation
import SampleStores
import Store
import Testing
import TextFormats

/// Over `RecommendationSample`: six products (2 consumable, 4 out of stock) and six customers.
@Suite struct RecommendationTests {
    static let day = RecommendationSample.day
    static let products = RecommendationSample.products
    static let purchases = RecommendationSample.purchases
    static let orders = RecommendationSample.orders
    static let matrix = RecommendationSample.matrix

    @Test func matrixRowsAndColumns() {
        #expect(Array(Self.matrix.items(of: 2)) == [0, 1, 2, 4])
        #expect(Array(Self.matrix.customers(of: 0)) == [0, 1, 2, 5])
        #expect(Array(Self.matrix.items(of: 3)) == [5])
        #expect(Self.matrix.owns(customer: 1, item: 4))
        #expect(!Self.matrix.owns(customer: 1, item: 2))
    }

    @Test func cosineOfBinaryCustomerVectors() {
        let similarity = ItemSimilarity(matrix: Self.matrix)
        let zero = similarity.neighbours(of: 0)
        #expect(zero.map(\.item) == [1, 2, 4])
        #expect(zero.allSatisfy { abs($0.score - Float(2 / 8.0.squareRoot())) < 1e-6 })
        let one = similarity.neighbours(of: 1)
        #expect(one.map(\.item) == [4, 0, 2])
        #expect(abs(one[0].score - 1) < 1e-6)
        #expect(abs(one[2].score - 0.5) < 1e-6)
        #expect(similarity.neighbours(of: 3).isEmpty)
        #expect(similarity.neighbours(of: 5).isEmpty)
    }

    @Test func topKKeepsTheBestNeighbours() {
        let similarity = ItemSimilarity(matrix: Self.matrix, configuration: .init(neighbours: 1))
        #expect(similarity.neighbours(of: 1).map(\.item) == [4])
        #expect(similarity.neighbours(of: 0).map(\.item) == [1])
    }

    @Test func inverseUserFrequencyWeighsHeavyBuyersLess() {
        // sim(1,2) rests on C alone (4 items, w² = 1/log2(6)); |1| = {B (3 items), C}, |2| = {A (2 items), C}.
        let similarity = ItemSimilarity(matrix: Self.matrix, configuration: .init(inverseUserFrequency: true))
        let a = 1 / log2(4.0)
        let b = 1 / log2(5.0)
        let c = 1 / log2(6.0)
        let expected = c / ((b + c) * (a + c)).squareRoot()
        let score = similarity.neighbours(of: 1).first { $0.item == 2 }!.score
        #expect(abs(Double(score) - expected) < 1e-6)
    }

    @Test func randomWalkDiscountsPopularNeighbours() {
        // From 1 (buyers B with 3 items, C with 4): to 0 and to 4 through both, 1/3 + 1/4 = 7/12; to 2 through C
        // alone, 1/4. Each over |C(1)| = 2 and |C(j)|^β, with |C(0)| = 4 and |C(2)| = |C(4)| = 2; then the row
        // scaled to sum to 1.
        func row(_ beta: Double) -> [(item: Int32, score: Float)] {
            ItemSimilarity(matrix: Self.matrix, configuration: .init(measure: .randomWalk(popularityPenalty: beta)))
                .neighbours(of: 1)
        }
        func expected(_ beta: Double) -> [Int32: Double] {
            let raw: [Int32: Double] = [
                0: 7.0 / 12 / 2 / pow(4, beta), 4: 7.0 / 12 / 2 / pow(2, beta), 2: 1.0 / 4 / 2 / pow(2, beta),
            ]
            let sum = raw.values.reduce(0, +)
            return raw.mapValues { $0 / sum }
        }
        for beta in [0.0, 0.5, 1.0] {
            let neighbours = row(beta)
            #expect(neighbours.count == 3)
            for (item, score) in neighbours {
                #expect(abs(Double(score) - expected(beta)[item]!) < 1e-6, "β = \(beta), item \(item)")
            }
            #expect(abs(neighbours.reduce(0) { $0 + $1.score } - 1) < 1e-6)
        }
        // β = 0 is the plain walk: the bestseller 0 ties with 4 (ties by index); any β > 0 puts 4 first.
        #expect(row(0).map(\.item) == [0, 4, 2])
        #expect(row(0.5).map(\.item) == [4, 0, 2])
        // Scaled over the neighbours kept.
        let one = ItemSimilarity(
            matrix: Self.matrix, configuration: .init(neighbours: 1, measure: .randomWalk(popularityPenalty: 0.5)))
        #expect(one.neighbours(of: 1).map(\.item) == [4])
        #expect(abs(one.neighbours(of: 1)[0].score - 1) < 1e-6)
        #expect(one.neighbours(of: 3).isEmpty)
    }

    @Test func popularityRanksByDistinctBuyers() {
        #expect(Popularity(matrix: Self.matrix).ranked == [0, 1, 2, 4, 5, 3])
    }

    @Test func picksForSomeCustomersOnly() {
        let similarity = ItemSimilarity(matrix: Self.matrix)
        let everyone = Self.picks()
        let some = CustomerPicks(
            matrix: Self.matrix, similarity: similarity, popularity: Popularity(matrix: Self.matrix),
            products: Self.products,
            signals: InterestSignal.wishlist([WishlistEntry(customer: 5, product: 1, added: Self.day)]),
            asOfDay: Int32(Self.day.day), configuration: .init(count: 3), only: [5, 0])
        #expect(Array(some.picks(for: 0)) == Array(everyone.picks(for: 0)))
        #expect(Array(some.picks(for: 5)) == Array(everyone.picks(for: 5)))
        #expect(some.picks(for: 1).isEmpty && some.picks(for: 4).isEmpty)
    }

    @Test func eachPickIsExplainedByItsStrongestSource() {
        let similarity = ItemSimilarity(matrix: Self.matrix)
        let signals = InterestSignal.wishlist([WishlistEntry(customer: 5, product: 1, added: Self.day)])
        func reasons(_ customer: Int, _ picks: [Int32]) -> [PickReason] {
            CustomerPicks.reasons(
                customer: customer, picks: picks, matrix: Self.matrix, similarity: similarity, signals: signals,
                asOfDay: Int32(Self.day.day), configuration: .init())
        }
        // A bought 0 and 2: 1 is nearer 0 (2/√8) than 2 (1/2); 5 is nobody's neighbour.
        #expect(reasons(0, [1, 5]) == [.nearPurchase(0), .popular])
        // F bought 0 and wished for 1: 4 is nearer the wish (1) than the purchase (2/√8); 2 nearer the purchase.
        #expect(reasons(5, [4, 2]) == [.nearSignal(1, .wishlist), .nearPurchase(0)])
        // A new customer's picks are all popularity.
        #expect(reasons(4, [0, 1]) == [.popular, .popular])
    }

    static func picks(count: Int = 3) -> CustomerPicks {
        let similarity = ItemSimilarity(matrix: matrix)
        return CustomerPicks(
            matrix: matrix, similarity: similarity, popularity: Popularity(matrix: matrix), products: products,
            signals: InterestSignal.wishlist([WishlistEntry(customer: 5, product: 1, added: day)]),
            asOfDay: Int32(day.day), configuration: .init(count: count))
    }

    @Test(arguments: [
        // A: 1 and 4 score highest but 4 is out of stock; 2 is owned yet consumable; 0 owned; 5 from popularity.
        (customer: 0, expected: [Int32(1), 2, 5]),
        // E has no history: the most popular in-stock products.
        (4, [0, 1, 2]),
        // F wished for 1: its neighbours count, 1 itself is not offered (on the wish list), 0 owned.
        (5, [2, 5, 3]),
        // D's only product has no neighbours: popularity minus what D owns.
        (3, [0, 1, 2]),
    ])
    func picksExcludeOwnedAndOutOfStock(customer: Int, expected: [Int32]) {
        #expect(Array(Self.picks().picks(for: customer)) == expected)
    }

    @Test func picksNeverRepeatOrExceedTheCount() {
        let picks = Self.picks(count: 10)
        for customer in 0..<6 {
            let list = Array(picks.picks(for: customer))
            #expect(Set(list).count == list.count)
            #expect(!list.contains(4))
        }
        // Everything in stock except what B owns (0, 1, 4 — 4 is out of stock anyway): 2, 3, 5.
        #expect(Set(picks.picks(for: 1)) == [2, 3, 5])
    }

    @Test func segmentRankingFollowsMembersAndAffinityWithoutOutOfStock() {
        // Segment 0 = {A, C}, segment 1 = {B, D, E, F}.
        let ranking = SegmentRanking(
            matrix: Self.matrix, orders: Self.orders, products: Self.products, segmentOfCustomer: [0, 1, 0, 1, 1, 1],
            segmentCount: 2, count: 3)
        // Segment 0: 0 and 2 bought by both (Tea affinity 1), 1 by one; 4 is out of stock.
        #expect(Array(ranking.ranking(of: 0)) == [0, 2, 1])
        // Segment 1 spends 3.00 on Tea, 2.00 on Soap: 0 by B and F (2/4 × 1.6), 1 by B (1/4 × 1.6), 5 by D
        // (1/4 × 1.4).
        #expect(Array(ranking.ranking(of: 1)) == [0, 1, 5])
        #expect(ranking.scores[3...].map { ($0 * 1000).rounded() } == [800, 400, 350])
    }
}

/// The tuning knobs of the picks, each on the six-product store of `RecommendationTests`.
@Suite struct PickSettingsTests {
    static let matrix = RecommendationTests.matrix
    static let products = RecommendationTests.products

    static func picks(_ configuration: CustomerPicks.Configuration, popularity: Popularity? = nil) -> CustomerPicks {
        CustomerPicks(
            matrix: matrix, similarity: ItemSimilarity(matrix: matrix),
            popularity: popularity ?? Popularity(matrix: matrix), products: products,
            asOfDay: Int32(RecommendationTests.day.day), configuration: configuration)
    }

    @Test func recencyWeightedPopularityPrefersRecentBuyers() {
        // Three lines: p5 bought by two customers 100 days ago, p3 by one customer today.
        let today = RecommendationTests.day
        let old = today.adding(days: -100)
        let lines = [(0, 5, old), (1, 5, old), (2, 3, today)].map { customer, product, date in
            OrderLine(
                orderID: "o\(customer)", customer: Int32(customer), product: Int32(product), date: date, quantity: 1,
                unitPrice: Money(minorUnits: 100))
        }
        let matrix = PurchaseMatrix(customerCount: 3, productCount: 6, orders: lines)
        #expect(Popularity(matrix: matrix).ranked.prefix(2) == [5, 3])
        let recent = Popularity(matrix: matrix, asOfDay: Int32(today.day), halfLifeDays: 30)
        #expect(recent.ranked.prefix(2) == [3, 5])
        // Two buyers at 0.5^(100/30) each.
        #expect(abs(Double(recent.weights[5]) - 2 * exp2(-100.0 / 30)) < 1e-6)
    }

    @Test func popularityBlendFillsANewCustomersListWithThePrior() {
        let picks = Self.picks(.init(count: 3, popularityBlend: 1))
        #expect(Array(picks.picks(for: 4)) == [0, 1, 2])
    }

    @Test func categoryCapLimitsPicksPerTopLevelCategory() {
        // E (new) gets popularity: 0, 1, 2 are all Tea; with at most two Tea picks, the third is Soap (p5).
        // The cap applies to scored candidates; a new customer's list comes from the prior, so blend it in.
        let capped = Self.picks(.init(count: 3, popularityBlend: 1, maximumPerCategory: 2))
        #expect(Array(capped.picks(for: 4)) == [0, 1, 5])
    }

    @Test func negativeDampingFavoursPopularNeighbours() {
        // F owns 0: neighbours 1, 2, 4 tie at 2/√8; 4 is out of stock. Damping by popularity^-1 keeps 1 and 2
        // (two buyers each) ahead of the fill.
        let picks = Self.picks(.init(count: 2, popularityDamping: -1))
        #expect(Array(picks.picks(for: 5)) == [1, 2])
    }
}

@Suite struct EmptyStoreTests {
    @Test func noCustomersNoProducts() {
        let matrix = PurchaseMatrix(customerCount: 0, productCount: 0, orders: [])
        let similarity = ItemSimilarity(matrix: matrix)
        let picks = CustomerPicks(
            matrix: matrix, similarity: similarity, popularity: Popularity(matrix: matrix), products: [], asOfDay: 0)
        #expect(similarity.items.isEmpty)
        #expect(picks.items.isEmpty)
        #expect(picks.offsets == [0])
    }

    @Test func customersButNoProducts() {
        let matrix = PurchaseMatrix(customerCount: 3, productCount: 0, orders: [])
        let picks = CustomerPicks(
            matrix: matrix, similarity: ItemSimilarity(matrix: matrix), popularity: Popularity(matrix: matrix),
            products: [], asOfDay: 0)
        #expect(picks.offsets == [0, 0, 0, 0])
    }
}

/// Popularity within groups on the six-product store of `RecommendationTests`, groups {A, B, C} = 0, {D, E} = 1,
/// F unknown. Customers with a purchase: A, B, C, D, F (N = 5); everyone's buyers: p0 4, p1 2, p2 2, p4 2, p5 1.
/// Group 1 has one member with a purchase (D: p5), E has none.
@Suite struct GroupPopularityTests {
    static let matrix = RecommendationTests.matrix
    static let groupOfCustomer: [Int32] = [0, 0, 0, 1, 1, -1]

    static func popularity(shrinkage: Double) -> GroupPopularity {
        GroupPopularity(matrix: matrix, groupOfCustomer: groupOfCustomer, groupCount: 2, shrinkage: shrinkage)
    }

    @Test func withoutShrinkageAGroupIsItsMembersAlone() {
        let popularity = Self.popularity(shrinkage: 0)
        #expect(Array(popularity.ranking(ofRow: 1)) == [5])
        // A, B, C: p0 3/3, p1, p2, p4 2/3.
        #expect(Array(popularity.ranking(ofRow: 0)) == [0, 1, 2, 4])
        #expect(abs(popularity.rates(ofRow: 0).last! - 2.0 / 3) < 1e-6)
    }

    @Test func shrinkageAddsPseudoMembersWhoBuyLikeEveryone() {
        // m = 1: (w_g + w / 5) / (1 + 1): p5 (1 + 0.2) / 2 = 0.6, p0 0.8 / 2 = 0.4, p1, p2, p4 0.4 / 2 = 0.2.
        let light = Self.popularity(shrinkage: 1)
        #expect(Array(light.ranking(ofRow: 1)) == [5, 0, 1, 2, 4])
        #expect(zip(light.rates(ofRow: 1), [0.6, 0.4, 0.2, 0.2, 0.2]).allSatisfy { abs(Double($0) - $1) < 1e-6 })
        // m = 10: p0 8 / 11 and p1 4 / 11 outrank D's own p5 (1 + 2) / 11.
        let heavy = Self.popularity(shrinkage: 10)
        #expect(Array(heavy.ranking(ofRow: 1)) == [0, 1, 2, 4, 5])
        #expect(abs(Double(heavy.rates(ofRow: 1).first!) - 8.0 / 11) < 1e-6)
    }

    @Test func unknownGroupGetsEveryonesRow() {
        let popularity = Self.popularity(shrinkage: 1)
        #expect(popularity.row(of: 5) == 2)
        #expect(Array(popularity.ranking(ofRow: 2)) == [0, 1, 2, 4, 5])
        #expect(popularity.row(of: 4) == 1)
    }

    @Test func groupsNumberKeysInOrderOfFirstAppearance() {
        let groups = GroupPopularity.groups(["GB", nil, "DE", "GB"])
        #expect(groups.groupOfCustomer == [0, -1, 1, 0])
        #expect(groups.names == ["GB", "DE"])
    }

    static func picks(scope: CustomerPicks.Configuration.GroupScope, blend: Double) -> CustomerPicks {
        CustomerPicks(
            matrix: matrix, similarity: ItemSimilarity(matrix: matrix), popularity: Popularity(matrix: matrix),
            products: RecommendationTests.products, groupPopularity: popularity(shrinkage: 1),
            asOfDay: Int32(RecommendationTests.day.day),
            configuration: .init(count: 3, popularityBlend: blend, groupScope: scope))
    }

    @Test(arguments: [0.0, 1.0])
    func aNewCustomerGetsTheirGroupsPopularProducts(blend: Double) {
        // E (new, group 1): 5, 0, 1 (4 is out of stock) from the prior, or the top-up when nothing is blended.
        #expect(Array(Self.picks(scope: .newCustomers, blend: blend).picks(for: 4)) == [5, 0, 1])
        // Without groups E gets everyone's: 0, 1, 2.
        #expect(Array(RecommendationTests.picks().picks(for: 4)) == [0, 1, 2])
    }

    @Test func aReturningCustomersGroupPriorStillExcludesWhatTheyOwn() {
        // A (group 0, owns 0 and 2): 1 leads (a neighbour of both) under either scope; 0 and 4 never appear.
        for scope in [CustomerPicks.Configuration.GroupScope.newCustomers, .everyone] {
            let list = Array(Self.picks(scope: scope, blend: 1).picks(for: 0))
            #expect(!list.contains(0) && !list.contains(4))
            #expect(list.first == 1)
        }
        // F (unknown group) is new to no group: everyone's prior and top-up.
        #expect(Array(Self.picks(scope: .everyone, blend: 1).picks(for: 5)).contains(1))
    }
}
