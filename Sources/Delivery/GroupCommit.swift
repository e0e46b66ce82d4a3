import EventStore
import Foundation

/// The journal writes of several connection threads, committed together (group commit, leader and followers): a
/// thread that needs a commit while another one is committing queues its writes and waits; the next thread to commit
/// runs every queued write in one transaction. One WAL write and one round of file locks then serve several messages,
/// and a thread never waits behind more than the commit in progress and its own. Each thread returns only once its
/// own writes are committed, so "`handing` is committed before the body is written" still holds message by message.
///
/// The writes run one batch at a time, on whichever thread commits: they may read and update the sender's shared
/// state with no lock of their own.
final class GroupCommit: @unchecked Sendable {
    private let journal: EventStore
    private let condition = NSCondition()
    private var queued: [Request] = []
    private var committing = false
    /// Transactions committed, and the writes they carried.
    private var transactions = 0
    private var writes = 0

    private final class Request {
        let work: () throws -> Void
        var done = false
        var failure: Error?

        init(_ work: @escaping () throws -> Void) { self.work = work }
    }

    init(journal: EventStore) {
        self.journal = journal
    }

    /// Runs `work` inside a journal transaction, possibly beside other threads' writes, and returns its result once
    /// the transaction is committed. When any write of the batch throws, none of the batch is committed and each of
    /// its threads gets that error.
    func commit<T>(_ work: () throws -> T) throws -> T {
        var result: T?
        try withoutActuallyEscaping(work) { work in
            let request = Request { result = try work() }
            condition.lock()
            queued.append(request)
            while !request.done {
                if committing {
                    condition.wait()
                    continue
                }
                // Nobody is committing: this thread commits everything queued, its own writes included.
                committing = true
                let batch = queued
                queued.removeAll(keepingCapacity: true)
                condition.unlock()
                var failure: Error?
                do {
                    try journal.batch {
                        for each in batch { try each.work() }
                    }
                } catch {
                    failure = error
                }
                condition.lock()
                for each in batch {
                    each.done = true
                    each.failure = failure
                }
                transactions += 1
                writes += batch.count
                committing = false
                condition.broadcast()
            }
            condition.unlock()
            if let failure = request.failure { throw failure }
        }
        // Set by the work, which ran before `done` was set under the condition's lock.
        return result!
    }

    /// (transactions, writes) so far.
    var counts: (transactions: Int, writes: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (transactions, writes)
    }
}
