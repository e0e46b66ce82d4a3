import Tokens

/// What the personal pages need beyond the site's plan: the tokens (nil when the store has no secret: then only the
/// segment coupon pages, which carry no token, are made), each customer's segment, and the per-customer picks of
/// the customers with a wish list.
public struct PersonalInputs: Sendable {
    public var tokens: CapabilityTokens?
    /// Per customer (index in `store.customers`), the index of their segment.
    public var segmentOfCustomer: [Int32]
    /// Per customer with a wish list, their recommended products, best first.
    public var picks: [Int32: [Int32]]

    public init(tokens: CapabilityTokens?, segmentOfCustomer: [Int32], picks: [Int32: [Int32]] = [:]) {
        self.tokens = tokens
        self.segmentOfCustomer = segmentOfCustomer
        self.picks = picks
    }
}
