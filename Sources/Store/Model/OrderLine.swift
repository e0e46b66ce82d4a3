import TextFormats

/// One line of `orders.csv`. Customers and products are referenced by their index in the store's arrays,
/// so the metrics pass over a million lines touches no dictionary.
public struct OrderLine: Sendable, Hashable {
    public enum Status: UInt8, Sendable, Hashable {
        case completed, cancelled, returned
    }

    public var orderID: String
    public var customer: Int32
    public var product: Int32
    public var date: Timestamp
    public var quantity: Int32
    public var unitPrice: Money
    public var coupon: String?
    public var status: Status

    public init(
        orderID: String, customer: Int32, product: Int32, date: Timestamp, quantity: Int32, unitPrice: Money,
        coupon: String? = nil, status: Status = .completed
    ) {
        self.orderID = orderID
        self.customer = customer
        self.product = product
        self.date = date
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.coupon = coupon
        self.status = status
    }

    /// The most a store's completed lines may add up to, in minor units (10 trillion in the major unit). The loader
    /// refuses a file past it, so every sum of spend (a customer's, a segment's, the store's, a projection of
    /// about five times a customer's) stays far from `Int64.max`.
    public static let maximumStoreRevenue = Money(minorUnits: 1_000_000_000_000_000)

    /// What the line adds to the customer's spend: nothing when cancelled or returned.
    public var revenue: Money { status == .completed ? unitPrice * Int64(quantity) : .zero }
}

/// One entry of `wishlists.csv`.
public struct WishlistEntry: Sendable, Hashable {
    public var customer: Int32
    public var product: Int32
    public var added: Timestamp

    public init(customer: Int32, product: Int32, added: Timestamp) {
        self.customer = customer
        self.product = product
        self.added = added
    }
}
