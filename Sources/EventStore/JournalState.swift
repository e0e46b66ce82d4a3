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
