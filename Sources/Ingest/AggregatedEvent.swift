import Tracking

/// What a tracked request was.
public enum EventKind: UInt8, Sendable, Hashable, CaseIterable {
    /// The open pixel: GET or HEAD of `/px.gif?vt=`.
    case open = 1
    /// A page reached from a newsletter link (or a coupon link).
    case click = 2
    /// A page with a view, unsubscribe or opt-out token read with GET: seen, nothing changed.
    case view = 3
    /// RFC 8058 one-click: a POST to `/unsubscribe/?vt=`.
    case unsubscribe = 4
    /// A POST to `/privacy/?vt=`: the recipient opts out of tracking.
    case optOut = 5
}

/// Who made a tracked request. Classes are kept apart in storage and reports, never summed together.
public enum EventClass: UInt8, Sendable, Hashable, CaseIterable {
    /// A person, as far as the rules can tell.
    case human = 1
    /// A crawler, monitor, script or headless browser (by user agent).
    case bot = 2
    /// Status 400 or more, or a HEAD for a click: nobody saw a page.
    case error = 3
    /// A mail provider's privacy proxy fetching the pixel (Apple MPP, Gmail, Yahoo, Outlook).
    case machineOpen = 4
    /// A mail-security gateway following links before (or instead of) the person.
    case scanner = 5
}

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

/// A recipient who unsubscribed or opted out of tracking, to be stored with the batch's events.
public struct Suppression: Sendable, Hashable {
    public var recipient: UInt64
    public var keyID: UInt8
    /// The campaign whose link was used; nil when unknown.
    public var campaign: String?
    /// Unix seconds of the earliest request in the batch.
    public var at: Int64
}

/// What `EventAggregator.drain()` hands the workflow for one transaction.
public struct IngestBatch: Sendable {
    public var events: [AggregatedEvent]
    public var unsubscribes: [Suppression]
    public var optOuts: [Suppression]
}
