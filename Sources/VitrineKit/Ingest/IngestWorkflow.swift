import AccessLog
import Diagnostics
import Dispatch
import EventStore
import Foundation
import Ingest
import Mail
import Store
import Tracking

/// `vitrine ingest FILE…`: each access log read from where the last run stopped, every tracked request verified,
/// classified and counted, and committed to the store's state file in batches, each batch in ONE transaction with
/// the file's new offset: a run killed at any moment loses and duplicates nothing.
///
/// Two ingests of one store are serialised by an `flock` on `<state>.ingest.lock`, held for the whole run. SQLite's
/// own write lock (BEGIN IMMEDIATE) orders single transactions only: two runs would both read the same checkpoint,
/// then both commit the lines after it, and count them twice. The lock makes "read the checkpoint, read the lines,
/// commit" one critical section; the kernel drops it when the holder dies, even by SIGKILL.
public enum IngestWorkflow {
    public struct Options: Sendable {
        public var store: String
        public var files: [String]
        /// The state file; nil: `<store>/state.sqlite`.
        public var state: String?
        /// The log's layout; nil: combined or vitrine's `log_format vitrine` (combined + `$request_time`), told
        /// line by line.
        public var format: LogFormat?
        /// Lines per transaction.
        public var batchLines: Int
        /// Where the store's secret is looked up when `store.json` names a variable; nil: the process's environment.
        public var environment: [String: String]?

        public init(
            store: String, files: [String], state: String? = nil, format: LogFormat? = nil, batchLines: Int = 1_000_000,
            environment: [String: String]? = nil
        ) {
            self.store = store
            self.files = files
            self.state = state
            self.format = format
            self.batchLines = max(1, batchLines)
            self.environment = environment
        }
    }

    /// What one file gave.
    public struct FileSummary: Sendable, Equatable {
        public var path: String
        /// The line the run started at (0 for a new file; the checkpoint's for a file read before).
        public var resumedAtLine: Int64 = 0
        /// Lines read this run, whatever became of them.
        public var lines = 0
        /// Lines that gave no request, by problem (`malformed`, `truncated`, `not_utf8`, `gigantic`, `empty`).
        public var problems: [String: Int] = [:]
        /// The aggregator's counters for this file (`IngestCounters.entries` names).
        public var counters: [String: Int] = [:]
        /// Human events by kind (`open`, `click`, `view`, `unsubscribe`, `opt_out`).
        public var humanByKind: [String: Int] = [:]
        /// Events by class (`human`, `bot`, `error`, `machine_open`, `scanner`).
        public var byClass: [String: Int] = [:]
        /// Unsubscribes and opt-outs whose pseudonym names no customer of the store (recorded nowhere).
        public var unresolved = 0
        /// Why the file could not be read (or its batch not stored); nil when it was.
        public var failure: String?
    }

    public struct Summary: Sendable, Equatable {
        public var files: [FileSummary] = []
        public var seconds = 0.0
    }

    public struct Result: Sendable {
        public var diagnostics: DiagnosticEngine
        /// Nil when nothing could be ingested (bad store, state file unusable); a file that could not be read is in
        /// the summary with its `failure`.
        public var summary: Summary?
        /// A failure of the world: the state file, the lock, or a file that could not be read.
        public var failed: Bool
    }

    /// The link targets the mail composer names besides product slugs.
    static let linkTargets = RecipientLinks.Target.pages.compactMap(\.pageName)

    public static func run(_ options: Options, waiting: (() -> Void)? = nil) -> Result {
        let start = DispatchTime.now()
        var (loaded, diagnostics) = StoreLoader.load(directory: options.store)
        guard let store = loaded, !diagnostics.hasErrors else {
            return Result(diagnostics: diagnostics, summary: nil, failed: false)
        }
        let keyring: TrackingKeyring
        do {
            keyring = try TrackingKeyring(
                settings: store.settings, storeFolder: options.store,
                environment: options.environment ?? ProcessInfo.processInfo.environment)
        } catch {
            diagnostics.error("ingest needs the store's tracking keys to verify tokens: \(error)", at: nil)
            return Result(diagnostics: diagnostics, summary: nil, failed: false)
        }
        let tags: TrackingTags
        do {
            tags = try TrackingTags(
                campaigns: store.campaigns.map(\.id), segments: store.segments.map(\.id),
                targets: store.products.map(\.slug) + linkTargets)
        } catch {
            diagnostics.error("\(error)", at: nil)
            return Result(diagnostics: diagnostics, summary: nil, failed: false)
        }
        let statePath = options.state ?? options.store + "/state.sqlite"
        let lock: IngestLock
        let events: EventStore
        do {
            lock = try IngestLock(path: statePath + ".ingest.lock", waiting: waiting)
            events = try EventStore(path: statePath)
            try events.setCacheSize(megabytes: 64)
        } catch {
            diagnostics.error("\(error)", at: nil)
            return Result(diagnostics: diagnostics, summary: nil, failed: true)
        }
        defer { lock.release() }
        let reading = LogIngest(
            keyring: keyring, tags: tags,
            directory: RecipientDirectory(customerIDs: store.customers.map(\.id), keyring: keyring),
            parsers: options.format.map { [LogParser(format: $0)] }
                ?? [LogParser(format: .vitrine), LogParser(format: .combined)],
            batchLines: options.batchLines)
        var summary = Summary()
        var failed = false
        for path in options.files {
            let file = reading.ingest(path: path, into: events)
            if let failure = file.failure {
                diagnostics.error("\(path): \(failure)", at: nil)
                failed = true
            }
            summary.files.append(file)
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Result(diagnostics: diagnostics, summary: summary, failed: failed)
    }
}
