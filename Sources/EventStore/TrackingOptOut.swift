/// A customer's refusal of tracking.
public struct TrackingOptOut: Equatable, Sendable {
    public var customer: String
    /// Unix time, seconds.
    public var at: Int64

    public init(customer: String, at: Int64) {
        self.customer = customer
        self.at = at
    }
}
