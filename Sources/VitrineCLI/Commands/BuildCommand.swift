import Foundation
import VitrineKit

/// `vitrine build [STORE] [--store DIR] [--output DIR] [--as-of DATE] [--segment ID]… [--shard i/n] [--state FILE] [--quiet]
/// [--json]`
enum BuildCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "build", summary: "Render every segment's catalog into OUTPUT/site, writing only what changed.",
            positionals: [.init(name: "STORE", help: "The store folder (same as --store).", isOptional: true)],
            options: [
                CommonOptions.store, CommonOptions.output,
                .value("as-of", "DATE", "The build date: coupons valid on it are offered (default: today)."),
                .value("segment", "ID", "Build only this segment (repeat for several; default: all)."),
                .value(
                    "gzip", "LEVEL",
                    "The zlib level of the .gz sibling of every compressible file, 1 to 9, or off (default: 9)."),
                .value("shard", "I/N", "Render only slice I of N (1 ≤ I ≤ N); N shards together make the full site."),
                .value(
                    "state", "FILE",
                    "The store's state file, whose ingested engagement rules read (default: STORE/state.sqlite)."),
                CommonOptions.quiet, CommonOptions.json,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> ExitCode {
        let store = try CommonOptions.storeDirectory(arguments)
        let output = arguments.value("output") ?? "Output"
        let options: BuildWorkflow.Options
        do {
            options = try BuildWorkflow.Options(
                store: store, output: output, asOf: arguments.value("as-of"), segments: arguments.allValues("segment"),
                shard: arguments.value("shard"), gzip: arguments.value("gzip"), state: arguments.value("state"))
        } catch {
            throw UsageError(message: error.message)
        }
        let quiet = arguments.flag("quiet") || arguments.flag("json")
        let bar = !quiet && isatty(2) == 1 ? ProgressBar(console: console, unit: "pages") : nil
        var progress: (@Sendable (Int, Int) -> Void)?
        if let bar { progress = { done, total in bar.update(done: done, total: total) } }
        let result = BuildWorkflow.run(options, progress: progress)
        bar?.clear()
        console.print(result.diagnostics)
        guard let summary = result.summary else {
            return result.writeFailed
                ? .failure : ExitCode(diagnostics: result.diagnostics) == .failure ? .failure : .badInput
        }
        if arguments.flag("json") {
            console.out(summary.renderedJSON(output: output))
        } else if !arguments.flag("quiet") {
            console.out(summary.renderedLine(output: output))
        }
        return .success
    }

    /// Items (pages, messages) done / total, rate and time left on one line of the terminal, redrawn at most ten
    /// times a second and erased at the end.
    final class ProgressBar: @unchecked Sendable {
        private let console: Console
        private let unit: String
        private let lock = NSLock()
        private let start = Date()
        private var lastDraw = Date.distantPast
        private var drawn = false

        init(console: Console, unit: String) {
            self.console = console
            self.unit = unit
        }

        func update(done: Int, total: Int) {
            lock.lock()
            defer { lock.unlock() }
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total, total > 0 else { return }
            lastDraw = now
            let elapsed = max(0.001, now.timeIntervalSince(start))
            let rate = Double(done) / elapsed
            let left = rate > 0 ? Double(total - done) / rate : 0
            let width = 30
            let filled = width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            console.err(
                "\r\u{1B}[2K\(bar) \(BuildWorkflow.Summary.grouped(done))/\(BuildWorkflow.Summary.grouped(total)) \(unit)  "
                    + "\(BuildWorkflow.Summary.grouped(Int(rate))) \(unit)/s  ETA \(Int(left.rounded())) s")
            drawn = true
        }

        func clear() {
            lock.lock()
            defer { lock.unlock() }
            if drawn { console.err("\r\u{1B}[2K") }
        }
    }
}
