import EventStore
import Foundation
import SMTP

/// Hands a campaign's messages to the relay exactly once, over several connections, journaling each message's
/// state in the store's state file around the handing:
///
///     queued ──markHanding (committed)──▶ handing ──2xx──▶ sent
///                                            ├──4xx / connection lost──▶ deferred (retried with backoff)
///                                            └──5xx──▶ bounced (and the customer suppressed)
///
/// A kill at any moment leaves every message queued, deferred, sent, bounced — or `handing`, which the next run
/// sends again with the same Message-ID: the one possible duplicate, when the relay took the final `.` and the
/// process died before journaling the reply. Suppressions are checked again just before each message.
///
/// The state file is one SQLite connection; the connections' journal writes are group-committed (GroupCommit): a
/// thread that needs a commit while another commits joins the next transaction instead of waiting for a turn of its
/// own. Each message still has its `handing` committed before its body goes out.
public final class Sender: @unchecked Sendable {
    let campaign: String
    let settings: DeliverySettings
    let journal: EventStore
    let readMessage: @Sendable (String, inout [UInt8]) throws -> Void
    let clock: @Sendable () -> Double

    private let commits: GroupCommit
    /// Guards `stopped` and `nextSlot`; everything else shared is touched only inside `commits` (one batch at a
    /// time) or by `run` while no connection thread is running.
    private let lock = NSLock()
    private var summary = DeliverySummary()
    private var queue: [JournalEntry] = []
    private var nextIndex = 0
    private var nextSlot = 0.0
    private var stopped: Error?

    /// - Parameters:
    ///   - readMessage: reads a message file (its path from `Outgoing.file`) into the array, replacing what it held
    ///     (its capacity is reused from message to message).
    ///   - clock: seconds since 1970 (tests may speed time up).
    public init(
        campaign: String, settings: DeliverySettings, journal: EventStore,
        readMessage: @escaping @Sendable (String, inout [UInt8]) throws -> Void = Sender.readFile,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.campaign = campaign
        self.settings = settings
        self.journal = journal
        self.readMessage = readMessage
        self.clock = clock
        commits = GroupCommit(journal: journal)
    }

