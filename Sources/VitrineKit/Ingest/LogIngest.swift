import AccessLog
import EventStore
import Foundation
import Ingest
import Tracking

/// Reads one log file from its checkpoint to its last complete line, feeding every request to an `EventAggregator`,
/// and commits each batch (events, counters, suppressions, opt-outs) with the file's new offset in one transaction.
///
/// A file is found again by its content (`FileIdentity`: a hash of its first 4096 decompressed bytes), so a rotated
/// copy (`access.log.1`, `access.log.2.gz`) resumes where its former self stopped and a file read to its end adds
/// nothing. A checkpoint taken while the file was shorter than 4096 bytes is matched by `LogReader.continues(_:)`
/// and replaced by the longer identity in the same transaction.
struct LogIngest {
    let keyring: TrackingKeyring
    let tags: TrackingTags
    let directory: RecipientDirectory
    /// Tried in order; the one that parsed the last line goes first (a log is usually of one format).
    let parsers: [LogParser]
    let batchLines: Int

    /// The problem names of the summary and their counter names in the state file.
    static let problemNames: [(LineProblem, summary: String, counter: String)] = [
        (.malformed, "malformed", "malformed_lines"), (.truncated, "truncated", "truncated_lines"),
        (.notUTF8, "not_utf8", "not_utf8_lines"), (.gigantic, "gigantic", "gigantic_lines"),
        (.empty, "empty", "empty_lines"),
    ]

    func ingest(path: String, into events: EventStore) -> IngestWorkflow.FileSummary {
        var summary = IngestWorkflow.FileSummary(path: path)
        var reader: LogReader
        do { reader = try LogReader(path: path) } catch {
            summary.failure = Self.describe(error)
            return summary
        }
        let identity = reader.identity
        let identityText = Self.hex(identity.prefixHash)
        var previousIdentity: String?
        var checkpoint: Checkpoint?
        do {
            if let found = try events.checkpoint(identity: identityText), found.identityLength == identity.prefixLength
            {
                checkpoint = found
            } else {
                // A checkpoint of this file taken when it was shorter: its identity covered fewer bytes.
                for earlier in try events.checkpoints()
                where earlier.identityLength > 0 && earlier.identityLength < identity.prefixLength {
                    guard let hash = UInt64(earlier.identity, radix: 16) else { continue }
                    let shorter = FileIdentity(
                        device: UInt64(bitPattern: earlier.device), inode: UInt64(bitPattern: earlier.inode),
                        prefixLength: earlier.identityLength, prefixHash: hash)
                    if reader.continues(shorter) {
                        checkpoint = earlier
                        previousIdentity = earlier.identity
                        break
                    }
                }
            }
            if let checkpoint, checkpoint.offset > 0 {
                reader = try LogReader(path: path, startingAt: checkpoint.offset)
            }
        } catch let error as LogReaderError {
            summary.failure = Self.describe(error)
            return summary
        } catch {
            summary.failure = "\(error)"
            return summary
        }
        let startLine = checkpoint?.lines ?? 0
        summary.resumedAtLine = startLine
        var committedOffset = checkpoint?.offset ?? 0

        var aggregator = EventAggregator(keyring: keyring, tags: tags)
        var committedCounters = IngestCounters()
        var problems = [Int](repeating: 0, count: Self.problemNames.count)
        var committedProblems = problems
        var sinceCommit = 0
        var storeFailure: String?
        var preferred = 0
        let parsers = self.parsers

        func commit() {
            let batch = aggregator.drain()
            var counts: [EventCount] = []
            counts.reserveCapacity(batch.events.count)
            // Summed by raw value, named once per batch: a dictionary update per event costs a string hash.
            var humanByKind = [Int](repeating: 0, count: 8)
            var byClass = [Int](repeating: 0, count: 8)
            // The aggregator hands them over near the tables' key order already.
            for event in batch.events {
                counts.append(Self.eventCount(event))
                if event.eventClass == .human { humanByKind[Int(event.kind.rawValue)] += event.count }
                byClass[Int(event.eventClass.rawValue)] += event.count
            }
            for kind in Ingest.EventKind.allCases where humanByKind[Int(kind.rawValue)] > 0 {
                summary.humanByKind[Self.name(kind), default: 0] += humanByKind[Int(kind.rawValue)]
            }
            for eventClass in EventClass.allCases where byClass[Int(eventClass.rawValue)] > 0 {
                summary.byClass[Self.name(eventClass), default: 0] += byClass[Int(eventClass.rawValue)]
            }
            var counters: [String: Int] = [:]
            let now = aggregator.counters.entries
            let before = committedCounters.entries
            for index in now.indices where now[index].value != before[index].value {
                counters[now[index].name] = now[index].value - before[index].value
            }
            for index in problems.indices where problems[index] != committedProblems[index] {
                counters[Self.problemNames[index].counter] = problems[index] - committedProblems[index]
            }
            var suppressions: [StoredSuppression] = []
            for unsubscribe in batch.unsubscribes {
                guard let customer = directory.customerID(of: unsubscribe.recipient, keyID: unsubscribe.keyID) else {
                    summary.unresolved += 1
                    continue
                }
                suppressions.append(
                    StoredSuppression(
                        customer: customer, reason: .unsubscribed, at: unsubscribe.at,
                        source: unsubscribe.campaign ?? "log"))
            }
            var optOuts: [TrackingOptOut] = []
            for optOut in batch.optOuts {
                guard let customer = directory.customerID(of: optOut.recipient, keyID: optOut.keyID) else {
                    summary.unresolved += 1
                    continue
                }
                optOuts.append(TrackingOptOut(customer: customer, at: optOut.at))
            }
            let file = Checkpoint(
                identity: identityText, identityLength: identity.prefixLength,
                device: Int64(bitPattern: identity.device), inode: Int64(bitPattern: identity.inode), path: path,
                offset: reader.offset, lines: startLine + Int64(summary.lines),
                updated: Int64(Date().timeIntervalSince1970))
            do {
                try events.commitIngestBatch(
                    file: file, previousIdentity: previousIdentity, events: counts, counters: counters,
                    suppressions: suppressions, optOuts: optOuts)
            } catch {
                storeFailure = "\(error)"
                return
            }
            previousIdentity = nil
            committedOffset = reader.offset
            committedCounters = aggregator.counters
            committedProblems = problems
            sinceCommit = 0
        }

        // The reader's offset is the end of the previous line while a line is handed over: a batch is committed
        // before the line that would exceed it, so the stored offset always matches what was counted.
        func beginLine() -> Bool {
            if sinceCommit >= batchLines { commit() }
            guard storeFailure == nil else { return false }
            summary.lines += 1
            sinceCommit += 1
            return true
        }

        do throws(LogReaderError) {
            try reader.forEachLine(
                { line in
                    guard beginLine() else { return }
                    var problem = parsers[preferred].parse(line) { record in
                        aggregator.add(Self.request(record))
                    }
                    if let first = problem, parsers.count > 1, first == .malformed || first == .truncated {
                        for index in parsers.indices where index != preferred {
                            let other = parsers[index].parse(line) { record in aggregator.add(Self.request(record)) }
                            if other == nil {
                                preferred = index
                                problem = nil
                                break
                            }
                        }
                    }
                    if let problem { problems[Self.problemIndex(problem)] += 1 }
                },
                problem: { problem in
                    guard beginLine() else { return }
                    problems[Self.problemIndex(problem)] += 1
                })
        } catch {
            summary.failure = Self.describe(error)
        }
        if storeFailure == nil, sinceCommit > 0 || reader.offset != committedOffset || previousIdentity != nil {
            commit()
        }
        if let storeFailure { summary.failure = storeFailure }
        summary.counters = Dictionary(uniqueKeysWithValues: committedCounters.entries.map { ($0.name, $0.value) })
        for (index, entry) in Self.problemNames.enumerated() where committedProblems[index] > 0 {
            summary.problems[entry.summary] = committedProblems[index]
        }
        return summary
    }

