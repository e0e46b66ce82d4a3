/// Why a customer receives no more mail.
public enum SuppressionReason: String, Sendable, CaseIterable {
    case unsubscribed, bounced, complained
}

/// A customer's suppression: the first reason recorded wins.
public struct Suppression: Equatable, Sendable {
    public var customer: String
    public var reason: SuppressionReason
    /// Unix time, seconds.
    public var at: Int64
    /// Where it came from (e.g. "log", "bounce", "manual").
    public var source: String

    public init(customer: String, reason: SuppressionReason, at: Int64, source: String) {
        self.customer = customer
        self.reason = reason
        self.at = at
        self.source = source
    }
}
