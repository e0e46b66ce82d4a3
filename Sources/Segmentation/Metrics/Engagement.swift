/// What a customer did with our e-mails and pages, read from the events store by the façade and passed down
/// (no stage opens the database itself). Arrays are indexed by customer index; empty until ingest fills them.
public struct Engagement: Sendable, Hashable {
    /// Day (since 1970) of the last human open, `CustomerMetrics.noDay` when none.
    public var lastOpenDay: [Int32]
    /// Day (since 1970) of the last click, `CustomerMetrics.noDay` when none.
    public var lastClickDay: [Int32]
    public var clicks30Days: [Int32]
    /// Top-level categories of the products they clicked.
    public var clickedCategories: [[String]]
    /// The products they clicked (indexes in the store's products), for the picks: a click is a sign of interest.
    public var clickedProducts: [[Int32]]
    public var unsubscribed: [Bool]

    /// No engagement at all for `customerCount` customers.
    public init(customerCount: Int) {
        lastOpenDay = Array(repeating: CustomerMetrics.noDay, count: customerCount)
        lastClickDay = Array(repeating: CustomerMetrics.noDay, count: customerCount)
        clicks30Days = Array(repeating: 0, count: customerCount)
        clickedCategories = Array(repeating: [], count: customerCount)
        clickedProducts = Array(repeating: [], count: customerCount)
        unsubscribed = Array(repeating: false, count: customerCount)
    }

    public var customerCount: Int { lastOpenDay.count }
}
