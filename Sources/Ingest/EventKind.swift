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
