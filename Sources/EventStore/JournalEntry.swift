/// One row of the send journal. The relay's reply is kept as its code and enhanced status code only: the reply
/// text often repeats the recipient's address, which the journal must not hold.
public struct JournalEntry: Equatable, Sendable {
    public var campaign: String
    public var customer: String
    public var messageID: String
    public var state: JournalState
    /// How many times the message was handed to the relay.
    public var attempts: Int
    /// The last reply code (e.g. 250, 451, 550).
    public var lastCode: Int?
    /// The last enhanced status code (RFC 3463, e.g. "5.1.1").
    public var lastEnhancedCode: String?
    /// Unix time of the last change.
    public var updated: Int64
    /// For a deferred message, when to try again (unix time).
    public var nextAttempt: Int64?

    /// Whether `pending(campaign:now:)` returns this entry at `now`: queued, handing (a crash between handing and
    /// journaling), or deferred with its next try due.
    public func isPending(at now: Int64) -> Bool {
        switch state {
        case .queued, .handing: true
        case .deferred: nextAttempt.map { $0 <= now } ?? false
        case .sent, .bounced, .suppressed: false
        }
    }

    public init(
        campaign: String, customer: String, messageID: String, state: JournalState, attempts: Int,
        lastCode: Int? = nil, lastEnhancedCode: String? = nil, updated: Int64, nextAttempt: Int64? = nil
    ) {
        self.campaign = campaign
        self.customer = customer
        self.messageID = messageID
        self.state = state
        self.attempts = attempts
        self.lastCode = lastCode
        self.lastEnhancedCode = lastEnhancedCode
        self.updated = updated
        self.nextAttempt = nextAttempt
    }
}
