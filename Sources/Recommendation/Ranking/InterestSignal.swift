import Store

/// Something other than a purchase that says a customer likes a product: a wish-list entry, and once logs are
/// ingested, a click. The façade turns each source into signals with its own weight.
public struct InterestSignal: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case wishlist
        case click
    }

    public var customer: Int32
    public var product: Int32
    /// Day (since 1970) of the signal, for recency weighting.
    public var day: Int32
    public var weight: Float
    public var source: Source

    public init(customer: Int32, product: Int32, day: Int32, weight: Float, source: Source = .wishlist) {
        self.source = source
        self.customer = customer
        self.product = product
        self.day = day
        self.weight = weight
    }

    /// Wish-list entries as signals of `weight`.
    public static func wishlist(_ entries: [WishlistEntry], weight: Float = 1) -> [InterestSignal] {
        entries.map {
            InterestSignal(customer: $0.customer, product: $0.product, day: Int32($0.added.day), weight: weight)
        }
    }
}
