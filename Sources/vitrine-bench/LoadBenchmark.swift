import Diagnostics
import Foundation
import Store

/// `vitrine-bench load STORE [--runs N]`: times loading and cross-checking a whole store folder (the
/// issue's workload: a 1,000,000-line orders.csv and 100,000 customers), in this process, N times.
enum LoadBenchmark {
    static let command = BenchCommand(
        name: "load", summary: "time loading a store (orders + customers)",
        positionals: [.init(name: "STORE", help: "a store folder (as `generate W1` writes)")],
        options: [.count("runs", "timed runs (default 3)", in: 1...Int.max)], run: run)

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let directory = arguments.positionals[0]
        let runs = arguments.count("runs", default: 3)
        print("loading \(directory), \(runs) runs")
        var best = Double.infinity
        for run in 1...runs {
            let (result, sample) = Measure.time { StoreLoader.load(directory: directory) }
            guard let store = result.store, !result.diagnostics.hasErrors else {
                FileHandle.standardError.write(Data(DiagnosticPrinter().render(result.diagnostics).utf8))
                return .failure
            }
            // A checksum over what was loaded, so the work cannot be optimised away.
            let revenue = store.orders.reduce(Int64(0)) { $0 &+ $1.revenue.minorUnits }
            print(
                "run \(run): \(Measure.format(sample.wallSeconds)) s wall, \(Measure.format(sample.cpuSeconds)) s CPU — "
                    + "\(store.orders.count) order lines, \(store.customers.count) customers, \(store.products.count) products, revenue checksum \(revenue)"
            )
            best = min(best, sample.wallSeconds)
        }
        print("best: \(Measure.format(best)) s; peak RSS \(Measure.format(Measure.peakRSSMiB(), decimals: 0)) MiB")
        return .success
    }
}
