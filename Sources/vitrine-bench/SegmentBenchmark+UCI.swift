import Evaluation
import Foundation
import Recommendation
import Store
import TextFormats
import VitrineKit

/// `vitrine-bench segments uci [options]`: recommendation quality on the UCI Online Retail transactions, trained on
/// 2010-12 … 2011-04 and tested on 2011-05, against the popularity baseline. `--validate` (April) and
/// `--test-month 3` (March) test on a validation month instead, trained on the months before it. `--rolling` gives
/// the ratios on five 30-day validation windows (from February 1, 15, March 1, 15 and April 1, each trained on what
/// comes before it); `--tune` chooses the settings on those windows, never looking at May, then tests them on May.
/// Every option left out keeps the tuned setting (`RecommendationSettings()`).
extension SegmentBenchmark {
    static let uci = BenchCommand(
        name: "segments uci", summary: "recommendation quality on the UCI Online Retail transactions",
        positionals: [],
        options: [
            .path("data", "FILE", "the UCI file (default \(SharedData.transactions))"),
            .flag("tune", "choose the settings on the five validation windows (May unseen), then test them on May"),
            .flag("rolling", "the ratios on the five validation windows (February to April) only"),
            .flag("validate", "test on April instead of May (as --test-month 4)"),
            .count("test-month", "the month tested, trained on the months before it (default 5)", in: 2...5),
            .choice(
                "method", ["picks", "hybrid", "hindsight"],
                "the picks, the learned hybrid, or May's own bestsellers (a bound)"),
            .choice("measure", ["rp3", "cosine"], "the neighbours of the picks"),
            .number("beta", "RP3β's popularity penalty"),
            .count("neighbours", "neighbours per product (K)"),
            .choice("iuf", ["on", "off"], "inverse user frequency of the cosine (default on)"),
            .number("half-life", "half-life of the history's weights", allowsOff: true, valueName: "DAYS"),
            .number("damping", "popularity damping of the neighbours' scores"),
            .number("blend", "weight of the popularity prior"),
            .count("blend-candidates", "candidates the prior is blended over"),
            .number("exponent", "exponent of the similarities"),
            .count("per-category", "picks per top-level category", in: 1...Int.max, allowsOff: true),
            .number("popularity-half-life", "half-life of the trend", allowsOff: true, valueName: "DAYS"),
            .number("country-shrinkage", "pseudo-members of the country prior", allowsOff: true),
            .number("country-half-life", "half-life of the country prior", allowsOff: true, valueName: "DAYS"),
            .choice("country-scope", ["new", "everyone"], "who gets the country prior"),
            .count("fit-months", "hybrid: months of labels fit on (default 2)", in: 1...Int.max),
            .count("iterations", "hybrid: steps of the fit"),
            .number("learning-rate", "hybrid: Adam's learning rate"),
            .number("l2", "hybrid: weight decay"),
            .count("knn-candidates", "hybrid: candidates from the neighbours"),
            .count("popular-candidates", "hybrid: candidates from the trend and the country"),
            .count("category-candidates", "hybrid: candidates per favourite category"),
            .count("new-candidates", "hybrid: new arrivals among the candidates"),
            .count("hybrid-per-category", "hybrid: picks per top-level category", in: 1...Int.max, allowsOff: true),
        ], run: runUCI)

