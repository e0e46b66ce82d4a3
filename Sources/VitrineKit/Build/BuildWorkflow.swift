import Diagnostics
import Dispatch
import Foundation
import Parallelism
import Publishing
import Recommendation
import Segmentation
import Site
import Store
import TextFormats

/// `vitrine build`: load the store, segment its customers, make the recommendations, plan every page of every
/// segment, and render in parallel on all cores, streaming each page to the one writer of `OUTPUT/site`. A page
/// whose fingerprint matches the previous build's is not rendered at all.
public enum BuildWorkflow {
    public struct Options: Sendable {
        public var store: String
        public var output: String
        /// The build date (coupon validity) and the day recency is counted from; default: today for coupons.
        public var asOf: Timestamp?
        /// Segment ids to build; empty: all.
        public var segments: [String]
        /// `(index, count)`, index from 0: render only the pages of this shard.
        public var shard: (index: Int, count: Int)?
        /// Theme folders, most specific first; nil: the store's theme, then the default.
        public var themeDirectories: [String]?
        /// Flush to disk before publishing (off in tests).
        public var durable: Bool
        /// The zlib level of the `.gz` siblings; nil: none.
        public var gzipLevel: Int? = BuildWorkflow.gzipLevel
        /// URLs per sitemap file (the protocol's 50,000; tests lower it to see the split).
        public var sitemapLimit = Sitemap.maximumURLs
        /// Where the store's secret is looked up when `store.json` names a variable; nil: the process's environment.
        public var environment: [String: String]?
        /// The store's state file, whose ingested engagement the segment rules read; nil: `<store>/state.sqlite`.
        public var state: String?

        public init(
            store: String, output: String = "Output", asOf: Timestamp? = nil, segments: [String] = [],
            shard: (index: Int, count: Int)? = nil, themeDirectories: [String]? = nil, durable: Bool = true,
            environment: [String: String]? = nil, state: String? = nil
        ) {
            self.environment = environment
            self.state = state
            self.store = store
            self.output = output
            self.asOf = asOf
            self.segments = segments
            self.shard = shard
            self.themeDirectories = themeDirectories
            self.durable = durable
        }
    }

    public struct Summary: Sendable, Equatable {
        /// Pages (and assets) this build produced.
        public var pages = 0
        /// Of those, pages rendered (the rest matched their fingerprint).
        public var rendered = 0
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        public var bytesWritten: Int64 = 0
        /// Of the files written, `.gz` siblings.
        public var compressed = 0
        public var seconds = 0.0
    }

    public struct Result: Sendable {
        public var diagnostics: DiagnosticEngine
        /// Nil when nothing was built (errors in the store, the theme or the output).
        public var summary: Summary?
        /// The store and theme were fine but the output could not be written.
        public var writeFailed = false
    }

    /// `progress(done, total)` is called from worker threads, often; the caller throttles what it prints.
    public static func run(_ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result {
        let start = DispatchTime.now()
        let today = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
        let buildInputs = inputsFingerprint(
            options, buildDay: (options.asOf ?? today).secondsSince1970 / Timestamp.secondsPerDay,
            themeFolders: themeFolders(options))
        if let stamp = Publisher.stamp(output: options.output, tree: "site"), stamp.inputs == buildInputs.hex {
            var summary = Summary()
            summary.pages = stamp.pages
            summary.unchanged = stamp.files
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return Result(diagnostics: DiagnosticEngine(), summary: summary)
        }
        var (loaded, diagnostics) = StoreLoader.load(directory: options.store)
        guard let store = loaded, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, summary: nil) }
        // The neighbour tables need the store alone: made on every core while the customers are segmented (mostly
        // one core's work) beside them.
        let segmenting = BackgroundWork {
            var findings = DiagnosticEngine()
            let report = SegmentsWorkflow.run(
                store, storeFolder: options.store, state: options.state, asOf: options.asOf,
                environment: options.environment, diagnostics: &findings)
            return (report, findings)
        }
        let found = PurchaseNeighbours(store)
        let segmented = segmenting.wait()
        diagnostics.merge(segmented.1)
        guard let report = segmented.0, !diagnostics.hasErrors else {
            return Result(diagnostics: diagnostics, summary: nil)
        }
        for id in options.segments where !store.segments.contains(where: { $0.id == id }) {
            diagnostics.error(
                "no segment \"\(id)\" in segments.json (segments: "
                    + store.segments.map(\.id).joined(separator: ", ") + ")",
                at: nil)
        }

