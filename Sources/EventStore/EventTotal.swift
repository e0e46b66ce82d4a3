/// Events summed for a report: one campaign, segment, kind and class.
public struct EventTotal: Equatable, Sendable {
    public var campaign: String
    public var segment: String
    public var kind: EventKind
    public var traffic: TrafficClass
    /// Events counted.
    public var count: Int64
    /// Distinct recipients among them.
    public var recipients: Int

    public init(
        campaign: String, segment: String, kind: EventKind, traffic: TrafficClass, count: Int64, recipients: Int
    ) {
        self.campaign = campaign
        self.segment = segment
        self.kind = kind
        self.traffic = traffic
        self.count = count
        self.recipients = recipients
    }
}
