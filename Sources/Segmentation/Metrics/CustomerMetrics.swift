import Store
import TextFormats

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Per-customer figures the segment rules and reports use, as a struct of arrays indexed by customer index (the
/// index into `LoadedStore.customers`), so a rule over a million customers walks flat columns.
///
/// Only completed order lines count: a cancelled or returned line adds no spend, no order and no date.
/// A customer without orders has no dates (`noDay`), scores of 0, a `monetaryRank` of 1 (last) and no AOV.
public struct CustomerMetrics: Sendable {
    /// The "no such day" marker of day columns.
    public static let noDay = Int32.min

    /// The day recency and tenure are measured from: by default the newest order line's date, so that building the
    /// same store twice gives the same segments.
    public let asOf: Timestamp
    /// Distinct orders with at least one completed line (frequency).
    public internal(set) var orders: [Int32]
    /// Net spend in minor units (monetary, also the historical lifetime value).
    public internal(set) var monetary: [Int64]
    /// Day (since 1970) of the first and last completed order, `noDay` without orders.
    public internal(set) var firstOrderDay: [Int32]
    public internal(set) var lastOrderDay: [Int32]
    /// Quintile scores 1–5 among customers with orders (5 = most recent, most orders, most spend); 0 without orders.
    public internal(set) var recencyScore: [UInt8]
    public internal(set) var frequencyScore: [UInt8]
    public internal(set) var monetaryScore: [UInt8]
    /// Spend rank as a fraction of the customers with orders, ties share the better rank (see `QuintileScore`).
    public internal(set) var monetaryRank: [Double]
    /// Expected spend to date plus the next year, in minor units, see `CustomerMetrics.projectedLifetimeValue`.
    public internal(set) var projectedLTV: [Int64]
    public internal(set) var lifecycle: [Lifecycle]
    public internal(set) var affinity: CategoryAffinity
    /// Opens and clicks, filled by the façade from the events store; empty until then.
    public var engagement: Engagement

    public var customerCount: Int { orders.count }
    public var asOfDay: Int32 { Int32(asOf.day) }

    /// Days from the last order to `asOf`, nil without orders.
    public func daysSinceLastOrder(_ customer: Int) -> Int32? {
        let day = lastOrderDay[customer]
        return day == Self.noDay ? nil : asOfDay - day
    }

    /// Days from the first order to `asOf` (tenure), nil without orders.
    public func tenureDays(_ customer: Int) -> Int32? {
        let day = firstOrderDay[customer]
        return day == Self.noDay ? nil : asOfDay - day
    }

    /// Average order value in minor units (rounded half away from zero), nil without orders.
    public func averageOrderValue(_ customer: Int) -> Int64? {
        let count = Int64(orders[customer])
        guard count > 0 else { return nil }
        let total = monetary[customer]
        return (total + (total >= 0 ? count / 2 : -count / 2)) / count
    }

    /// Historical lifetime value: everything they spent, net of cancellations and returns.
    public func lifetimeValue(_ customer: Int) -> Int64 { monetary[customer] }

    /// The projection horizon and shape of `projectedLTV`.
    ///
    ///     rate       = orders / max(tenure_days, 90)          orders per day; the 90-day floor keeps one
    ///                                                          recent order from projecting a daily habit
    ///     p_active   = 0.5 ^ (days_since_last_order / 180)     chance they still buy: halves every 180 quiet days
    ///     projected  = ltv + aov × rate × 365 × p_active        what they spent plus what the next year should add
    ///
    /// With `aov = ltv / orders` the middle term is `ltv × 365 / max(tenure_days, 90) × p_active`.
    ///
    /// Days before the first order count as none (`asOf` is never before an order that counts). The loader keeps a
    /// store's spend below `OrderLine.maximumStoreRevenue`, so the sum cannot overflow.
    public static func projectedLifetimeValue(monetary: Int64, tenureDays: Int32, recencyDays: Int32) -> Int64 {
        let pActive = exp2(-Double(max(recencyDays, 0)) / 180)
        let perDay = Double(monetary) / Double(max(tenureDays, 90))
        let added = (perDay * 365 * pActive).rounded()
        guard added.isFinite, added.magnitude < 9e18 else { return Int64.max }
        let (sum, overflow) = monetary.addingReportingOverflow(Int64(added))
        return overflow ? Int64.max : sum
    }
}
