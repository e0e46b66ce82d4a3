import Foundation
import Recommendation
import Segmentation
import Store
import TextFormats
import VitrineKit

/// `vitrine-bench segments w1 [--products N --customers N --orders N] [--runs N]`: metrics, segment assignment and
/// every recommendation on a synthetic W1-scale store held in memory, timed, with peak memory.
///
/// `vitrine-bench segments uci [--data FILE] [--tune] [--neighbours K --half-life DAYS --damping A --iuf on|off]`:
/// recommendation quality on the UCI Online Retail transactions, trained on 2010-12 … 2011-04 and tested on
/// 2011-05, against the popularity baseline. `--tune` first chooses the settings on a validation split inside the
/// training months (train … 2011-03, validate on 2011-04) and never looks at May.
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
        func double(_ name: String, _ fallback: Double?) -> Double? {
            guard let text = values[name] else { return fallback }
            return text == "off" ? nil : Double(text)
        }
    }

    /// VmHWM (peak resident set) from /proc/self/status, in bytes; 0 where unavailable.
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return digits * 1024
        }
        return 0
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    // MARK: - UCI Online Retail

    static func runUCI(_ options: Options) throws -> Int32 {
        let path = options.values["--data"] ?? "/work/shared/data/transactions/online_retail_2010-12_to_2011-05.csv"
        let start = DispatchTime.now()
        let (data, summary) = try OnlineRetailStore.load(path: path)
        print(
            "loaded \(summary.rows) rows in \(String(format: "%.2f", seconds(since: start))) s: kept \(summary.kept) lines, "
                + "\(data.customers.count) customers, \(data.products.count) products; dropped \(summary.withoutCustomer) "
                + "without customer, \(summary.cancellations) cancellation lines, \(summary.notPositive) with quantity or "
                + "price <= 0, \(summary.nonProduct) non-product codes")
        func day(_ year: Int64, _ month: Int64) -> Timestamp {
            Timestamp(secondsSince1970: CivilDate.daysSince1970(year: year, month: month, day: 1) * 86_400)
        }
        var settings = OnlineRetailEvaluation.Settings(
            similarity: .init(
                neighbours: options.int("--neighbours", 100),
                inverseUserFrequency: (options.values["--iuf"] ?? "on") == "on"),
            picks: .init(
                count: 10, recencyHalfLifeDays: options.double("--half-life", 60),
                popularityDamping: options.double("--damping", 0) ?? 0,
                popularityBlend: options.double("--blend", 0) ?? 0,
                similarityExponent: options.double("--exponent", 1) ?? 1,
                categoryBoost: options.double("--category-boost", 0) ?? 0),
            popularityHalfLifeDays: options.double("--popularity-half-life", nil))
        if options.flags.contains("--tune") {
            print("\ntuning on train 2010-12 … 2011-03, validation 2011-04 (May unseen):")
            let trials = OnlineRetailEvaluation.tune(data, validateFrom: day(2011, 4), validateUntil: day(2011, 5))
            for trial in trials.prefix(10) { print("  \(describe(trial.outcome))  \(trial.settings)") }
            settings = trials[0].settings
            print("chosen: \(settings)")
        }
        // --validate: the April validation split instead of May, for exploring settings without seeing May.
        let validate = options.flags.contains("--validate")
        let outcome = OnlineRetailEvaluation.evaluate(
            data, testFrom: day(2011, validate ? 4 : 5), testUntil: day(2011, validate ? 5 : 6), settings: settings)
        print(
            "\ntest: train 2010-12 … 2011-04 (\(outcome.trainLines) lines), test 2011-05 (\(outcome.testLines) lines), "
                + "\(outcome.picks.customers) customers with new products (\(outcome.coldCustomers) without history), "
                + "settings \(settings)")
        print("all:          " + describe(outcome))
        var warm = outcome
        warm.picks = outcome.picksWithHistory
        warm.baseline = outcome.baselineWithHistory
        print("with history: " + describe(warm))
        return 0
    }

    static func describe(_ outcome: OnlineRetailEvaluation.Outcome) -> String {
        func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
        let p = outcome.picks
        let b = outcome.baseline
        return "picks hit@10 \(percent(p.hitRate)) recall@10 \(percent(p.macroRecall)) (micro \(percent(p.microRecall)))"
            + " | popularity hit@10 \(percent(b.hitRate)) recall@10 \(percent(b.macroRecall)) "
            + "(micro \(percent(b.microRecall))) | ratio hit \(String(format: "%.2f", outcome.hitRateRatio))× "
            + "recall \(String(format: "%.2f", outcome.recallRatio))×"
    }

    static func runW1(_ options: Options) throws -> Int32 {
        print("w1: not yet")
        return 1
    }
}