        let directories =
            options.themeDirectories ?? ThemeLocation.searchPath(theme: store.settings.theme, store: options.store)
        let loadedTheme = SiteThemeLoader.load(directories: directories, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, summary: nil) }

        // The rankings (mostly one core's work) beside the picks of the wish-list pages.
        let ranking = BackgroundWork { recommendations(store, report: report, neighbours: found) }
        let wishlistPicks = picks(store, report: report, neighbours: found)
        let (perSegment, neighbours) = ranking.wait()
        let buildDate = options.asOf ?? today
        let inputs = SiteInputs(
            store: store, ranking: perSegment, neighbours: neighbours, buildDate: buildDate, theme: loadedTheme.theme,
            onlySegments: options.segments.isEmpty ? nil : Set(options.segments))
        guard let plan = SitePlan.make(inputs, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            return Result(diagnostics: diagnostics, summary: nil)
        }
        guard
            let personal = personalPlan(
                store, report: report, plan: plan, picks: wishlistPicks, options: options, diagnostics: &diagnostics)
        else { return Result(diagnostics: diagnostics, summary: nil) }

        let shard = options.shard
        // Personal pages belong to the first shard.
        let personalItems = shard.map { $0.index == 0 ? personal.items : [] } ?? personal.items
        let pages =
            shard.map { shard in plan.pages.filter { plan.shard(of: $0, count: shard.count) == shard.index } }
            ?? plan.pages
        // A shard removes only the previous build's pages of its own slice; assets belong to every shard.
        var scope: (@Sendable (OutputPath) -> Bool)?
        if let shard {
            var shardOfPath: [String: Int] = [:]
            shardOfPath.reserveCapacity(plan.pages.count)
            for page in plan.pages { shardOfPath[plan.path(page)] = plan.shard(of: page, count: shard.count) }
            for item in personal.items { shardOfPath[personal.path(item)] = 0 }
            let owned = shardOfPath
            scope = { path in (owned[path.string] ?? shard.index) == shard.index }
        }
        // From here the published files may change: the stamp of the previous build no longer describes them.
        Publisher.forgetStamp(output: options.output, tree: "site")
        let publisher: Publisher
        do {
            publisher = try Publisher(
                output: options.output, tree: "site", removalScope: scope, durable: options.durable,
                gzipLevel: options.gzipLevel)
        } catch {
            diagnostics.error("cannot publish to \(options.output)/site: \(error)", at: nil)
            return Result(diagnostics: diagnostics, summary: nil, writeFailed: true)
        }

        let failure = Failure()
        for (path, bytes) in loadedTheme.assetFiles {
            guard let outputPath = OutputPath(path) else { continue }
            var fingerprint = Fingerprint()
            fingerprint.add(bytes)
            if publisher.reuse(outputPath, fingerprint: fingerprint) { continue }
            do { try publisher.publish(outputPath, bytes: bytes, fingerprint: fingerprint) } catch {
                failure.record("cannot write \(path): \(error)")
            }
        }

        let surroundings = publishSurroundings(
            plan, limit: options.sitemapLimit, publisher: publisher, failure: failure)
        var rendered = render(pages, plan: plan, publisher: publisher, failure: failure, progress: progress)
        rendered += renderPersonal(personalItems, plan: personal, publisher: publisher, failure: failure)
        if let message = failure.message {
            diagnostics.error(message, at: nil)
            return Result(diagnostics: diagnostics, summary: nil, writeFailed: true)
        }
        let published: PublishSummary
        do { published = try publisher.commit() } catch {
            diagnostics.error("cannot publish \(options.output)/site: \(error)", at: nil)
            return Result(diagnostics: diagnostics, summary: nil, writeFailed: true)
        }
        if let message = writeNginxConfig(plan, output: options.output, durable: options.durable) {
            diagnostics.error(message, at: nil)
            return Result(diagnostics: diagnostics, summary: nil, writeFailed: true)
        }
        var summary = Summary()
        if shard.map({ $0.index == 0 }) ?? true {
            do {
                let exported = try publishExports(personal, options: options)
                summary.written += exported.written
                summary.unchanged += exported.unchanged
                summary.removed += exported.removed
                summary.bytesWritten += exported.bytesWritten
            } catch {
                diagnostics.error("cannot publish \(options.output)/coupons: \(error)", at: nil)
                return Result(diagnostics: diagnostics, summary: nil, writeFailed: true)
            }
        }
        summary.pages = pages.count + personalItems.count + loadedTheme.assetFiles.count + surroundings
        summary.compressed = published.compressed
        summary.rendered = rendered
        summary.written += published.written
        summary.unchanged += published.unchanged
        summary.removed += published.removed
        summary.bytesWritten += published.bytesWritten
        // What this build saw of the stock, for the next build's "back in stock" marks; then the stamp, taken of the
        // inputs as they stand now (the state file included), so that the next build with no change does nothing.
        do {
            try StockHistory.record(
                store, state: options.state ?? options.store + "/state.sqlite", day: buildDate.day)
        } catch {
            diagnostics.warning("the stock history was not recorded: \(error)", at: nil)
        }
        let inputsNow = inputsFingerprint(
            options, buildDay: buildDate.secondsSince1970 / Timestamp.secondsPerDay, themeFolders: themeFolders(options)
        )
        try? Publisher.record(
            BuildStamp(inputs: inputsNow, pages: summary.pages, files: summary.written + summary.unchanged),
            output: options.output, tree: "site")
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Result(diagnostics: diagnostics, summary: summary)
    }

    /// The per-segment ranking and the "also bought" neighbours, made with the settings every other command uses.
    static func recommendations(
        _ store: LoadedStore, report: SegmentReport, neighbours found: PurchaseNeighbours
    ) -> ([[Int32]], [[Int32]]) {
        let settings = RecommendationSettings()
        let similarity = found.similarity
        let ranking = settings.segmentRanking(
            matrix: found.matrix, orders: store.orders, products: store.products, assignment: report.assignment)
        let perSegment = (0..<store.segments.count).map { Array(ranking.ranking(of: $0)) }
        let neighbours = (0..<store.products.count).map { product in
            similarity.neighbours(of: product).prefix(16).map(\.item)
        }
        return (perSegment, neighbours)
    }

    /// Renders the pages on every core in chunks, each worker into its own reused buffer, publishing as it goes.
    static func render(
        _ pages: [Page], plan: SitePlan, publisher: Publisher, failure: Failure,
        progress: (@Sendable (Int, Int) -> Void)?
    ) -> Int {
        renderInParallel(
            pages, publisher: publisher, failure: failure, progress: progress, pathsArePrivate: false,
            path: { plan.path($0) }, fingerprint: { plan.fingerprint($0) }, render: { plan.render($0, into: &$1) })
    }

    /// Renders `items` on every core in chunks of 64, each worker into one reused buffer; an item whose fingerprint
    /// the previous build published is neither rendered nor written. Returns how many were rendered. With
    /// `pathsArePrivate` (personal pages: the path carries a token), a failure names the kind of page, never its path.
    static func renderInParallel<Item: Sendable>(
        _ items: [Item], publisher: Publisher, failure: Failure, progress: (@Sendable (Int, Int) -> Void)?,
        pathsArePrivate: Bool, path: @escaping @Sendable (Item) -> String,
        fingerprint: @escaping @Sendable (Item) -> Fingerprint,
        render: @escaping @Sendable (Item, inout [UInt8]) -> Void
    ) -> Int {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let counter = Counter(total: items.count, workers: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(64 << 10)
            var rendered = 0
            while failure.message == nil, let range = counter.next(64, worker: worker) {
                for item in items[range] {
                    let relative = path(item)
                    let shown = pathsArePrivate ? "a personal page" : relative
                    guard let outputPath = OutputPath(relative) else {
                        failure.record("internal error: the writer refused the path of \(shown)")
                        return
                    }
                    let itemFingerprint = fingerprint(item)
                    if publisher.reuse(outputPath, fingerprint: itemFingerprint) { continue }
                    buffer.removeAll(keepingCapacity: true)
                    render(item, &buffer)
                    rendered += 1
                    do throws(PublishError) {
                        try publisher.publish(outputPath, bytes: buffer, fingerprint: itemFingerprint)
                    } catch {
                        failure.record("cannot write \(shown): \(pathsArePrivate ? "\(error.reason)" : "\(error)")")
                        return
                    }
                }
                progress?(counter.finished(range.count), items.count)
            }
            counter.addRendered(rendered)
        }
        return counter.rendered
    }

    /// Hands out chunks of the page list and counts what is done.
    ///
    /// Each worker starts on its own contiguous part of the list (pages come grouped by folder: a segment's product
    /// pages, wish lists, coupons), so two workers rarely create entries in the same folder at once, where the
    /// kernel serialises them on the folder's lock. A worker whose part is done takes chunks from the back of the
    /// part with the most left, away from where its owner works.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        /// The unclaimed rest of each worker's part.
        private var parts: [Range<Int>]
        private var done = 0
        private(set) var rendered = 0

        init(total: Int, workers: Int) {
            parts = (0..<workers).map { total * $0 / workers..<total * ($0 + 1) / workers }
        }

        func next(_ size: Int, worker: Int) -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            let own = parts[worker]
            if !own.isEmpty {
                let range = own.lowerBound..<min(own.upperBound, own.lowerBound + size)
                parts[worker] = range.upperBound..<own.upperBound
                return range
            }
            guard let fullest = parts.indices.max(by: { parts[$0].count < parts[$1].count }), !parts[fullest].isEmpty
            else { return nil }
            let rest = parts[fullest]
            let range = max(rest.lowerBound, rest.upperBound - size)..<rest.upperBound
            parts[fullest] = rest.lowerBound..<range.lowerBound
            return range
        }

        func finished(_ count: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            done += count
            return done
        }

        func addRendered(_ count: Int) {
            lock.lock()
            rendered += count
            lock.unlock()
        }
    }

    /// The first failure of any worker; the others stop at their next chunk.
    final class Failure: @unchecked Sendable {
        private let lock = NSLock()
        private var first: String?

        var message: String? {
            lock.lock()
            defer { lock.unlock() }
            return first
        }

        func record(_ message: String) {
            lock.lock()
            if first == nil { first = message }
            lock.unlock()
        }
    }
}
