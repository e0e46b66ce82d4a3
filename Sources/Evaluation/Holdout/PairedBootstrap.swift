import SeededRandom

/// How much of a method's lead over a baseline could be the luck of which customers happened to buy in the test
/// period. The paired bootstrap (Efron & Tibshirani, *An Introduction to the Bootstrap*, 1993) draws the evaluated
/// customers with replacement as often as there are customers, both methods keeping the same customers in every
/// draw, and computes the two ratios (hit rate and macro recall, method over baseline) of each draw. Their spread is
/// the uncertainty of the ratios measured on the one real sample.
package struct PairedBootstrap: Sendable, Hashable {
    /// The ratios of all draws, in increasing order (a draw where the baseline has no hit reads +∞).
    package struct Distribution: Sendable, Hashable {
        package let sorted: [Double]

        package init(_ ratios: [Double]) { sorted = ratios.sorted() }

        /// The percentile interval holding `confidence` of the draws (the same number, rounded, cut from either end).
        package func interval(confidence: Double = 0.95) -> ClosedRange<Double> {
            let cut = Int(((1 - confidence) / 2 * Double(sorted.count)).rounded())
            return sorted[cut]...sorted[sorted.count - 1 - cut]
        }

        /// The share of draws whose ratio is at least `target`.
        package func share(atLeast target: Double) -> Double {
            let below = sorted.firstIndex { $0 >= target } ?? sorted.count
            return Double(sorted.count - below) / Double(sorted.count)
        }
    }

    package let hitRateRatio: Distribution
    package let recallRatio: Distribution

    /// `method` and `baseline` must have evaluated the same customers (as `HoldoutEvaluation` does for one split).
    package init(method: HoldoutEvaluation, baseline: HoldoutEvaluation, draws: Int = 10_000, seed: UInt64 = 1993) {
        precondition(
            method.outcomes.map(\.customer) == baseline.outcomes.map(\.customer),
            "a paired bootstrap needs both methods evaluated on the same customers")
        precondition(!method.outcomes.isEmpty && draws > 0)
        let count = method.outcomes.count
        let methodHits = method.outcomes.map { $0.found > 0 ? 1.0 : 0 }
        let baselineHits = baseline.outcomes.map { $0.found > 0 ? 1.0 : 0 }
        let methodRecalls = method.outcomes.map(\.recall)
        let baselineRecalls = baseline.outcomes.map(\.recall)
        var random = SplitMix64(seed: seed)
        var hitRatios: [Double] = []
        var recallRatios: [Double] = []
        hitRatios.reserveCapacity(draws)
        recallRatios.reserveCapacity(draws)
        for _ in 0..<draws {
            // Ratios of sums equal ratios of means: every draw has `count` customers for both methods.
            var sums = (methodHits: 0.0, baselineHits: 0.0, methodRecall: 0.0, baselineRecall: 0.0)
            for _ in 0..<count {
                let customer = random.below(count)
                sums.methodHits += methodHits[customer]
                sums.baselineHits += baselineHits[customer]
                sums.methodRecall += methodRecalls[customer]
                sums.baselineRecall += baselineRecalls[customer]
            }
            hitRatios.append(Self.ratio(sums.methodHits, sums.baselineHits))
            recallRatios.append(Self.ratio(sums.methodRecall, sums.baselineRecall))
        }
        hitRateRatio = Distribution(hitRatios)
        recallRatio = Distribution(recallRatios)
    }

    static func ratio(_ numerator: Double, _ denominator: Double) -> Double {
        denominator > 0 ? numerator / denominator : (numerator > 0 ? .infinity : 1)
    }
}
