/// Events aggregated by key: how many, and the first and last time, for one kind, class, campaign, segment,
/// pseudonymous recipient, target and day. Memory and file size grow with the distinct keys, not with log lines.
public struct EventCount: Equatable, Hashable, Sendable {
    public var kind: EventKind
    public var traffic: TrafficClass
    public var campaign: String
    public var segment: String
    /// The token's pseudonymous recipient number: never a customer id.
    public var recipient: Int64
    /// A product slug or link id; "" when none.
    public var target: String
    /// Days since 1970-01-01 UTC.
    public var day: Int64
    public var count: Int64
    /// Unix times of the first and last event counted.
    public var firstAt: Int64
    public var lastAt: Int64

    public init(
        kind: EventKind, traffic: TrafficClass, campaign: String, segment: String, recipient: Int64, target: String,
        day: Int64, count: Int64, firstAt: Int64, lastAt: Int64
    ) {
        self.kind = kind
        self.traffic = traffic
        self.campaign = campaign
        self.segment = segment
        self.recipient = recipient
        self.target = target
        self.day = day
        self.count = count
        self.firstAt = firstAt
        self.lastAt = lastAt
    }
}
