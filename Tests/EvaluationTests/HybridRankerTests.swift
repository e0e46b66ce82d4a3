import Evaluation
import Foundation
import Recommendation
import SampleStores
import Store
import Testing
import TextFormats

@Suite struct HybridRankerTests {
    /// Groups of four candidates, one bought: the bought one has feature 0 = 1 and the others 0, while feature 1
    /// is the same pattern shifted (noise that never points at the bought one alone).
    static var separable: RankingGroups {
        var groups = RankingGroups(featureCount: 2)
        for customer in 0..<6 {
            for candidate in 0..<4 {
                let bought = candidate == customer % 4
                let noise: Float = candidate == (customer + 1) % 4 || bought ? 1 : 0
                groups.appendRow(item: Int32(candidate), features: [bought ? 1 : 0, noise], label: bought)
            }
            groups.closeGroup(customer: Int32(customer))
        }
        return groups
    }

    @Test func lossStartsAtLogOfCandidatesAndDecreases() {
        let (ranker, losses) = HybridRanker.fit(Self.separable, configuration: .init(iterations: 200, l2: 0))
        // All weights 0: a uniform softmax over 4 candidates, so −log(1/4) per customer.
        #expect(abs(losses[0] - log(4.0)) < 1e-12)
        #expect(losses.count == 201)
        #expect(losses.last! < losses[0] / 10)
        #expect(abs(ranker.loss(on: Self.separable) - losses.last!) < 1e-9)
    }

    @Test func learnsASeparableProblem() {
        let groups = Self.separable
        let (ranker, _) = HybridRanker.fit(groups, configuration: .init(iterations: 200, l2: 0))
        #expect(ranker.weights[0] > 0)
        #expect(ranker.weights[0] > abs(ranker.weights[1]))
        for group in 0..<groups.count {
            let best = groups.rows(of: group).max {
                ranker.score(groups.features(ofRow: $0)) < ranker.score(groups.features(ofRow: $1))
            }!
            #expect(groups.labels[best])
        }
    }

    @Test func standardizesBeforeWeighing() {
        let ranker = HybridRanker(means: [1, 10], scales: [2, 5], weights: [1, -1])
        // (3 − 1) / 2 · 1 + (20 − 10) / 5 · −1 = 1 − 2
        #expect(ranker.score([3, 20] as [Float]) == -1)
    }

    @Test func appendedGroupsKeepTheirRows() {
        var groups = Self.separable
        groups.append(Self.separable)
        #expect(groups.count == 12)
        #expect(groups.rows(of: 11) == 44..<48)
        #expect(Array(groups.features(ofRow: 44)) == Array(Self.separable.features(ofRow: 20)))
    }

    /// The fixture of `RecommendationTests`: product 2 is consumable, product 4 out of stock.
    static var features: HybridFeatures {
        let matrix = RecommendationSample.matrix
        let day = Int32(RecommendationSample.day.day)
        return HybridFeatures(
            matrix: matrix, orders: RecommendationSample.orders, similarity: ItemSimilarity(matrix: matrix),
            trend: Popularity(matrix: matrix, asOfDay: day, halfLifeDays: 7), popularity: Popularity(matrix: matrix),
            groups: nil, products: RecommendationSample.products, asOfDay: day)
    }

    @Test func candidatesAndPicksNeverOwnedOrOutOfStock() {
        let features = Self.features
        let ranker = HybridRanker(
            means: HybridFeatures.names.map { _ in 0 }, scales: HybridFeatures.names.map { _ in 1 },
            weights: HybridFeatures.names.map { _ in 1 })
        let picks = features.picks(ranker: ranker, count: 3, maximumPerCategory: nil)
        let groups = features.groups(for: 0..<6)
        for customer in 0..<6 {
            let owned = RecommendationSample.purchases[customer]
            #expect(!picks[customer].contains(4))
            #expect(!picks[customer].contains { owned.contains($0) && $0 != 2 })
            let candidates = groups.rows(of: customer).map { groups.items[$0] }
            #expect(!candidates.contains(4))
            #expect(!candidates.contains { owned.contains($0) && $0 != 2 })
        }
        // A owns 0 and 2; 2 is consumable, so it may come back; 4 (out of stock) never does.
        #expect(Set(groups.rows(of: 0).map { groups.items[$0] }) == [1, 2, 3, 5])
    }

    @Test func labelsComeFromTheFollowingPurchases() {
        let labels = PurchaseMatrix(
            customerCount: 6, productCount: 6,
            orders: [
                OrderLine(
                    orderID: "n", customer: 0, product: 1, date: RecommendationSample.day, quantity: 1,
                    unitPrice: Money(minorUnits: 100))
            ])
        let groups = Self.features.groups(for: [0], labels: labels)
        #expect(groups.rows(of: 0).filter { groups.labels[$0] }.map { groups.items[$0] } == [1])
    }
}
