/// What a log line recorded.
public enum EventKind: Int64, Sendable, CaseIterable {
    case view = 0, click = 1, open = 2, unsubscribe = 3, coupon = 4, optout = 5
}
