/// The 80/20 check: what share of revenue the top fraction (20%) of buyers bring.
///
/// The population is the customers with at least one completed order (the same as `monetary_rank`); the top group
/// is the `⌈fraction × buyers⌉` largest net spends.
public struct ParetoShare: Sendable, Hashable {
    public var topFraction: Double
    public var buyers: Int
    public var topCustomers: Int
    /// Minor units.
    public var topRevenue: Int64
    public var totalRevenue: Int64

    /// `topRevenue / totalRevenue`, 0 when nothing was sold.
    public var revenueShare: Double { totalRevenue > 0 ? Double(topRevenue) / Double(totalRevenue) : 0 }

    public init(metrics: CustomerMetrics, topFraction: Double = 0.2) {
        var spends: [Int64] = []
        spends.reserveCapacity(metrics.customerCount)
        for customer in 0..<metrics.customerCount where metrics.orders[customer] > 0 {
            spends.append(metrics.monetary[customer])
        }
        spends.sort(by: >)
        let top = Int((topFraction * Double(spends.count)).rounded(.up))
        self.topFraction = topFraction
        self.buyers = spends.count
        self.topCustomers = top
        self.topRevenue = spends.prefix(top).reduce(0, +)
        self.totalRevenue = spends.reduce(0, +)
    }
}
