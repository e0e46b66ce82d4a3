/// The behaviour behind the generated order history, shared by W1 and the example store. It is what makes the
/// data worth analysing: Zipf-like product popularity, customers with a taste for a few categories, a heavy tail
/// of loyal buyers (so the top fifth brings most of the revenue), lapsing and newly arrived customers, seasonal
/// peaks, repeat purchases of consumables, and baskets that combine related products.
struct PurchaseModel {
    /// The two years the generated stores' orders span: the newest order falls on the last day, so nothing
    /// depends on the current clock.
    static let standardFirstDay = CalendarDay(year: 2024, month: 11, day: 1)
    static let standardLastDay = CalendarDay(year: 2026, month: 10, day: 31)

    /// The first and last day orders may fall on.
    var firstDay: CalendarDay
    var lastDay: CalendarDay
    /// Exactly this many order lines are produced.
    var orderLines: Int
    /// Share of customers with at least one order.
    var buyerShare = 0.8
    /// Share of buyers who buy once and never again.
    var oneOffShare = 0.45
    /// Tail index of the activity (order count) distribution of repeat buyers; smaller is heavier.
    var activityAlpha = 1.25
    /// Share of buyers who stopped buying more than 180 days before `lastDay`.
    var lapsedShare = 0.22
    /// Share of buyers whose last order falls 90–180 days before `lastDay`.
    var atRiskShare = 0.12
    /// Chance that a basket line after the first is a product bought together with an earlier one.
    var bundleShare = 0.55
    /// Chance that a product is drawn from the customer's favourite categories rather than the whole catalogue.
    var tasteShare = 0.7
    /// Chance that an order starts with a consumable the customer bought before.
    var repeatShare = 0.35
    var coupons: [CouponUse] = []

    /// A coupon code that orders used in the past.
    struct CouponUse {
        var code: String
        var percentOff: Int
        var validFrom: CalendarDay
        var validUntil: CalendarDay
        var firstOrderOnly: Bool
        var probability: Double
    }

    /// What the model needs to know of a product.
    struct Product {
        var category: Int
        var priceCents: Int
        var compareAtCents: Int?
        var consumable: Bool
        /// Relative popularity; a Zipf-like weight.
        var popularity: Double
        /// Products often bought with this one.
        var companions: [Int]
    }

    /// What the model needs to know of a customer.
    struct Shopper {
        var created: CalendarDay
        var isBusiness: Bool
    }
}

/// The generated order history: orders sorted by time, with their lines in flat arrays.
struct PurchaseHistory {
    struct Order {
        var customer: Int32
        var day: Int32
        var second: Int32
        var firstLine: Int32
        var lineCount: Int32
        /// Index into `PurchaseModel.coupons`, or -1.
        var coupon: Int32
        var cancelled: Bool
    }

    enum LineStatus: UInt8 {
        case completed, cancelled, returned
    }

    var orders: [Order] = []
    /// The id of each order; when empty, ids follow time (`o-000001` is the oldest).
    var orderIDs: [String] = []
    var lineProduct: [Int32] = []
    var lineQuantity: [Int32] = []
    var lineUnitCents: [Int32] = []
    var lineStatus: [LineStatus] = []
    /// Favourite categories of each customer, best first (empty for customers who never ordered).
    var tastes: [[Int]] = []
    /// Products each customer bought, for wish lists that do not repeat a purchase.
    var bought: [Set<Int32>] = []
}
