/// What one `send` run did.
public struct DeliverySummary: Sendable, Equatable {
    /// Accepted by the relay in this run.
    public var sent = 0
    /// Refused for now and left for a later try (4xx, or the relay unreachable).
    public var deferred = 0
    /// Refused for good (5xx): journaled and suppressed.
    public var bounced = 0
    /// Not sent: the customer is suppressed, or no longer consents or has no address.
    public var suppressed = 0
    /// Sent, bounced or suppressed by an earlier run.
    public var alreadyDone = 0
    /// Handings to the relay in this run (retries included).
    public var attempts = 0
    /// Left `handing` by a run that was killed: sent again, with the same Message-ID.
    public var resumed = 0
    /// The last failure to reach the relay, when one happened.
    public var connectionProblem: String?

    public init() {}
}
