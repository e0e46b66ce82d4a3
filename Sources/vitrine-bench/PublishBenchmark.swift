// `vitrine-bench publish`: the Publishing writer alone on a W1-sized site (8 segments × 10,000 product pages, each in
// its own folder, ~6 KB each), published from all cores: a full build into an empty output, a no-change rebuild
// (every page reused by fingerprint), a one-page change, and a rebuild that re-renders every page to the same bytes.
import Foundation
import Publishing

enum PublishBenchmark {
    static let command = BenchCommand(
        name: "publish", summary: "time the Publishing writer: full, no-change and one-change builds", positionals: [],
        options: [
            .count("pages", "pages to publish (default 80,000)", in: 1...Int.max),
            .path("output", "DIR", "where to publish (default: a folder in the temporary directory)"),
            .flag("no-sync", "skip the syncfs of each commit"),
        ], run: run)

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let pages = arguments.count("pages", default: 80_000)
        let output =
            arguments.text("output")
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-publish-bench").path
        let durable = !arguments.flag("no-sync")
        try? FileManager.default.removeItem(atPath: output)
        let pageCount = pages
        let filler = [UInt8](repeating: UInt8(ascii: "x"), count: 6000)

        /// The page `index` of a build in which page `changed` shows `price`.
        @Sendable func page(_ index: Int, changed: Int, price: Int) -> (OutputPath, Fingerprint, [UInt8]) {
            let shown = index == changed ? price : 1290
            var fingerprint = Fingerprint()
            fingerprint.add(index)
            fingerprint.add(shown)
            var bytes = Array("<html><h1>product \(index)</h1><p>\(shown)</p>".utf8)
            bytes += filler
            return (OutputPath("s\(index % 8)/p/product-\(index / 8)/index.html")!, fingerprint, bytes)
        }

        func build(_ name: String, changed: Int = -1, price: Int = 0, render: Bool = false) throws {
            let (summary, sample) = try Measure.time { () throws -> PublishSummary in
                let publisher = try Publisher(output: output, tree: "site", durable: durable)
                let failure = NSLock()
                nonisolated(unsafe) var firstError: PublishError?
                let workers = ProcessInfo.processInfo.activeProcessorCount
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for index in stride(from: worker, to: pageCount, by: workers) {
                        let (path, fingerprint, bytes) = page(index, changed: changed, price: price)
                        if !render && publisher.reuse(path, fingerprint: fingerprint) { continue }
                        do throws(PublishError) {
                            try publisher.publish(path, bytes: bytes, fingerprint: fingerprint)
                        } catch {
                            failure.lock()
                            firstError = firstError ?? error
                            failure.unlock()
                        }
                    }
                }
                if let firstError { throw firstError }
                return try publisher.commit()
            }
            print(
                "\(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(Measure.format(sample.wallSeconds, decimals: 3)) s wall"
                    + "  \(Measure.format(sample.cpuSeconds, decimals: 3)) CPU-s  written \(summary.written)"
                    + "  unchanged \(summary.unchanged)  removed \(summary.removed)  \(summary.bytesWritten) bytes")
        }

        print("publish \(pages) pages of ~6 KB into \(output)/site (\(durable ? "syncfs on commit" : "no sync"))")
        try build("full build")
        try build("no-change rebuild")
        try build("one-page change", changed: 4242 % pages, price: 1190)
        try build("re-rendered, same bytes", changed: 4242 % pages, price: 1190, render: true)
        print("peak RSS \(Measure.format(Measure.peakRSSMiB(), decimals: 1)) MiB")
        try? FileManager.default.removeItem(atPath: output)
        return .success
    }
}
