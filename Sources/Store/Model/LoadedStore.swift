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
    public var productIndex: [String: Int32]
    public var customerIndex: [String: Int32]

    public init(
        directory: String, settings: StoreSettings, products: [Product], customers: [Customer],
        orders: [OrderLine], wishlists: [WishlistEntry], segments: [SegmentDefinition], coupons: [Coupon],
        campaigns: [Campaign]
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
        var productIndex: [String: Int32] = [:]
        productIndex.reserveCapacity(products.count)
        for (index, product) in products.enumerated() { productIndex[product.id] = Int32(index) }
        var customerIndex: [String: Int32] = [:]
        customerIndex.reserveCapacity(customers.count)
        for (index, customer) in customers.enumerated() { customerIndex[customer.id] = Int32(index) }
        self.productIndex = productIndex
        self.customerIndex = customerIndex
    }
}