    static func runUCI(_ options: ParsedArguments) throws -> ExitCode {
        let start = DispatchTime.now()
        let (data, summary) = try OnlineRetailInput.load(path: options.text("data"))
        print(
            "loaded \(summary.rows) rows in \(String(format: "%.2f", seconds(since: start))) s: "
                + "\(data.customers.count) customers, \(data.products.count) products; \(summary)")
        func day(_ year: Int64, _ month: Int64) -> Timestamp {
            Timestamp(
                secondsSince1970: CivilDate.daysSince1970(year: year, month: month, day: 1) * Timestamp.secondsPerDay)
        }
        // Defaults: the tuned settings; each option overrides one.
        let tuned = RecommendationSettings()
        // --beta without --measure: RP3β at that β; neither: the tuned β (0.5, RP3β's usual start, were the tuned
        // neighbours ever the cosine's).
        let tunedBeta = if case .randomWalk(let beta) = tuned.pickSimilarity.measure { beta } else { 0.5 }
        var settings = RecommendationSettings(
            pickSimilarity: .init(
                neighbours: options.count("neighbours", default: tuned.pickSimilarity.neighbours),
                inverseUserFrequency: (options.text("iuf") ?? "on") == "on",
                measure: options.text("measure") == "cosine"
                    ? .cosine : .randomWalk(popularityPenalty: options.number("beta", default: tunedBeta))),
            picks: .init(
                count: 10,
                recencyHalfLifeDays: options.numberOrOff("half-life", default: tuned.picks.recencyHalfLifeDays),
                popularityDamping: options.number("damping", default: tuned.picks.popularityDamping),
                popularityBlend: options.number("blend", default: tuned.picks.popularityBlend),
                blendCandidates: options.count("blend-candidates", default: tuned.picks.blendCandidates),
                similarityExponent: options.number("exponent", default: tuned.picks.similarityExponent),
                maximumPerCategory: options.countOrOff("per-category", default: tuned.picks.maximumPerCategory),
                groupScope: options.text("country-scope").map { $0 == "new" ? .newCustomers : .everyone }
                    ?? tuned.picks.groupScope),
            popularityHalfLifeDays: options.numberOrOff("popularity-half-life", default: tuned.popularityHalfLifeDays),
            countryShrinkage: options.numberOrOff("country-shrinkage", default: tuned.countryShrinkage),
            countryHalfLifeDays: options.numberOrOff("country-half-life", default: tuned.countryHalfLifeDays))
        // Five 30-day windows from February 1 to April 30, each trained on what comes before it.
        let windows = OnlineRetailEvaluation.validationWindows(fromYear: 2011, month: 2, testFrom: day(2011, 5))
        func ratios(_ outcomes: [OnlineRetailEvaluation.Outcome]) -> String {
            func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
            let each = outcomes.map { String(format: "%.2f×/%.2f×", $0.hitRateRatio, $0.recallRatio) }
            let average = String(
                format: "mean %.3f×/%.3f×", mean(outcomes.map(\.hitRateRatio)), mean(outcomes.map(\.recallRatio)))
            return each.joined(separator: " ") + "  " + average
        }
        if options.flag("tune") {
            print("\ntuning on \(windows.count) validation windows from 2011-02-01 to 2011-04-30 (May unseen):")
            let trials = OnlineRetailEvaluation.tune(data, validationSplits: windows)
            for trial in trials.prefix(10) { print("  \(ratios(trial.outcomes))  \(trial.settings.picksDescription)") }
            settings = trials[0].settings
            print("chosen: \(settings.picksDescription)")
        }
        if options.flag("rolling") {
            // The settings on each validation window, all customers and those with history (hit/recall ratios).
            let outcomes = windows.map {
                OnlineRetailEvaluation.evaluate(data, testFrom: $0.from, testUntil: $0.until, settings: settings)
            }
            print(
                "\nvalidation windows (30 days from 02-01, 02-15, 03-01, 03-15, 04-01), settings \(settings.picksDescription)"
            )
            print("all:          " + ratios(outcomes))
            print("with history: " + ratios(outcomes.map(\.withHistory)))
            return .success
        }
        // --validate / --test-month: a validation split instead of May, for exploring settings without seeing May.
        let testMonth = Int64(options.flag("validate") ? 4 : options.count("test-month", default: 5))
        let validate = testMonth != 5
        let outcome: OnlineRetailEvaluation.Outcome
        var method = "picks"
        if options.text("method") == "hindsight" {
            // The bound of any popularity ranking: the test period's own bestsellers (not a method).
            outcome = OnlineRetailEvaluation.evaluateTestPeriodPopularity(
                data, testFrom: day(2011, testMonth), testUntil: day(2011, testMonth + 1))
            method = "hindsight (the test month's own popularity: a bound, not a method)"
        } else if options.text("method") == "hybrid" {
            let defaults = OnlineRetailEvaluation.HybridSettings()
            let hybrid = OnlineRetailEvaluation.HybridSettings(
                features: .init(
                    neighbourCandidates: options.count(
                        "knn-candidates", default: defaults.features.neighbourCandidates),
                    popularCandidates: options.count(
                        "popular-candidates", default: defaults.features.popularCandidates),
                    categoryCandidates: options.count(
                        "category-candidates", default: defaults.features.categoryCandidates),
                    newArrivalCandidates: options.count(
                        "new-candidates", default: defaults.features.newArrivalCandidates)),
                ranker: .init(
                    iterations: options.count("iterations", default: defaults.ranker.iterations),
                    learningRate: options.number("learning-rate", default: defaults.ranker.learningRate),
                    l2: options.number("l2", default: defaults.ranker.l2)),
                maximumPerCategory: options.countOrOff("hybrid-per-category", default: defaults.maximumPerCategory))
            let result = OnlineRetailEvaluation.evaluateHybrid(
                data,
                fitLabelsFrom: (max(2, testMonth - Int64(options.count("fit-months", default: 2)))...testMonth - 1).map
                {
                    day(2011, $0)
                }, testFrom: day(2011, testMonth),
                testUntil: day(2011, testMonth + 1), settings: settings, hybrid: hybrid)
            outcome = result.outcome
            method = "\(hybrid)"
            print(
                "\nhybrid fit: labels to 2011-\(String(format: "%02d", testMonth - 1)) (features to the month "
                    + "before each), \(result.fitCustomers) customers with a bought "
                    + "candidate, loss \(String(format: "%.4f", result.fitLosses.first)) → "
                    + "\(String(format: "%.4f", result.fitLosses.last))")
            for (name, weight) in zip(HybridFeatures.names, result.ranker.weights) {
                print("  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(String(format: "%+.3f", weight))")
            }
        } else {
            outcome = OnlineRetailEvaluation.evaluate(
                data, testFrom: day(2011, testMonth), testUntil: day(2011, testMonth + 1), settings: settings)
        }
        let month = String(format: "%02d", testMonth)
        let period = "train 2010-12 … 2011-\(String(format: "%02d", testMonth - 1)) ("
        let tested = validate ? "validation 2011-\(month) (" : "test 2011-05 ("
        print(
            "\n\(validate ? "validation" : "test"): \(period)\(outcome.trainLines) lines), \(tested)\(outcome.testLines) lines), "
                + "\(outcome.picks.customers) customers with new products (\(outcome.coldCustomers) without history; "
                + "\(String(format: "%.1f", outcome.neverSoldBeforeShare * 100))% of their new products never sold before), "
                + "settings \(settings.picksDescription), method \(method)")
        let (warm, cold) = (outcome.withHistory, outcome.newInTest)
        print("all:          " + describe(outcome))
        print("with history: " + describe(warm))
        print("new in test:  " + describe(cold))
        // How much of each ratio is the luck of which customers bought in the test month.
        print("\npaired bootstrap over the evaluated customers (10,000 draws): 95% intervals of the ratios")
        for (name, part) in [("all:         ", outcome), ("with history:", warm), ("new in test: ", cold)] {
            let bootstrap = PairedBootstrap(method: part.picks, baseline: part.baseline)
            func range(_ interval: ClosedRange<Double>) -> String {
                String(format: "%.2f× … %.2f×", interval.lowerBound, interval.upperBound)
            }
            print(
                "\(name) hit \(range(bootstrap.hitRateRatio.interval())), recall \(range(bootstrap.recallRatio.interval()))"
                    + "; draws reaching 1.35× hit: \(String(format: "%.0f%%", bootstrap.hitRateRatio.share(atLeast: 1.35) * 100))"
                    + ", 2× recall: \(String(format: "%.0f%%", bootstrap.recallRatio.share(atLeast: 2) * 100))")
        }
        return .success
    }

    static func describe(_ outcome: OnlineRetailEvaluation.Outcome) -> String {
        func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
        let p = outcome.picks
        let b = outcome.baseline
        return
            "picks hit@10 \(percent(p.hitRate)) recall@10 \(percent(p.macroRecall)) (micro \(percent(p.microRecall)))"
            + " | popularity hit@10 \(percent(b.hitRate)) recall@10 \(percent(b.macroRecall)) "
            + "(micro \(percent(b.microRecall))) | ratio hit \(String(format: "%.2f", outcome.hitRateRatio))× "
            + "recall \(String(format: "%.2f", outcome.recallRatio))×"
    }

}
