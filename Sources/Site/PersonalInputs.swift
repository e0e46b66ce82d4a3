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
    /// Per product (index in `store.products`) seen out of stock by an earlier build, the last day it was (days
    /// since 1970-01-01 UTC): a wished-for product in stock again after that day is marked "back in stock".
    public var lastOutOfStockDay: [Int32: Int64]
    /// The customers a campaign writes to (indexes in `store.customers`): when set, tokens are derived for their
    /// pages only and no unique code at all, since a message links to its own recipient's pages and derives its code
    /// as it is composed; no page is rendered from such a plan. Nil (a build): every page's token and code.
    public var onlyRecipients: [Int32]?

    public init(
        tokens: CapabilityTokens?, segmentOfCustomer: [Int32], picks: [Int32: [Int32]] = [:],
        lastOutOfStockDay: [Int32: Int64] = [:], onlyRecipients: [Int32]? = nil
    ) {
        self.tokens = tokens
        self.segmentOfCustomer = segmentOfCustomer
        self.picks = picks
        self.lastOutOfStockDay = lastOutOfStockDay
        self.onlyRecipients = onlyRecipients
    }
}
