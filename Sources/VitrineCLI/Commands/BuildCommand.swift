import Foundation
import TextFormats
import VitrineKit

/// `vitrine build [STORE] [--store DIR] [--output DIR] [--as-of DATE] [--segment ID]… [--shard i/n] [--quiet] [--json]`
enum BuildCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "build", summary: "Render every segment's catalog into OUTPUT/site, writing only what changed.",
            positionals: [.init(name: "STORE", help: "The store folder (same as --store).", isOptional: true)],
            options: [
                CommonOptions.store, CommonOptions.output,
                .value("as-of", "DATE", "The build date: coupons valid on it are offered (default: today)."),
                .value("segment", "ID", "Build only this segment (repeat for several; default: all)."),
                .value("shard", "I/N", "Render only slice I of N (1 ≤ I ≤ N); N shards together make the full site."),
                CommonOptions.quiet, CommonOptions.json,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) -> ExitCode {
        var asOf: Timestamp?
        if let text = arguments.value("as-of") {
            switch ISO8601.parse(text) {
            case .success(let timestamp): asOf = timestamp
            case .failure(let failure):
                console.err("vitrine build: error: invalid --as-of \"\(text)\": \(failure)\n")
                return .badInput
            }
        }
        var shard: (index: Int, count: Int)?
        if let text = arguments.value("shard") {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 1,
                index <= count
            else {
                console.err(
                    "vitrine build: error: invalid --shard \"\(text)\": expected I/N with 1 ≤ I ≤ N, e.g. 2/4\n")
                return .badInput
            }
            shard = (index - 1, count)
        }
        let output = arguments.value("output") ?? "Output"
        let options = BuildWorkflow.Options(
            store: CommonOptions.storeDirectory(arguments), output: output, asOf: asOf,
            segments: arguments.allValues("segment"), shard: shard)
        let quiet = arguments.flag("quiet") || arguments.flag("json")
        let bar = !quiet && isatty(2) == 1 ? ProgressBar(console: console) : nil
        var progress: (@Sendable (Int, Int) -> Void)?
        if let bar { progress = { done, total in bar.update(done: done, total: total) } }
        let result = BuildWorkflow.run(options, progress: progress)
        bar?.clear()
        console.print(result.diagnostics)
        guard let summary = result.summary else {
            return result.writeFailed ? .failure : .badInput
        }
        if arguments.flag("json") {
            console.out(
                JSONOutput.object([
                    ("output", .string(output + "/site")), ("pages", .int(summary.pages)),
                    ("rendered", .int(summary.rendered)), ("written", .int(summary.written)),
                    ("unchanged", .int(summary.unchanged)), ("removed", .int(summary.removed)),
                    ("bytes_written", .number(String(summary.bytesWritten))),
                    ("seconds", .number(String(format: "%.3f", summary.seconds))),
                ]).serialized())
        } else if !arguments.flag("quiet") {
            console.out(
                "\(output)/site: \(grouped(summary.pages)) pages, \(grouped(summary.written)) written, "
                    + "\(grouped(summary.unchanged)) unchanged, \(grouped(summary.removed)) removed, "
                    + "\(megabytes(summary.bytesWritten)) in \(String(format: "%.1f", summary.seconds)) s\n")
        }
        return .success
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes < 1_000_000 ? "\(grouped(Int(bytes))) bytes" : String(format: "%.1f MB", Double(bytes) / 1e6)
    }

    /// Pages done / total, rate and time left on one line of the terminal, redrawn at most ten times a second and
    /// erased at the end.
    final class ProgressBar: @unchecked Sendable {
        private let console: Console
        private let lock = NSLock()
        private let start = Date()
        private var lastDraw = Date.distantPast
        private var drawn = false

        init(console: Console) { self.console = console }

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
                "\r\u{1B}[2K\(bar) \(BuildCommand.grouped(done))/\(BuildCommand.grouped(total)) pages  "
                    + "\(BuildCommand.grouped(Int(rate))) pages/s  ETA \(Int(left.rounded())) s")
            drawn = true
        }

        func clear() {
            lock.lock()
            defer { lock.unlock() }
            if drawn { console.err("\r\u{1B}[2K") }
        }
    }
}
