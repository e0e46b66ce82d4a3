import Recommendation
import Store
import TextFormats
import VitrineKit

/// The learned hybrid (`HybridRanker` over `HybridFeatures`) on the same time split: the model is fit on earlier
/// periods, each with features as of the day before one of `fitLabelsFrom` and labels = the new products bought from
/// then to the next (the last one to `testFrom`), then applied to features as of the day before `testFrom`. Nothing of
/// the test period is seen, neither by the features nor by the fit.
extension OnlineRetailEvaluation {
    package struct HybridSettings: Sendable, Hashable, CustomStringConvertible {
        package var features: HybridFeatures.Configuration
        package var ranker: HybridRanker.Configuration
        package var maximumPerCategory: Int?

        package init(
            features: HybridFeatures.Configuration = .init(), ranker: HybridRanker.Configuration = .init(),
            maximumPerCategory: Int? = 3
        ) {
            self.features = features
            self.ranker = ranker
            self.maximumPerCategory = maximumPerCategory
        }

        package var description: String {
            "hybrid candidates knn=\(features.neighbourCandidates) popular=\(features.popularCandidates) "
                + "category=\(features.favouriteCategories)×\(features.categoryCandidates) "
                + "new=\(features.newArrivalCandidates) iterations=\(ranker.iterations) l2=\(ranker.l2) "
                + "per-category=\(maximumPerCategory.map(String.init) ?? "off")"
        }
    }

    package struct HybridOutcome: Sendable {
        package var outcome: Outcome
        package var ranker: HybridRanker
        /// Customers with a bought candidate in the fit period, and the loss before and after the fit.
        package var fitCustomers: Int
        package var fitLosses: (first: Double, last: Double)
    }

    package static func evaluateHybrid(
        _ data: OnlineRetailStore.Data, fitLabelsFrom: [Timestamp], testFrom: Timestamp, testUntil: Timestamp,
        settings: RecommendationSettings, hybrid: HybridSettings
    ) -> HybridOutcome {
        var groups = RankingGroups(featureCount: HybridFeatures.names.count)
        for (labelsFrom, labelsUntil) in zip(fitLabelsFrom, fitLabelsFrom.dropFirst() + [testFrom]) {
            let fitOrders = data.purchases(until: labelsFrom)
            let labelOrders = data.purchases(from: labelsFrom, until: labelsUntil)
            let fitFeatures = features(data, orders: fitOrders, asOf: labelsFrom, settings: settings, hybrid: hybrid)
            let labels = matrix(data, labelOrders)
            let learners = (0..<data.customers.count).filter { customer in
                labels.items(of: customer).contains { !fitFeatures.matrix.owns(customer: customer, item: $0) }
            }
            groups.append(fitFeatures.groups(for: learners, labels: labels))
        }
        let (ranker, losses) = HybridRanker.fit(groups, configuration: hybrid.ranker)

        let train = data.purchases(until: testFrom)
        let test = data.purchases(from: testFrom, until: testUntil)
        let applied = features(data, orders: train, asOf: testFrom, settings: settings, hybrid: hybrid)
        let testMatrix = matrix(data, test)
        let k = settings.picks.count
        let picks = applied.picks(ranker: ranker, count: k, maximumPerCategory: hybrid.maximumPerCategory)
        let outcome = outcome(
            trainLines: train.count, testLines: test.count, train: applied.matrix, test: testMatrix, k: k,
            popularity: Popularity(matrix: applied.matrix)
        ) { picks[$0] }
        let fitCustomers = (0..<groups.count).count { group in groups.rows(of: group).contains { groups.labels[$0] } }
        return HybridOutcome(
            outcome: outcome, ranker: ranker, fitCustomers: fitCustomers,
            fitLosses: (losses.first ?? 0, losses.last ?? 0))
    }

    /// The features of every customer as of the day before `asOf`, from `orders` (all before it), with the
    /// similarity, trend and country popularity of `settings`.
    static func features(
        _ data: OnlineRetailStore.Data, orders: [OrderLine], asOf: Timestamp, settings: RecommendationSettings,
        hybrid: HybridSettings
    ) -> HybridFeatures {
        let matrix = Self.matrix(data, orders)
        let asOfDay = Int32(asOf.day) - 1
        let countries = GroupPopularity(
            matrix: matrix, groupKeys: data.customers.map(\.country), asOfDay: asOfDay,
            halfLifeDays: settings.countryHalfLifeDays, shrinkage: settings.countryShrinkage ?? 10,
            count: data.products.count)
        return HybridFeatures(
            matrix: matrix, orders: orders,
            similarity: ItemSimilarity(matrix: matrix, configuration: settings.pickSimilarity),
            trend: settings.trend(matrix: matrix, asOfDay: asOfDay),
            popularity: Popularity(matrix: matrix), groups: countries, products: data.products, asOfDay: asOfDay,
            configuration: hybrid.features)
    }
}
