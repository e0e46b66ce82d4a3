/// Events of one kind and class for one (campaign, segment, recipient, target, day), counted.
public struct AggregatedEvent: Sendable, Hashable {
    public var kind: EventKind
    public var eventClass: EventClass
    /// The campaign id; nil when the token's tag names no campaign the store knows (a deleted campaign).
    public var campaign: String?
    public var segment: String?
    /// The recipient pseudonym (see `RecipientDirectory`) and the key id that signed its token.
    public var recipient: UInt64
    public var keyID: UInt8
    /// The product or link; nil for none or an unknown tag.
    public var target: String?
    /// The send day the token carries, days since 1970-01-01 UTC.
    public var day: UInt16
    public var count: Int
    /// Unix seconds of the first and last request.
    public var firstAt: Int64
    public var lastAt: Int64
}
