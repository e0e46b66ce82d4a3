import Recommendation
import SampleStores
import Segmentation
import Store
import Testing
import VitrineKit

/// The loop's feedback into the picks: a product a customer clicked (engagement read from the state file) is a sign
/// of interest, so its neighbours come up in their picks, explained as "near what you clicked".
@Suite struct ClickedPicksTests {
    static let products = RecommendationSample.products
    static let matrix = RecommendationSample.matrix
    static let asOfDay = Int32(RecommendationSample.day.day)

    static func picks(_ engagement: Engagement?, settings: RecommendationSettings = .init()) -> [Int32] {
        let similarity = ItemSimilarity(matrix: matrix, configuration: settings.pickSimilarity)
        return Array(
            settings.customerPicks(
                matrix: matrix, similarity: similarity, trend: settings.trend(matrix: matrix, asOfDay: asOfDay),
                products: products, wishlists: [], countries: Array(repeating: nil, count: 6), asOfDay: asOfDay,
                only: [3], engagement: engagement
            ).picks(for: 3))
    }

    /// Customer D bought only product 5, which nobody else bought: without engagement, their picks are what sells;
    /// after clicking product 1, the products bought with 1 lead, and the reason names the click.
    @Test func aClickedProductsNeighboursLeadTheCustomersPicks() throws {
        var engagement = Engagement(customerCount: 6)
        engagement.clickedProducts[3] = [1]
        engagement.lastClickDay[3] = Self.asOfDay
        let before = Self.picks(nil)
        let after = Self.picks(engagement)
        #expect(before != after)
        let settings = RecommendationSettings()
        let similarity = ItemSimilarity(matrix: Self.matrix, configuration: settings.pickSimilarity)
        let reasons = CustomerPicks.reasons(
            customer: 3, picks: after, matrix: Self.matrix, similarity: similarity,
            signals: settings.signals([], engagement: engagement), asOfDay: Self.asOfDay,
            configuration: settings.picks)
        #expect(reasons.first == .nearSignal(1, .click), "\(after) \(reasons)")
        // Nobody else's picks move: the signal is theirs alone.
        #expect(settings.signals([], engagement: engagement).map(\.customer) == [3])
    }

    @Test func noEngagementNoClickSignal() {
        #expect(RecommendationSettings().signals([], engagement: Engagement(customerCount: 6)).isEmpty)
        #expect(Self.picks(nil) == Self.picks(Engagement(customerCount: 6)))
    }
}
