/// Everything a store folder holds, loaded and cross-checked. Orders and wish lists refer to customers and
/// products by index into `customers` and `products`.
public struct LoadedStore: Sendable {
    public var directory: String
    public var settings: StoreSettings
    public var products: [Product]
    public var customers: [Customer]
    public var orders: [OrderLine]
    public var wishlists: [WishlistEntry]
    public var segments: [SegmentDefinition]
    public var coupons: [Coupon]
    public var campaigns: [Campaign]
    /// Distinct orders (order ids) among `orders`.
    public var orderCount: Int

    public init(
        directory: String, settings: StoreSettings, products: [Product], customers: [Customer],
        orders: [OrderLine], wishlists: [WishlistEntry], segments: [SegmentDefinition], coupons: [Coupon],
        campaigns: [Campaign], orderCount: Int? = nil
    ) {
        self.directory = directory
        self.settings = settings
        self.products = products
        self.customers = customers
        self.orders = orders
        self.wishlists = wishlists
        self.segments = segments
        self.coupons = coupons
        self.campaigns = campaigns
        self.orderCount = orderCount ?? Self.distinctOrders(orders)
    }

    static func distinctOrders(_ orders: [OrderLine]) -> Int {
        var seen = Set<String>()
        var previous: String?
        // Lines of one order are usually adjacent: only a change of id needs the set.
        for line in orders where line.orderID != previous {
            previous = line.orderID
            seen.insert(line.orderID)
        }
        return seen.count
    }
}
