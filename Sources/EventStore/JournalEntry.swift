/// Where one message of a campaign stands.
public enum JournalState: String, Sendable, CaseIterable {
    /// Composed, not yet handed to the relay.
    case queued
    /// Being handed to the relay: committed before the first byte goes out. Found at start, it means the process
    /// died between handing and journaling, and the message is sent again with the same Message-ID.
    case handing
    /// Accepted by the relay (a 2xx reply to the end of data).
    case sent
    /// Refused for now (4xx): tried again at `nextAttempt`.
    case deferred
    /// Refused for good (5xx).
    case bounced
    /// Not sent because the customer is suppressed.
    case suppressed
}

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
