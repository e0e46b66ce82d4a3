import Foundation
import VitrineKit

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

extension ProgressBar {
    /// Runs `work` with a bar on stderr when stderr is a terminal and neither `--quiet` nor `--json` is given, and
    /// erases the bar when the work ends.
    static func around<Result>(
        _ arguments: ParsedArguments, _ console: Console, unit: String,
        _ work: ((@Sendable (Int, Int) -> Void)?) -> Result
    ) -> Result {
        let quiet = arguments.flag("quiet") || arguments.flag("json")
        guard !quiet, isatty(2) == 1 else { return work(nil) }
        let bar = ProgressBar(console: console, unit: unit)
        let result = work { done, total in bar.update(done: done, total: total) }
        bar.clear()
        return result
    }
}
