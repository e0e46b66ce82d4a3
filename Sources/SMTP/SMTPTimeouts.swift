/// How long each step may wait for the server. Defaults are RFC 5321 §4.5.3.2's minimums (connect aside).
public struct SMTPTimeouts: Sendable, Equatable {
    public var connect: Duration = .seconds(30)
    /// The 220 greeting (§4.5.3.2.1: 5 minutes).
    public var greeting: Duration = .seconds(300)
    /// EHLO, MAIL, RCPT, RSET, QUIT replies (§4.5.3.2.2–3: 5 minutes).
    public var command: Duration = .seconds(300)
    /// The 354 reply to DATA (§4.5.3.2.4: 2 minutes).
    public var dataInitiation: Duration = .seconds(120)
    /// Each wait while the message body is written (§4.5.3.2.5: 3 minutes).
    public var dataBlock: Duration = .seconds(180)
    /// The reply to the final "." (§4.5.3.2.6: 10 minutes).
    public var dataTermination: Duration = .seconds(600)

    public init() {}

    /// One duration for every step, for tests and impatient callers.
    public init(all duration: Duration) {
        connect = duration
        greeting = duration
        command = duration
        dataInitiation = duration
        dataBlock = duration
        dataTermination = duration
    }
}

extension Duration {
    /// Whole milliseconds, at least 1, for poll(2).
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
