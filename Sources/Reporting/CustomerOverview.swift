import Segmentation
import Store

/// Who the customers are, in counts: the RFM grid, segment sizes, the 80/20 line and its curve, and the lifecycle
/// mix. Computed from the same metrics `vitrine segments` uses.
public struct CustomerOverview: Sendable, Equatable {
    /// One segment and how many customers it holds.
    public struct SegmentSize: Sendable, Equatable {
        public var id: String
        public var name: String
        public var customers: Int
        public init(id: String, name: String, customers: Int) {
            self.id = id
            self.name = name
            self.customers = customers
        }
    }

    /// The three stages of the customer lifecycle a marketer acts on (docs/reports.md has the rules).
    public enum Stage: String, Sendable, CaseIterable {
        /// No order yet, or exactly one: turn them into customers who come back.
        case acquire
        /// Two or more orders, the last at most 90 days ago: grow what they buy.
        case enhance
        /// Bought before, but the last order is more than 90 days old (at risk or lapsed): win them back.
        case retain
    }

    public var customers: Int
    /// Customers with at least one completed order.
    public var buyers: Int
    /// Net revenue of all completed order lines.
    public var revenue: Money
    /// `rfm[r - 1][f - 1]`: buyers with recency score r and frequency score f (5 = most recent, most orders).
    public var rfm: [[Int]]
    public var segments: [SegmentSize]
    /// The top `paretoTopFraction` of buyers by spend, and the share of revenue they bring.
    public var paretoTopFraction: Double
    public var paretoTopCustomers: Int
    public var paretoShare: Double
    /// The Pareto curve: share of revenue from the top 0 %, 5 %, … 100 % of buyers (21 points).
    public var paretoCurve: [Double]
    /// Customers per stage, in `Stage.allCases` order.
    public var lifecycle: [Int]

    public init(
        customers: Int, buyers: Int, revenue: Money, rfm: [[Int]], segments: [SegmentSize], paretoTopFraction: Double,
        paretoTopCustomers: Int, paretoShare: Double, paretoCurve: [Double], lifecycle: [Int]
    ) {
        self.customers = customers
        self.buyers = buyers
        self.revenue = revenue
        self.rfm = rfm
        self.segments = segments
        self.paretoTopFraction = paretoTopFraction
        self.paretoTopCustomers = paretoTopCustomers
        self.paretoShare = paretoShare
        self.paretoCurve = paretoCurve
        self.lifecycle = lifecycle
    }

    /// The overview of a segmented store.
    public init(metrics: CustomerMetrics, segments: [SegmentStatistics], pareto: ParetoShare) {
        var rfm = [[Int]](repeating: [Int](repeating: 0, count: 5), count: 5)
        var lifecycle = [Int](repeating: 0, count: Stage.allCases.count)
        var spends: [Int64] = []
        spends.reserveCapacity(metrics.customerCount)
        for customer in 0..<metrics.customerCount {
            let stage = Self.stage(orders: metrics.orders[customer], recencyDays: metrics.daysSinceLastOrder(customer))
            lifecycle[Stage.allCases.firstIndex(of: stage)!] += 1
            guard metrics.orders[customer] > 0 else { continue }
            spends.append(metrics.monetary[customer])
            let r = Int(metrics.recencyScore[customer])
            let f = Int(metrics.frequencyScore[customer])
            if (1...5).contains(r), (1...5).contains(f) { rfm[r - 1][f - 1] += 1 }
        }
        spends.sort(by: >)
        let total = spends.reduce(0, +)
        var curve: [Double] = []
        var running: Int64 = 0
        var taken = 0
        for step in 0...20 {
            let count = (step * spends.count + 19) / 20
            while taken < count {
                running += spends[taken]
                taken += 1
            }
            curve.append(total > 0 ? Double(running) / Double(total) : 0)
        }
        self.init(
            customers: metrics.customerCount, buyers: spends.count, revenue: Money(minorUnits: total), rfm: rfm,
            segments: segments.map { SegmentSize(id: $0.id, name: $0.name, customers: $0.size) },
            paretoTopFraction: pareto.topFraction, paretoTopCustomers: pareto.topCustomers,
            paretoShare: pareto.revenueShare, paretoCurve: curve, lifecycle: lifecycle)
    }

    /// The stage of a customer with `orders` completed orders, the last `recencyDays` ago (nil without orders).
    public static func stage(orders: Int32, recencyDays: Int32?) -> Stage {
        guard orders > 0, let recencyDays else { return .acquire }
        if recencyDays > Lifecycle.activeWithinDays { return .retain }
        return orders >= 2 ? .enhance : .acquire
    }

    /// Customers in `stage`.
    public func count(_ stage: Stage) -> Int { lifecycle[Stage.allCases.firstIndex(of: stage)!] }
}