    /// A failure that stops the run: the state file cannot be written, or a message file cannot be read.
    public struct Stopped: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sends what is left of `messages` (the campaign's whole batch) and returns what this run did.
    public func run(_ messages: [Outgoing]) throws -> DeliverySummary {
        let start = clock()
        // A message's commit writes a page or two; SQLite's default checkpoint every 1,000 WAL pages synced the files
        // 55 times for 10,000 messages, each time inside a commit that every connection waited for (3 times now).
        try journal.setCheckpointInterval(pages: 8192)
        let byCustomer = Dictionary(messages.map { ($0.customer, $0) }, uniquingKeysWith: { first, _ in first })
        try journal.enqueue(
            campaign: campaign, messages: messages.map { ($0.customer, $0.messageID) }, at: Int64(start))
        let entries = try journal.journal(campaign: campaign).filter { byCustomer[$0.customer] != nil }
        for entry in entries {
            switch entry.state {
            case .sent, .bounced, .suppressed: summary.alreadyDone += 1
            case .handing: summary.resumed += 1
            case .queued, .deferred: break
            }
        }
        let deadline = start + settings.waitForDeferred.seconds
        var firstRound: [JournalEntry]? = entries
        while true {
            let now = clock()
            // The first round's messages come from the journal just read (the same rows `pending` would return);
            // later rounds ask again.
            let due =
                if let first = firstRound.take() {
                    first.filter { $0.isPending(at: Int64(now)) && $0.attempts < settings.maxAttempts }
                } else {
                    try journal.pending(campaign: campaign, now: Int64(now)).filter {
                        byCustomer[$0.customer] != nil && $0.attempts < settings.maxAttempts
                    }
                }
            if due.isEmpty {
                // Deferred messages still to try: wait for the next one if it falls within this run's patience.
                let waiting = try journal.journal(campaign: campaign).filter {
                    $0.state == .deferred && $0.attempts < settings.maxAttempts && byCustomer[$0.customer] != nil
                }
                guard let next = waiting.compactMap(\.nextAttempt).min(), Double(next) <= deadline else { break }
                let pause = max(0.01, Double(next) - clock())
                Thread.sleep(forTimeInterval: min(pause, 1))
                continue
            }
            queue = due
            nextIndex = 0
            let attemptsBefore = summary.attempts
            try work(byCustomer)
            // A round that handed nothing (the relay unreachable) ends the run: the rest waits for a later one.
            if summary.attempts == attemptsBefore, summary.connectionProblem != nil { break }
        }
        let final = try journal.journal(campaign: campaign).filter { byCustomer[$0.customer] != nil }
        summary.deferred = final.filter { $0.state == .deferred || $0.state == .queued }.count
        return summary
    }

    /// One thread per connection over the queue; returns when it is empty or the run is stopped.
    private func work(_ byCustomer: [String: Outgoing]) throws {
        let group = DispatchGroup()
        for _ in 0..<max(1, settings.connections) {
            group.enter()
            let thread = Thread { [self] in
                connectionLoop(byCustomer)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        if let stopped { throw stopped }
    }

    /// Runs `body`'s journal writes in a transaction shared with the other connections' (see GroupCommit) and
    /// returns once they are committed.
    private func journaled<T>(_ body: () throws -> T) throws -> T {
        try commits.commit(body)
    }

    private func stop(_ error: Error) {
        lock.lock()
        if stopped == nil { stopped = error }
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped != nil
    }

    /// Waits for this connection's turn under the rate limit (shared by every connection).
    private func awaitTurn() {
        guard let rate = settings.ratePerSecond, rate > 0 else { return }
        lock.lock()
        let now = clock()
        let slot = max(now, nextSlot)
        nextSlot = slot + 1 / rate
        lock.unlock()
        if slot > now { Thread.sleep(forTimeInterval: slot - now) }
    }

    /// A message taken from the queue, to go to `recipient`.
    private struct Taken {
        var entry: JournalEntry
        var recipient: String
        var file: String
    }

    /// The next message to hand; those suppressed since the batch was written, or no longer mailable, are journaled
    /// as such and skipped. Call inside `journaled`.
    private func takeLocked(_ byCustomer: [String: Outgoing]) throws -> Taken? {
        while !isStopped, nextIndex < queue.count {
            let entry = queue[nextIndex]
            nextIndex += 1
            guard let message = byCustomer[entry.customer] else { continue }
            if let recipient = message.recipient, try !journal.isSuppressed(customer: entry.customer) {
                return Taken(entry: entry, recipient: recipient, file: message.file)
            }
            try journal.markSuppressed(campaign: campaign, customer: entry.customer, at: Int64(clock()))
            summary.suppressed += 1
        }
        return nil
    }

    /// Two message buffers a connection reads into by turns: the one not being read is the message the session
    /// may still hold (queued, not yet written), and the session lets go of each as soon as it is written, so the
    /// same two allocations serve every message.
    private struct Buffers {
        var first: [UInt8] = []
        var second: [UInt8] = []
        var useFirst = true

        mutating func read(_ file: String, with reader: (String, inout [UInt8]) throws -> Void) throws -> [UInt8] {
            useFirst.toggle()
            if !useFirst {
                try reader(file, &first)
                return first
            }
            try reader(file, &second)
            return second
        }
    }

    private func connectionLoop(_ byCustomer: [String: Outgoing]) {
        var connection: SMTPConnection?
        var buffers = Buffers()
        // Sessions in a row that could not be opened or broke before handing anything: three end this connection.
        var failures = 0
        // A message taken but not handed when its session failed: the next session starts with it.
        var pending: Taken?
        defer { connection?.quit() }
        func failed(_ error: SMTPError) throws -> Bool {
            failures += 1
            try journaled { summary.connectionProblem = error.description }
            if failures >= 3 { return false }
            Thread.sleep(forTimeInterval: min(5, 0.2 * Double(failures)))
            return true
        }
        do {
            while let taken = try pending ?? journaled({ try takeLocked(byCustomer) }) {
                pending = nil
                let bytes = try buffers.read(taken.file, with: readMessage)
                if connection == nil {
                    do {
                        connection = try SMTPConnection(
                            endpoint: settings.endpoint, clientName: settings.clientName, timeouts: settings.timeouts)
                    } catch {
                        // Not handed: the message stays as it was (queued or deferred) for this run's next session.
                        pending = taken
                        guard try failed(error) else { return }
                        continue
                    }
                }
                let session = connection!
                guard session.capabilities.pipelining else {
                    if try !sendOne(taken, bytes: bytes, over: session) {
                        session.quit()
                        connection = nil
                    }
                    continue
                }
                if case .broken(let error, let retry, let handed) = try stream(
                    session, first: taken, bytes: bytes, &buffers, byCustomer)
                {
                    session.quit()
                    connection = nil
                    pending = retry
                    if handed {
                        failures = 0
                    } else {
                        guard try failed(error) else { return }
                    }
                }
            }
        } catch {
            stop(Stopped(description: "\(error)"))
        }
    }

    /// How a streamed session ended.
    private enum StreamEnd {
        /// The queue is empty.
        case drained
        /// The session broke: `retry` was taken but not handed (the next session starts with it); `handed`: some
        /// message of this session got the relay's answer.
        case broken(SMTPError, retry: Taken?, handed: Bool)
    }

    /// Hands one message in its own transaction (a server without PIPELINING); false when the session is unusable.
    private func sendOne(_ taken: Taken, bytes: [UInt8], over connection: SMTPConnection) throws -> Bool {
        awaitTurn()
        try journaled {
            try journal.markHanding(campaign: campaign, customer: taken.entry.customer, at: Int64(clock()))
            summary.attempts += 1
        }
        let delivery: SMTPDelivery
        do throws(SMTPError) {
            delivery = try connection.send(from: settings.envelopeFrom, to: [taken.recipient], message: bytes)
        } catch {
            // The session is unusable (or the relay refused MAIL): try this message again later, on a new
            // connection. If the relay had taken the final `.`, that try is the one possible duplicate.
            try journaled { try recordFailure(error, entry: taken.entry) }
            return false
        }
        try journaled { try record(delivery, entry: taken.entry) }
        return true
    }

    /// Streams messages over a session that offers PIPELINING (SMTPConnection+Stream): each message's body goes
    /// out with the next one's MAIL, RCPT and DATA, and each round trip ends in one journal transaction that
    /// records the message just answered, marks the next one `handing` (before its body is written), and takes the
    /// one after. Returns when the queue is empty or the session broke.
    private func stream(
        _ connection: SMTPConnection, first: Taken, bytes: [UInt8], _ buffers: inout Buffers,
        _ byCustomer: [String: Outgoing]
    ) throws -> StreamEnd {
        var opening = try openTransaction(first, bytes: bytes, on: connection, &buffers, byCustomer)
        var inFlight: JournalEntry?
        var handed = false
        while opening != nil || inFlight != nil {
            let exchange: SMTPConnection.Exchange
            do throws(SMTPError) {
                exchange = try connection.exchange()
            } catch {
                // The message in flight may have arrived (the one possible duplicate); the queued transaction
                // never carried its message, so its entry stays as it was.
                try journaled {
                    summary.connectionProblem = error.description
                    if let inFlight { try recordFailure(error, entry: inFlight, permanent: false) }
                }
                return .broken(error, retry: opening, handed: handed)
            }
            var sendNow = false
            var broken: SMTPError?
            let next = try journaled { () throws -> Taken? in
                if let inFlight, let finished = exchange.finished {
                    try record(finished, entry: inFlight)
                    handed = true
                }
                guard let entry = opening?.entry, let opened = exchange.opened else {
                    return try takeLocked(byCustomer)
                }
                if case .broken(let error) = opened {
                    // The answer before it is recorded; this one was never handed.
                    summary.connectionProblem = error.description
                    broken = error
                    return nil
                }
                try journal.markHanding(campaign: campaign, customer: entry.customer, at: Int64(clock()))
                summary.attempts += 1
                switch opened {
                case .ready: sendNow = true
                case .senderRefused(let reply): try recordFailure(SMTPError(.rejected(reply)), entry: entry)
                case .refused(let delivery): try record(delivery, entry: entry)
                case .broken: break
                }
                return try takeLocked(byCustomer)
            }
            if let broken { return .broken(broken, retry: opening, handed: handed) }
            inFlight = nil
            if sendNow, let entry = opening?.entry {
                connection.queueMessage()
                inFlight = entry
            }
            opening = nil
            if let next {
                opening = try openTransaction(
                    next, bytes: try buffers.read(next.file, with: readMessage), on: connection, &buffers, byCustomer)
            }
        }
        return .drained
    }

    /// Queues `taken`'s transaction; a message this session cannot carry (too large, 8-bit without 8BITMIME) is
    /// journaled as refused and the following ones are tried, so the result is the entry queued, if any.
    private func openTransaction(
        _ taken: Taken, bytes: [UInt8], on connection: SMTPConnection, _ buffers: inout Buffers,
        _ byCustomer: [String: Outgoing]
    ) throws -> Taken? {
        var candidate = taken
        var message = bytes
        while true {
            awaitTurn()
            do throws(SMTPError) {
                try connection.queueTransaction(
                    from: settings.envelopeFrom, to: [candidate.recipient], message: message)
                return candidate
            } catch {
                let following = try journaled { () throws -> Taken? in
                    try journal.markHanding(
                        campaign: campaign, customer: candidate.entry.customer, at: Int64(clock()))
                    summary.attempts += 1
                    try recordFailure(error, entry: candidate.entry)
                    return try takeLocked(byCustomer)
                }
                guard let following else { return nil }
                candidate = following
                message = try buffers.read(following.file, with: readMessage)
            }
        }
    }

    /// Journals a message whose handing failed with `error` (call inside `journaled`, the message `handing`): a
    /// permanent refusal is a bounce, anything else a deferral.
    private func recordFailure(_ error: SMTPError, entry: JournalEntry, permanent: Bool = true) throws {
        summary.connectionProblem = error.description
        let refusal: (Int, String?)? =
            switch error.reason {
            case .messageTooLarge: (552, "5.3.4")
            case .rejected(let reply) where reply.isPermanent: (reply.code, reply.enhanced)
            default: nil
            }
        if permanent, let (code, enhanced) = refusal {
            try journal.markBounced(
                campaign: campaign, customer: entry.customer, code: code, enhancedCode: enhanced, at: Int64(clock()))
            summary.bounced += 1
        } else {
            try journal.markDeferred(
                campaign: campaign, customer: entry.customer, code: 421,
                nextAttempt: Int64(clock() + settings.delay(after: entry.attempts + 1).seconds), at: Int64(clock()))
        }
    }

    /// Journals the relay's answer for one recipient (call inside `journaled`).
    private func record(_ delivery: SMTPDelivery, entry: JournalEntry) throws {
        let now = Int64(clock())
        if delivery.isDelivered, let reply = delivery.dataReply {
            try journal.markSent(
                campaign: campaign, customer: entry.customer, code: reply.code, enhancedCode: reply.enhanced,
                at: now)
            summary.sent += 1
        } else if let refusal = delivery.rejected.first?.reply
            ?? delivery.dataReply.flatMap({ $0.isPermanent ? $0 : nil })
        {
            try journal.markBounced(
                campaign: campaign, customer: entry.customer, code: refusal.code, enhancedCode: refusal.enhanced,
                at: now)
            // RFC 3463: a 5.1.x refusal of the recipient means the address is bad: never mail it again.
            if !delivery.rejected.isEmpty {
                try journal.suppress(customer: entry.customer, reason: .bounced, at: now, source: campaign)
            }
            summary.bounced += 1
        } else {
            let reply = delivery.deferred.first?.reply ?? delivery.dataReply
            try journal.markDeferred(
                campaign: campaign, customer: entry.customer, code: reply?.code ?? 421,
                enhancedCode: reply?.enhanced,
                nextAttempt: now + Int64(settings.delay(after: entry.attempts + 1).seconds.rounded(.up)),
                at: now)
        }
    }

    /// Reads a whole file into `bytes`, reusing its storage: one open, one fstat, reads straight into the array (no
    /// `Data` in between, which cost a tenth of a send's CPU, and no new allocation, whose first touch of fresh pages
    /// cost 3% more).
    @Sendable public static func readFile(_ path: String, into bytes: inout [UInt8]) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Stopped(description: "cannot read \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Stopped(description: "cannot read \(path)") }
        let size = Int(status.st_size)
        // The array is made `size` long without clearing what it held: a message as long as the one before it costs
        // nothing here, a longer one the zeros of the difference.
        if bytes.count > size {
            bytes.removeLast(bytes.count - size)
        } else if bytes.count < size {
            bytes.append(contentsOf: repeatElement(0, count: size - bytes.count))
        }
        var initialized = 0
        var failed = false
        bytes.withUnsafeMutableBufferPointer { buffer in
            while initialized < size {
                let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    failed = count < 0
                    break
                }
                initialized += count
            }
        }
        // A file that shrank while it was read is a failure too: the message would go out cut short.
        guard !failed, initialized == size else { throw Stopped(description: "cannot read \(path)") }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
