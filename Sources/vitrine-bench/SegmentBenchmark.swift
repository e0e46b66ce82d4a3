import Diagnostics
import Foundation
import Recommendation
import Segmentation
import Store
import VitrineKit

/// `vitrine-bench segments w1 [--store DIR | --seed N --products N --customers N --orders N --wishlists N]
/// [--runs N]`: metrics, segment assignment and every recommendation on the W1 workload, timed, with peak memory.
/// The store is the one `vitrine-bench generate W1` writes (same generator, same sizes and seed), written to a
/// temporary folder and loaded as `vitrine` loads it, untimed; `--store` times a store folder already written.
enum SegmentBenchmark {
    static let w1 = BenchCommand(
        name: "segments w1", summary: "time metrics, segment assignment and recommendations on W1",
        positionals: [],
        options: [
            .path("store", "DIR", "time this store folder instead of generating W1"),
            .count("seed", "random seed of the generated W1 (default 1)"),
            .count("products", "products of the generated W1 (default 10,000)"),
            .count("customers", "customers of the generated W1 (default 100,000)"),
            .count("orders", "order lines of the generated W1 (default 500,000)"),
            .count("wishlists", "wish-list entries of the generated W1 (default 20,000)"),
            .count("runs", "timed runs after a warm-up (default 3)", in: 1...Int.max),
        ], run: runW1)

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func runW1(_ options: ParsedArguments) throws -> ExitCode {
        let sizes = ["seed", "products", "customers", "orders", "wishlists"].filter { options.text($0) != nil }
        if options.text("store") != nil && !sizes.isEmpty {
            throw UsageError(problems: ["--store times a store as it is: no --\(sizes[0])"])
        }
        let runs = options.count("runs", default: 3)
        var start = DispatchTime.now()
        let store = try loadStore(options)
        print(
            "\(options.text("store").map { "loaded \($0)" } ?? "generated W1 and loaded it"): "
                + "\(store.products.count) products, \(store.customers.count) customers, \(store.orders.count) "
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
                return .badInput
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
                print(report.renderedTable(currency: "GBP"))
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
        return .success
    }

    /// The store of `--store`, or W1 as `generate W1` writes it with the sizes and seed given, read back by the
    /// store loader from a temporary folder (removed once loaded).
    static func loadStore(_ options: ParsedArguments) throws -> LoadedStore {
        if let directory = options.text("store") { return try load(directory) }
        let workload = try GenerateCommand.w1Workload(options)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("vitrine-bench-w1-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try workload.makeStore().write(to: folder)
        return try load(folder)
    }

    private static func load(_ directory: String) throws -> LoadedStore {
        let (store, diagnostics) = StoreLoader.load(directory: directory)
        guard let store, !diagnostics.hasErrors else {
            FileHandle.standardError.write(Data(DiagnosticPrinter().render(diagnostics).utf8))
            throw BenchFailure.badInput
        }
        return store
    }
}
