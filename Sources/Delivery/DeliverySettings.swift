import SMTP

/// How `vitrine send` talks to the relay.
public struct DeliverySettings: Sendable {
    public var endpoint: SMTPEndpoint
    /// The EHLO name and the envelope sender (MAIL FROM, where bounces go).
    public var clientName: String
    public var envelopeFrom: String
    /// Connections used at once.
    public var connections: Int = 4
    /// Messages per second over all connections; nil: as fast as the relay takes them.
    public var ratePerSecond: Double?
    /// Tries of one message before it is left deferred for a later run.
    public var maxAttempts: Int = 5
    /// The wait after the first 4xx, doubled after each further one, at most `maximumDelay`.
    public var retryDelay: Duration = .seconds(60)
    public var maximumDelay: Duration = .seconds(3600)
    /// How long one run keeps waiting for deferred messages whose next try is due; later ones stay for a later run.
    public var waitForDeferred: Duration = .seconds(900)
    public var timeouts = SMTPTimeouts()

    public init(endpoint: SMTPEndpoint, clientName: String, envelopeFrom: String) {
        self.endpoint = endpoint
        self.clientName = clientName
        self.envelopeFrom = envelopeFrom
    }

    /// The wait before try `attempt + 1` after `attempt` transient failures (attempt ≥ 1).
    func delay(after attempt: Int) -> Duration {
        var delay = retryDelay
        for _ in 1..<max(1, attempt) where delay < maximumDelay { delay *= 2 }
        return min(delay, maximumDelay)
    }
}