    @inline(__always)
    static func request(_ record: borrowing LogRecord) -> RequestView {
        RequestView(
            address: record.address, time: record.time, method: record.method, target: record.target,
            status: record.status, userAgent: record.userAgent)
    }

    static func problemIndex(_ problem: LineProblem) -> Int {
        switch problem {
        case .malformed: 0
        case .truncated: 1
        case .notUTF8: 2
        case .gigantic: 3
        case .empty: 4
        }
    }

    /// The stored row of an aggregated event. The recipient column holds the key id above the 40-bit pseudonym, so
    /// pseudonyms of two keys never merge and `RecipientDirectory` can resolve each under its own key.
    static func eventCount(_ event: AggregatedEvent) -> EventCount {
        EventCount(
            kind: storedKind(event.kind), traffic: storedClass(event.eventClass), campaign: event.campaign ?? "",
            segment: event.segment ?? "", recipient: Int64(event.keyID & 0x0F) << 40 | Int64(event.recipient),
            target: event.target ?? "", day: Int64(event.day), count: Int64(event.count), firstAt: event.firstAt,
            lastAt: event.lastAt)
    }

    static func storedKind(_ kind: Ingest.EventKind) -> StoredEventKind {
        switch kind {
        case .open: .open
        case .click: .click
        case .view: .view
        case .unsubscribe: .unsubscribe
        case .optOut: .optout
        }
    }

    static func storedClass(_ eventClass: EventClass) -> TrafficClass {
        switch eventClass {
        case .human: .human
        case .bot: .bot
        case .error: .error
        case .machineOpen: .machineOpen
        case .scanner: .scanner
        }
    }

    static func name(_ kind: Ingest.EventKind) -> String {
        switch kind {
        case .open: "open"
        case .click: "click"
        case .view: "view"
        case .unsubscribe: "unsubscribe"
        case .optOut: "opt_out"
        }
    }

    static func name(_ eventClass: EventClass) -> String {
        switch eventClass {
        case .human: "human"
        case .bot: "bot"
        case .error: "error"
        case .machineOpen: "machine_open"
        case .scanner: "scanner"
        }
    }

    /// 16 hex digits, zero-padded: the stored identity of a file.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func describe(_ error: LogReaderError) -> String {
        switch error.reason {
        case .open(let code): "cannot open: \(String(cString: strerror(code)))"
        case .read(let code): "cannot read: \(String(cString: strerror(code)))"
        case .gzip(let reason): "corrupt gzip stream (\(reason))"
        case .truncatedGzip: "the gzip stream ends inside a member (a file still being compressed, or cut off)"
        case .offsetBeyondEnd: "the file is shorter than its checkpoint: it was truncated or replaced"
        }
    }
}
