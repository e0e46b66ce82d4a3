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
    /// Guards `queued`, `committing` and the counts; never held during a transaction.
    private let lock = NSLock()
    private var queued: [Request] = []
    /// A thread is committing (or has been chosen to commit next): newcomers queue and wait.
    private var committing = false
    /// Transactions committed, and the writes they carried.
    private var transactions = 0
    private var writes = 0

    /// One thread's writes. Its thread sleeps on `wake` until they are committed, or until it is chosen to commit
    /// the next batch: each thread is woken once, by name, rather than all of them at every commit.
    private final class Request {
        /// Let go of once it has run: the closure must not outlive its thread's `commit` call.
        var work: (() throws -> Void)?
        let wake = DispatchSemaphore(value: 0)
        var leads = false
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
            lock.lock()
            queued.append(request)
            if committing {
                lock.unlock()
                request.wake.wait()
            } else {
                committing = true
                request.leads = true
                lock.unlock()
            }
            if request.leads { commitQueued() }
            if let failure = request.failure { throw failure }
        }
        // Set by the work, which ran before this thread was woken (or on this thread).
        return result!
    }

    /// Commits every queued request in one transaction, wakes their threads, and hands the commit over to the
    /// first thread that queued meanwhile.
    private func commitQueued() {
        lock.lock()
        let batch = queued
        queued.removeAll(keepingCapacity: true)
        lock.unlock()
        var failure: Error?
        do {
            try journal.batch {
                for each in batch { try each.work?() }
            }
        } catch {
            failure = error
        }
        lock.lock()
        transactions += 1
        writes += batch.count
        let next = queued.first
        if let next {
            next.leads = true
        } else {
            committing = false
        }
        lock.unlock()
        for each in batch {
            each.work = nil
            each.failure = failure
            // The leader's own request is not waiting.
            if !each.leads { each.wake.signal() }
        }
        next?.wake.signal()
    }

    /// (transactions, writes) so far.
    var counts: (transactions: Int, writes: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (transactions, writes)
    }
}
