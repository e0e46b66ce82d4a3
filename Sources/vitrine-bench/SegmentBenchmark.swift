import Diagnostics
import Evaluation
import Foundation
import Recommendation
import SeededRandom
import Segmentation
import Store
import TextFormats
import VitrineKit

/// `vitrine-bench segments w1 [--products N --customers N --orders N] [--runs N]`: metrics, segment assignment and
/// every recommendation on a synthetic W1-scale store held in memory, timed, with peak memory.
///
/// `vitrine-bench segments uci [--data FILE] [--tune] [--rolling] [--validate | --test-month 3|4|5] [--measure rp3|cosine]
/// [--beta B] [--neighbours K] [--iuf on|off] [--half-life DAYS|off] [--damping A] [--blend B] [--exponent Q]
/// [--per-category N|off] [--popularity-half-life DAYS|off] [--method picks|hybrid|hindsight]`:
/// recommendation quality on the UCI Online Retail transactions, trained on 2010-12 … 2011-04 and tested on
/// 2011-05, against the popularity baseline. `--validate` (April) and `--test-month 3` (March) test on a validation
/// month instead, trained on the months before it. `--rolling` gives the ratios on five 30-day validation windows
/// (from February 1, 15, March 1, 15 and April 1, each trained on what comes before it); `--tune` chooses the
/// settings on those windows, never looking at May, then tests them on May.
enum SegmentBenchmark {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let workload = arguments.first else {
            FileHandle.standardError.write(Data("usage: vitrine-bench segments w1|uci [options]\n".utf8))
            return 2
        }
        let options = Options(Array(arguments.dropFirst()))
        switch workload {
        case "w1": return try runW1(options)
        case "uci": return try runUCI(options)
        default:
            FileHandle.standardError.write(Data("vitrine-bench segments: unknown workload '\(workload)'\n".utf8))
            return 2
        }
    }

    /// `--name value` pairs.
    struct Options {
        var values: [String: String] = [:]
        var flags: Set<String> = []

        init(_ arguments: [String]) {
            var index = 0
            while index < arguments.count {
                let name = arguments[index]
                if index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") {
                    values[name] = arguments[index + 1]
                    index += 2
                } else {
                    flags.insert(name)
                    index += 1
                }
            }
        }

        func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap { Int($0) } ?? fallback }

        /// Every given option of `names` whose value is not a number (nor `off`), as messages.
        func problems(numbers names: [String]) -> [String] {
            names.compactMap { name in
                guard let text = values[name], text != "off", Double(text) == nil else { return nil }
                return "\(name): \"\(text)\" is not a number"
            }
        }
        func double(_ name: String, _ fallback: Double?) -> Double? {
            guard let text = values[name] else { return fallback }
            return text == "off" ? nil : Double(text)
        }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    // MARK: - UCI Online Retail

    static func runUCI(_ options: Options) throws -> Int32 {
        // Every bad option at once, before the data is read.
        var problems = options.problems(numbers: [
            "--beta", "--neighbours", "--half-life", "--damping", "--blend", "--blend-candidates", "--exponent",
            "--per-category", "--popularity-half-life", "--country-shrinkage", "--country-half-life", "--test-month",
            "--fit-months", "--iterations", "--learning-rate", "--l2",
        ])
        if let month = options.values["--test-month"].flatMap({ Int($0) }), !(2...5).contains(month) {
            problems.append("--test-month: \(month) is outside 2 … 5 (the file runs from 2010-12 to 2011-05)")
        }
        if let measure = options.values["--measure"], !["rp3", "cosine"].contains(measure) {
            problems.append("--measure: \"\(measure)\" is neither rp3 nor cosine")
        }
        if let method = options.values["--method"], !["picks", "hybrid", "hindsight"].contains(method) {
            problems.append("--method: \"\(method)\" is none of picks, hybrid, hindsight")
        }
        guard problems.isEmpty else {
            for problem in problems {
                FileHandle.standardError.write(Data("vitrine-bench segments uci: error: \(problem)\n".utf8))
            }
            return 2
        }
        let start = DispatchTime.now()
        guard let (data, summary) = OnlineRetailInput.load(path: options.values["--data"]) else { return 2 }
        print(
            "loaded \(summary.rows) rows in \(String(format: "%.2f", seconds(since: start))) s: "
                + "\(data.customers.count) customers, \(data.products.count) products; \(summary)")
        func day(_ year: Int64, _ month: Int64) -> Timestamp {
            Timestamp(secondsSince1970: CivilDate.daysSince1970(year: year, month: month, day: 1) * 86_400)
        }
        // Defaults: the tuned settings; each option overrides one.
        let tuned = RecommendationSettings()
        // --beta without --measure: RP3β at that β; neither: the tuned β (0.5, RP3β's usual start, were the tuned
        // neighbours ever the cosine's).
        let tunedBeta = if case .randomWalk(let beta) = tuned.pickSimilarity.measure { beta } else { 0.5 }
        var settings = RecommendationSettings(
            pickSimilarity: .init(
                neighbours: options.int("--neighbours", tuned.pickSimilarity.neighbours),
                inverseUserFrequency: (options.values["--iuf"] ?? "on") == "on",
                measure: options.values["--measure"] == "cosine"
                    ? .cosine : .randomWalk(popularityPenalty: options.double("--beta", tunedBeta) ?? 0)),
            picks: .init(
                count: 10, recencyHalfLifeDays: options.double("--half-life", tuned.picks.recencyHalfLifeDays),
                popularityDamping: options.double("--damping", tuned.picks.popularityDamping) ?? 0,
                popularityBlend: options.double("--blend", tuned.picks.popularityBlend) ?? 0,
                blendCandidates: options.int("--blend-candidates", tuned.picks.blendCandidates),
                similarityExponent: options.double("--exponent", tuned.picks.similarityExponent) ?? 1,
                maximumPerCategory: options.values["--per-category"].map { Int($0) } ?? tuned.picks.maximumPerCategory,
                groupScope: options.values["--country-scope"].map { $0 == "new" ? .newCustomers : .everyone }
                    ?? tuned.picks.groupScope),
            popularityHalfLifeDays: options.double("--popularity-half-life", tuned.popularityHalfLifeDays),
            countryShrinkage: options.double("--country-shrinkage", tuned.countryShrinkage),
            countryHalfLifeDays: options.double("--country-half-life", tuned.countryHalfLifeDays))
        // Five 30-day windows from February 1 to April 30, each trained on what comes before it.
        let windows = OnlineRetailEvaluation.validationWindows(fromYear: 2011, month: 2, testFrom: day(2011, 5))
        func ratios(_ outcomes: [OnlineRetailEvaluation.Outcome]) -> String {
            func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
            let each = outcomes.map { String(format: "%.2f×/%.2f×", $0.hitRateRatio, $0.recallRatio) }
            let average = String(
                format: "mean %.3f×/%.3f×", mean(outcomes.map(\.hitRateRatio)), mean(outcomes.map(\.recallRatio)))
            return each.joined(separator: " ") + "  " + average
        }
        if options.flags.contains("--tune") {
            print("\ntuning on \(windows.count) validation windows from 2011-02-01 to 2011-04-30 (May unseen):")
            let trials = OnlineRetailEvaluation.tune(data, validationSplits: windows)
            for trial in trials.prefix(10) { print("  \(ratios(trial.outcomes))  \(trial.settings.picksDescription)") }
            settings = trials[0].settings
            print("chosen: \(settings.picksDescription)")
        }
        if options.flags.contains("--rolling") {
            // The settings on each validation window, all customers and those with history (hit/recall ratios).
            let outcomes = windows.map {
                OnlineRetailEvaluation.evaluate(data, testFrom: $0.from, testUntil: $0.until, settings: settings)
            }
            print(
                "\nvalidation windows (30 days from 02-01, 02-15, 03-01, 03-15, 04-01), settings \(settings.picksDescription)"
            )
            print("all:          " + ratios(outcomes))
            print("with history: " + ratios(outcomes.map(\.withHistory)))
            return 0
        }
        // --validate / --test-month: a validation split instead of May, for exploring settings without seeing May.
        let testMonth = Int64(options.flags.contains("--validate") ? 4 : options.int("--test-month", 5))
        let validate = testMonth != 5
        let outcome: OnlineRetailEvaluation.Outcome
        var method = "picks"
        if options.values["--method"] == "hindsight" {
            // The bound of any popularity ranking: the test period's own bestsellers (not a method).
            outcome = OnlineRetailEvaluation.evaluateTestPeriodPopularity(
                data, testFrom: day(2011, testMonth), testUntil: day(2011, testMonth + 1))
            method = "hindsight (the test month's own popularity: a bound, not a method)"
        } else if (options.values["--method"] ?? "picks") == "hybrid" {
            let defaults = OnlineRetailEvaluation.HybridSettings()
            let hybrid = OnlineRetailEvaluation.HybridSettings(
                features: .init(
                    neighbourCandidates: options.int("--knn-candidates", defaults.features.neighbourCandidates),
                    popularCandidates: options.int("--popular-candidates", defaults.features.popularCandidates),
                    categoryCandidates: options.int("--category-candidates", defaults.features.categoryCandidates),
                    newArrivalCandidates: options.int("--new-candidates", defaults.features.newArrivalCandidates)),
                ranker: .init(
                    iterations: options.int("--iterations", defaults.ranker.iterations),
                    learningRate: options.double("--learning-rate", defaults.ranker.learningRate) ?? 0.05,
                    l2: options.double("--l2", defaults.ranker.l2) ?? 0),
                maximumPerCategory: options.values["--hybrid-per-category"].map { Int($0) }
                    ?? defaults.maximumPerCategory)
            let result = OnlineRetailEvaluation.evaluateHybrid(
                data,
                fitLabelsFrom: (max(2, testMonth - Int64(options.int("--fit-months", 2)))...testMonth - 1).map {
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
        return 0
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

    static func runW1(_ options: Options) throws -> Int32 {
        let shape = SyntheticStore.Shape(
            products: options.int("--products", 10_000), customers: options.int("--customers", 100_000),
            orderLines: options.int("--orders", 500_000), wishlistEntries: options.int("--wishlists", 20_000))
        let runs = max(1, options.int("--runs", 3))
        var start = DispatchTime.now()
        let store = SyntheticStore.generate(shape)
        print(
            "generated \(store.products.count) products, \(store.customers.count) customers, \(store.orders.count) "
                + "order lines, \(store.wishlists.count) wish-list entries, \(store.segments.count) segments in "
                + "\(String(format: "%.2f", seconds(since: start))) s (not timed below)")

        var best = (metrics: Double.infinity, assignment: Double.infinity, recommendations: Double.infinity)
        var phases = [Double](repeating: .infinity, count: 4)
        var checksum = 0
        // Run 0 warms up; the best of the following `runs` is reported.
        for run in 0...runs {
            var diagnostics = DiagnosticEngine()
            start = DispatchTime.now()
            let metrics = CustomerMetrics(customers: store.customers, products: store.products, orders: store.orders)
            let metricsTime = seconds(since: start)
            start = DispatchTime.now()
            guard let compiled = CompiledSegments.compile(store.segments, diagnostics: &diagnostics) else {
                FileHandle.standardError.write(Data(DiagnosticPrinter().render(diagnostics).utf8))
                return 1
            }
            let report = SegmentReport(
                segments: compiled, context: RuleContext(metrics: metrics, customers: store.customers))
            let assignmentTime = seconds(since: start)
            // The steps of `SegmentsWorkflow.recommend`, timed one by one.
            let settings = RecommendationSettings()
            start = DispatchTime.now()
            var phaseStart = start
            func lap(_ phase: Int) {
                phases[phase] = min(phases[phase], run == 0 ? .infinity : seconds(since: phaseStart))
                phaseStart = DispatchTime.now()
            }
            let matrix = PurchaseMatrix(
                customerCount: store.customers.count, productCount: store.products.count, orders: store.orders)
            lap(0)
            let similarity = ItemSimilarity(matrix: matrix, configuration: settings.similarity)
            let pickSimilarity = ItemSimilarity(matrix: matrix, configuration: settings.pickSimilarity)
            lap(1)
            let picks = settings.customerPicks(
                matrix: matrix, similarity: pickSimilarity,
                trend: settings.trend(matrix: matrix, asOfDay: metrics.asOfDay),
                products: store.products, wishlists: store.wishlists, countries: store.customers.map(\.country),
                asOfDay: metrics.asOfDay)
            lap(2)
            let ranking = settings.segmentRanking(
                matrix: matrix, orders: store.orders, products: store.products, assignment: report.assignment)
            lap(3)
            let recommendationTime = seconds(since: start)
            checksum =
                report.rows.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element.size }
                + picks.items.count + Int(similarity.items.reduce(0, &+)) + ranking.items.count
            if run == 0 {
                print(report.renderedTable)
                continue
            }
            best.metrics = min(best.metrics, metricsTime)
            best.assignment = min(best.assignment, assignmentTime)
            best.recommendations = min(best.recommendations, recommendationTime)
        }
        func ms(_ value: Double) -> String { String(format: "%8.1f ms", value * 1000) }
        print("best of \(runs) runs after a warm-up, \(ProcessInfo.processInfo.activeProcessorCount) cores:")
        print("  metrics (one pass + scores, ranks, affinity)  \(ms(best.metrics))")
        print("  rules + assignment + segment statistics       \(ms(best.assignment))")
        print("  recommendations (similar items, picks, ranks) \(ms(best.recommendations))")
        print("    purchase matrix (CSR both ways)             \(ms(phases[0]))")
        print("    item-to-item cosine + RP3β, top-K           \(ms(phases[1]))")
        print("    per-customer picks                          \(ms(phases[2]))")
        print("    per-segment ranking                         \(ms(phases[3]))")
        print(
            "  total                                         \(ms(best.metrics + best.assignment + best.recommendations))"
        )
        print(
            "  peak RSS (VmHWM)                              \(String(format: "%8.1f MiB", Measure.peakRSSMiB()))"
        )
        print("  checksum \(checksum)")
        return 0
    }
}

extension SegmentBenchmark {
    /// A W1-shaped store in memory, the same for every run (SplitMix64 from a fixed seed), with the structure that
    /// makes co-purchase recommendations meaningful: each customer favours two of 50 categories (80% of their lines),
    /// products within a category are bought with a skew (a few best sellers, a long tail), a few customers buy a
    /// lot, and 3% of lines are cancelled and 2% returned.
    enum SyntheticStore {
        struct Shape {
            var products: Int
            var customers: Int
            var orderLines: Int
            var wishlistEntries: Int
        }

        struct Parts {
            var products: [Product]
            var customers: [Customer]
            var orders: [OrderLine]
            var wishlists: [WishlistEntry]
            var segments: [SegmentDefinition]
        }

        /// The generator's seeded SplitMix64: the synthetic store is the same on every run.
        typealias Random = SplitMix64

        static let segmentRules: [(id: String, rule: String?)] = [
            ("vip", "monetary_rank <= 0.05"),
            ("business", "\"b2b\" in tags or \"wholesale\" in tags"),
            ("loyal", "orders >= 4 and days_since_last_order <= 90"),
            ("at-risk", "lifecycle == \"at_risk\" and monetary > 100"),
            ("category-00-fans", "affinity[\"Category 00\"] >= 0.5"),
            ("greek-readers", "locale == \"el\" and consent_email"),
            ("new", "first_order > 30 days ago or (orders == 0 and created > 60 days ago)"),
            ("everyone", nil),
        ]

        static func generate(_ shape: Shape) -> Parts {
            var random = Random(seed: 0x5EED_2026)
            let categoryCount = 50
            let asOfDay = CivilDate.daysSince1970(year: 2026, month: 11, day: 1)
            func day(_ days: Int64) -> Timestamp { Timestamp(secondsSince1970: days * Timestamp.secondsPerDay) }

            var products: [Product] = []
            products.reserveCapacity(shape.products)
            var byCategory = [[Int32]](repeating: [], count: categoryCount)
            for index in 0..<shape.products {
                let category = random.below(categoryCount)
                byCategory[category].append(Int32(index))
                let roll = random.unit()
                let categoryName = "Category " + (category < 10 ? "0" : "") + String(category)
                products.append(
                    Product(
                        id: "p-\(index)", slug: "p-\(index)", name: "Product \(index)",
                        price: Money(minorUnits: Int64(200 + random.below(9_800))),
                        category: [categoryName, "Sub \(random.below(4))"],
                        stock: roll < 0.05 ? 0 : (roll < 0.25 ? nil : 1 + random.below(100)),
                        consumable: random.unit() < 0.15))
            }

            let locales = ["en", "en", "en", "en", "en", "en", "en", "el", "el", "fa"]
            let countries = ["GR", "GB", "DE", "FR", "IR", "CY"]
            var customers: [Customer] = []
            customers.reserveCapacity(shape.customers)
            var favourites: [(Int, Int)] = []
            favourites.reserveCapacity(shape.customers)
            for index in 0..<shape.customers {
                let tagRoll = random.unit()
                customers.append(
                    Customer(
                        id: "c-\(index)", locale: locales[random.below(locales.count)],
                        country: countries[random.below(countries.count)],
                        created: day(asOfDay - Int64(random.below(1_000))), consentEmail: random.unit() < 0.6,
                        consentTracking: random.unit() < 0.4,
                        tags: tagRoll < 0.03 ? ["b2b"] : (tagRoll < 0.04 ? ["wholesale"] : [])))
                favourites.append((random.below(categoryCount), random.below(categoryCount)))
            }

            var orders: [OrderLine] = []
            orders.reserveCapacity(shape.orderLines)
            var orderNumber = 0
            while orders.count < shape.orderLines {
                // A few customers buy a lot: index ~ customers × u², so low indices are the heavy buyers.
                let u = random.unit()
                let customer = min(shape.customers - 1, Int(Double(shape.customers) * u * u))
                let created = customers[customer].created.day
                let date = day(created + Int64(random.below(Int(max(1, asOfDay - created + 1)))))
                let status: OrderLine.Status =
                    switch random.unit() {
                    case ..<0.03: .cancelled
                    case ..<0.05: .returned
                    default: .completed
                    }
                let lines = 1 + min(8, Int(-log(1 - random.unit()) * 1.5))
                let orderID = "o-\(orderNumber)"
                orderNumber += 1
                for _ in 0..<lines where orders.count < shape.orderLines {
                    let (first, second) = favourites[customer]
                    let roll = random.unit()
                    let category = roll < 0.5 ? first : (roll < 0.8 ? second : random.below(categoryCount))
                    let pool = byCategory[category].isEmpty ? [Int32(0)] : byCategory[category]
                    let skew = random.unit()
                    let product = pool[min(pool.count - 1, Int(Double(pool.count) * skew * skew * skew))]
                    orders.append(
                        OrderLine(
                            orderID: orderID, customer: Int32(customer), product: product, date: date,
                            quantity: Int32(1 + random.below(3)), unitPrice: products[Int(product)].price,
                            status: status))
                }
            }

            var wishlists: [WishlistEntry] = []
            wishlists.reserveCapacity(shape.wishlistEntries)
            for _ in 0..<shape.wishlistEntries {
                let customer = random.below(shape.customers)
                let (first, _) = favourites[customer]
                let pool = byCategory[first].isEmpty ? [Int32(0)] : byCategory[first]
                wishlists.append(
                    WishlistEntry(
                        customer: Int32(customer), product: pool[random.below(pool.count)],
                        added: day(asOfDay - Int64(random.below(200)))))
            }

            let segments = segmentRules.enumerated().map { index, entry in
                SegmentDefinition(
                    id: entry.id, name: entry.id,
                    rule: entry.rule.map {
                        LocatedText(
                            text: $0, location: SourceLocation(file: "segments.json", line: index + 2, column: 1))
                    },
                    location: SourceLocation(file: "segments.json", line: index + 2, column: 1))
            }
            return Parts(
                products: products, customers: customers, orders: orders, wishlists: wishlists, segments: segments)
        }
    }
}
