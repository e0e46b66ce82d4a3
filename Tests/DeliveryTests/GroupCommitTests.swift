import EventStore
import Foundation
import Testing

@testable import Delivery

/// The connections' journal writes committed together: writes queued while a transaction is being committed share
/// the next one; a write that fails takes its whole batch down (nothing of it is committed and each of its threads
/// gets the error) and leaves the other batches alone.
@Suite("group commit of the send journal")
struct GroupCommitTests {
    /// A fresh state file with `count` queued messages of campaign "w" (customers C0, C1, …).
    final class Journal {
        let folder: String
        let store: EventStore

        init(_ count: Int) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID())").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            store = try EventStore(path: folder + "/state.sqlite")
            try store.enqueue(campaign: "w", messages: (0..<count).map { ("C\($0)", "m\($0)@x") }, at: 1)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func states() throws -> [String: JournalState] {
            Dictionary(uniqueKeysWithValues: try store.journal(campaign: "w").map { ($0.customer, $0.state) })
        }
    }

    /// Each thread's outcome, written by that thread only.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [Int: Error] = [:]

        func record(_ index: Int, _ error: Error?) {
            lock.lock()
            errors[index] = error
            lock.unlock()
        }

        func error(_ index: Int) -> Error? {
            lock.lock()
            defer { lock.unlock() }
            return errors[index]
        }
    }

    /// Starts `writes` on threads of their own while a first commit (C0's `handing`) holds its transaction open,
    /// lets the first one finish once they have had the time to queue, then waits for all.
    static func whileACommitIsOpen(
        _ commits: GroupCommit, _ journal: Journal, _ writes: [@Sendable () throws -> Void]
    ) -> Outcomes {
        let outcomes = Outcomes()
        let group = DispatchGroup()
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let store = journal.store
        // Threads of their own: a dispatch queue may hold the writes back while its worker waits in the commit.
        func start(_ work: @escaping @Sendable () -> Void) {
            group.enter()
            Thread {
                work()
                group.leave()
            }.start()
        }
        start {
            do {
                try commits.commit {
                    try store.markHanding(campaign: "w", customer: "C0", at: 2)
                    entered.signal()
                    release.wait()
                }
                outcomes.record(0, nil)
            } catch {
                outcomes.record(0, error)
            }
        }
        entered.wait()
        for (index, write) in writes.enumerated() {
            start {
                do {
                    try commits.commit { try write() }
                    outcomes.record(index + 1, nil)
                } catch {
                    outcomes.record(index + 1, error)
                }
            }
        }
        // The writes find a commit in progress and queue behind it.
        Thread.sleep(forTimeInterval: 0.5)
        release.signal()
        group.wait()
        return outcomes
    }

    @Test func writesQueuedDuringACommitShareTheNextTransaction() throws {
        let journal = try Journal(5)
        let commits = GroupCommit(journal: journal.store)
        nonisolated(unsafe) let store = journal.store
        let outcomes = Self.whileACommitIsOpen(
            commits, journal,
            (1...4).map { number in { try store.markHanding(campaign: "w", customer: "C\(number)", at: 3) } })
        for index in 0...4 { #expect(outcomes.error(index) == nil) }
        #expect(commits.counts == (transactions: 2, writes: 5))
        #expect(
            try journal.states() == ["C0": .handing, "C1": .handing, "C2": .handing, "C3": .handing, "C4": .handing])
    }

    @Test func aFailingWriteFailsItsWholeBatchAndNoOther() throws {
        let journal = try Journal(4)
        let commits = GroupCommit(journal: journal.store)
        nonisolated(unsafe) let store = journal.store
        let outcomes = Self.whileACommitIsOpen(
            commits, journal,
            [
                { try store.markHanding(campaign: "w", customer: "C1", at: 3) },
                // C2 was never handed: the protocol refuses to mark it sent.
                { try store.markSent(campaign: "w", customer: "C2", at: 3) },
            ])
        #expect(outcomes.error(0) == nil)
        let refusal = EventStoreError(.invalidTransition(campaign: "w", from: .queued, to: .sent), path: store.path)
        #expect(outcomes.error(1) as? EventStoreError == refusal)
        #expect(outcomes.error(2) as? EventStoreError == refusal)
        // C1's write was rolled back with the batch; the next commit goes through.
        try commits.commit { try store.markHanding(campaign: "w", customer: "C3", at: 4) }
        #expect(commits.counts == (transactions: 3, writes: 4))
        #expect(try journal.states() == ["C0": .handing, "C1": .queued, "C2": .queued, "C3": .handing])
    }

    /// Eight threads each taking 50 messages through `handing` and `sent`, one commit per step: every write lands
    /// exactly once, whatever the batches were.
    @Test func manyThreadsCommittingAtOnceLoseNothing() throws {
        let journal = try Journal(400)
        let commits = GroupCommit(journal: journal.store)
        nonisolated(unsafe) let store = journal.store
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            do {
                for number in stride(from: thread, to: 400, by: 8) {
                    try commits.commit { try store.markHanding(campaign: "w", customer: "C\(number)", at: 2) }
                    try commits.commit { try store.markSent(campaign: "w", customer: "C\(number)", at: 3) }
                }
                outcomes.record(thread, nil)
            } catch {
                outcomes.record(thread, error)
            }
        }
        for thread in 0..<8 { #expect(outcomes.error(thread) == nil) }
        #expect(commits.counts.writes == 800)
        #expect(commits.counts.transactions <= 800)
        #expect(try store.journalCounts(campaign: "w") == [.sent: 400])
        #expect(try store.journal(campaign: "w").allSatisfy { $0.attempts == 1 })
    }
}
