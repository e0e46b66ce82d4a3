import Recommendation
import Store
import TextFormats
import VitrineKit

/// Recommendation quality on a time split of real purchases: train on the lines before `testFrom`, test on the
/// lines in `testFrom ..< testUntil`, and compare the per-customer picks with the popularity baseline (the 10 most
/// bought products of the training period that the customer does not own) by hit rate@10 and recall@10 (see
/// `HoldoutEvaluation`). Everything the recommender sees comes from before `testFrom`, including the as-of day
/// its recency weights count from (the day before `testFrom`).
package enum OnlineRetailEvaluation {
    package struct Outcome: Sendable, Hashable {
        package var trainLines: Int
        package var testLines: Int
        package var picks: HoldoutEvaluation
        package var baseline: HoldoutEvaluation
        /// Evaluated customers with no purchase before the test period (both methods give them popular products).
        package var coldCustomers: Int
        /// Of the (customer, new product) pairs of the test period, the share whose product was never sold before
        /// it: out of reach of any method that learns from the past.
        package var neverSoldBeforeShare: Double
        /// The same two evaluations over the customers with a purchase before the test period.
        package var picksWithHistory: HoldoutEvaluation
        package var baselineWithHistory: HoldoutEvaluation

        package var hitRateRatio: Double { baseline.hitRate > 0 ? picks.hitRate / baseline.hitRate : 0 }
        package var recallRatio: Double { baseline.macroRecall > 0 ? picks.macroRecall / baseline.macroRecall : 0 }

        /// Both methods over the customers with a purchase before the test period only.
        package var withHistory: Outcome {
            var part = self
            part.picks = picksWithHistory
            part.baseline = baselineWithHistory
            return part
        }

        /// Both methods over the customers whose first purchase is in the test period only.
        package var newInTest: Outcome {
            let returning = Set(picksWithHistory.outcomes.map(\.customer))
            var part = self
            part.picks = picks.filter { !returning.contains(Int32($0)) }
            part.baseline = baseline.filter { !returning.contains(Int32($0)) }
            return part
        }
    }

    package static func evaluate(
        _ data: OnlineRetailStore.Data, testFrom: Timestamp, testUntil: Timestamp, settings: RecommendationSettings
    ) -> Outcome {
        let train = data.purchases(until: testFrom)
        let test = data.purchases(from: testFrom, until: testUntil)
        let trainMatrix = matrix(data, train)
        let testMatrix = matrix(data, test)
        let asOfDay = Int32(testFrom.day) - 1
        // The picks exactly as a store's build makes them (no wish lists in this data).
        let picks = settings.customerPicks(
            matrix: trainMatrix,
            similarity: ItemSimilarity(matrix: trainMatrix, configuration: settings.pickSimilarity),
            trend: settings.trend(matrix: trainMatrix, asOfDay: asOfDay), products: data.products, wishlists: [],
            countries: data.customers.map(\.country), asOfDay: asOfDay)
        return outcome(
            trainLines: train.count, testLines: test.count, train: trainMatrix, test: testMatrix,
            k: settings.picks.count, popularity: Popularity(matrix: trainMatrix)
        ) { Array(picks.picks(for: $0)) }
    }

    /// A bound, not a method: everyone gets the products most bought *during* the test period (by distinct buyers)
    /// that they do not own, which no recommender can know in advance. It shows how far any popularity ranking,
    /// however well timed, can go, in particular for customers with no history.
    package static func evaluateTestPeriodPopularity(
        _ data: OnlineRetailStore.Data, testFrom: Timestamp, testUntil: Timestamp, k: Int = 10
    ) -> Outcome {
        let train = data.purchases(until: testFrom)
        let test = data.purchases(from: testFrom, until: testUntil)
        let trainMatrix = matrix(data, train)
        let testMatrix = matrix(data, test)
        let hindsight = Popularity(matrix: testMatrix)
        return outcome(
            trainLines: train.count, testLines: test.count, train: trainMatrix, test: testMatrix, k: k,
            popularity: Popularity(matrix: trainMatrix)
        ) { customer in hindsight.top(k) { !trainMatrix.owns(customer: customer, item: $0) } }
    }

    /// `lines` as a purchase matrix over all of the data's customers and products (so that the matrices of two
    /// periods index alike).
    static func matrix(_ data: OnlineRetailStore.Data, _ lines: [OrderLine]) -> PurchaseMatrix {
        PurchaseMatrix(customerCount: data.customers.count, productCount: data.products.count, orders: lines)
    }

    /// The picks and the baseline scored on `test`, over all customers and over those with a purchase in `train`.
    static func outcome(
        trainLines: Int, testLines: Int, train: PurchaseMatrix, test: PurchaseMatrix, k: Int, popularity: Popularity,
        picks: (Int) -> [Int32]
    ) -> Outcome {
        let baselinePicks: (Int) -> [Int32] = { customer in
            popularity.top(k) { !train.owns(customer: customer, item: $0) }
        }
        var newPairs = 0
        var neverSold = 0
        for customer in 0..<test.customerCount {
            for item in test.items(of: customer) where !train.owns(customer: customer, item: item) {
                newPairs += 1
                neverSold += train.customers(of: Int(item)).isEmpty ? 1 : 0
            }
        }
        let picked = HoldoutEvaluation(train: train, test: test, k: k, picks: picks)
        let baseline = HoldoutEvaluation(train: train, test: test, k: k, picks: baselinePicks)
        let warm: (Int) -> Bool = { !train.items(of: $0).isEmpty }
        let pickedWarm = picked.filter(warm)
        let baselineWarm = baseline.filter(warm)
        return Outcome(
            trainLines: trainLines, testLines: testLines, picks: picked, baseline: baseline,
            coldCustomers: picked.customers - pickedWarm.customers,
            neverSoldBeforeShare: newPairs > 0 ? Double(neverSold) / Double(newPairs) : 0, picksWithHistory: pickedWarm,
            baselineWithHistory: baselineWarm)
    }

    /// The settings tried by `tune` (the last round): RP3β's β and K, and whether the popularity prior still pays
    /// with it.
    package static var grid: [RecommendationSettings] {
        var grid: [RecommendationSettings] = []
        for beta in [0.5, 0.6, 0.65, 0.7, 0.75, 0.8] {
            for neighbours in [50, 100, 200] {
                for blend in [0, 0.25] {
                    var settings = RecommendationSettings()
                    settings.pickSimilarity = .init(
                        neighbours: neighbours, measure: .randomWalk(popularityPenalty: beta))
                    settings.picks.popularityBlend = blend
                    grid.append(settings)
                }
            }
        }
        return grid
    }

    /// Validation splits for choosing settings without the test period: 30-day windows starting on the 1st and the
    /// 15th of each month from the one given, the last ending by `testFrom`, each trained on everything before it.
    /// Overlapping windows give five validation points for May instead of one or two, so that a setting is chosen
    /// for what it does across them, not on one month's luck.
    package static func validationWindows(
        fromYear year: Int64, month: Int64, testFrom: Timestamp
    ) -> [(from: Timestamp, until: Timestamp)] {
        var windows: [(from: Timestamp, until: Timestamp)] = []
        var (year, month) = (year, month)
        while true {
            for dayOfMonth: Int64 in [1, 15] {
                let start = CivilDate.daysSince1970(year: year, month: month, day: dayOfMonth)
                guard start + 30 <= testFrom.day else { return windows }
                windows.append(
                    (
                        Timestamp(secondsSince1970: start * Timestamp.secondsPerDay),
                        Timestamp(secondsSince1970: (start + 30) * Timestamp.secondsPerDay)
                    ))
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
    }

    /// Every setting of `grid` on validation splits that end before the test period, best first by the sum of the
    /// two ratios to the baseline (hit rate and macro recall), averaged over the splits.
    package static func tune(
        _ data: OnlineRetailStore.Data, validationSplits: [(from: Timestamp, until: Timestamp)]
    ) -> [(settings: RecommendationSettings, outcomes: [Outcome])] {
        let trials = grid.map { settings in
            (
                settings: settings,
                outcomes: validationSplits.map {
                    evaluate(data, testFrom: $0.from, testUntil: $0.until, settings: settings)
                }
            )
        }
        func score(_ outcomes: [Outcome]) -> Double {
            outcomes.reduce(0) { $0 + $1.hitRateRatio + $1.recallRatio }
        }
        return trials.sorted { score($0.outcomes) > score($1.outcomes) }
    }
}
