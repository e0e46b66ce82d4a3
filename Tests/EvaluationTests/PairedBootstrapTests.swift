import Evaluation
import Testing

@Suite struct PairedBootstrapTests {
    typealias Outcome = HoldoutEvaluation.CustomerOutcome

    /// 40 customers: the method finds something for 24 (half of their new products each), the baseline for 12 of
    /// the same customers (a quarter each), and neither for the other 16.
    static let method = HoldoutEvaluation(
        outcomes: (0..<40).map { Outcome(customer: Int32($0), found: $0 < 24 ? 2 : 0, newProducts: 4) })
    static let baseline = HoldoutEvaluation(
        outcomes: (0..<40).map { Outcome(customer: Int32($0), found: $0 < 12 ? 1 : 0, newProducts: 4) })

    static func repeated(_ evaluation: HoldoutEvaluation, times: Int) -> HoldoutEvaluation {
        HoldoutEvaluation(
            outcomes: (0..<times).flatMap { copy in
                evaluation.outcomes.map {
                    Outcome(
                        customer: Int32(copy * evaluation.customers) + $0.customer, found: $0.found,
                        newProducts: $0.newProducts)
                }
            })
    }

    @Test func percentileIntervalAndShareOnKnownDraws() {
        let draws = PairedBootstrap.Distribution((1...100).reversed().map(Double.init))
        #expect(draws.sorted.first == 1)
        // 5% cut from either end of 100 draws.
        #expect(draws.interval(confidence: 0.9) == 6...95)
        #expect(draws.interval(confidence: 1) == 1...100)
        #expect(draws.share(atLeast: 50) == 0.51)
        #expect(draws.share(atLeast: 100.5) == 0)
        #expect(draws.share(atLeast: -1) == 1)
    }

    @Test func identicalCustomersGiveNoSpread() {
        let method = HoldoutEvaluation(
            outcomes: (0..<30).map { Outcome(customer: Int32($0), found: 1, newProducts: 2) })
        let baseline = HoldoutEvaluation(
            outcomes: (0..<30).map { Outcome(customer: Int32($0), found: 1, newProducts: 4) })
        let bootstrap = PairedBootstrap(method: method, baseline: baseline, draws: 500)
        #expect(bootstrap.hitRateRatio.interval() == 1...1)
        #expect(bootstrap.recallRatio.interval() == 2...2)
        #expect(bootstrap.recallRatio.share(atLeast: 2) == 1)
        #expect(bootstrap.recallRatio.share(atLeast: 2.000_001) == 0)
    }

    @Test func intervalsHoldTheMeasuredRatioAndNarrowWithMoreCustomers() {
        // Measured on the sample: hit 24/12 = 2, recall (24 × 0.5) / (12 × 0.25) = 4.
        let small = PairedBootstrap(method: Self.method, baseline: Self.baseline, draws: 4_000)
        let large = PairedBootstrap(
            method: Self.repeated(Self.method, times: 16), baseline: Self.repeated(Self.baseline, times: 16),
            draws: 4_000)
        for (bootstrap, measured) in [(small.hitRateRatio, 2.0), (small.recallRatio, 4), (large.hitRateRatio, 2)] {
            #expect(bootstrap.interval().contains(measured))
        }
        // The standard error falls with the square root of the sample: 16 times the customers, a quarter the width.
        func width(_ interval: ClosedRange<Double>) -> Double { interval.upperBound - interval.lowerBound }
        let narrowing = width(small.hitRateRatio.interval()) / width(large.hitRateRatio.interval())
        #expect(narrowing > 3 && narrowing < 5.5, "narrowing \(narrowing)")
        #expect(small.hitRateRatio.interval().lowerBound > 1.2)
    }

    @Test func drawsArePairedAndSeeded() {
        let first = PairedBootstrap(method: Self.method, baseline: Self.baseline, draws: 1_000, seed: 7)
        let again = PairedBootstrap(method: Self.method, baseline: Self.baseline, draws: 1_000, seed: 7)
        let other = PairedBootstrap(method: Self.method, baseline: Self.baseline, draws: 1_000, seed: 8)
        #expect(first == again)
        #expect(first != other)
        // Paired: the method's hits here are a superset of the baseline's, so no draw can have its hit rate below the
        // baseline's (an unpaired bootstrap, drawing customers separately for each, would have some).
        #expect(first.hitRateRatio.sorted.first! >= 1)
        // One customer, found by the method and not by the baseline: every draw has no baseline hit and reads +∞.
        let noBaselineHit = PairedBootstrap(
            method: HoldoutEvaluation(outcomes: [Outcome(customer: 0, found: 1, newProducts: 1)]),
            baseline: HoldoutEvaluation(outcomes: [Outcome(customer: 0, found: 0, newProducts: 1)]), draws: 10)
        #expect(noBaselineHit.hitRateRatio.sorted.allSatisfy { $0 == .infinity })
    }

    @Test func filteringKeepsTheChosenCustomersInOrder() {
        let even = Self.method.filter { $0 % 2 == 0 }
        #expect(even.outcomes.map(\.customer) == Array(stride(from: 0, to: 40, by: 2)))
        #expect(even.customersWithHit == 12)
        #expect(even.hitRate == 0.6)
        #expect(even.macroRecall == 0.3)
        #expect(even.microRecall == 0.3)
    }
}
