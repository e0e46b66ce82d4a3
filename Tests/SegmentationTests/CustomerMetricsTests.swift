import SampleStores
import Segmentation
import Store
import Testing
import TextFormats

@Suite struct CustomerMetricsTests {
    let metrics = SampleStore.metrics()

    @Test func asOfDefaultsToTheNewestLineEvenWhenCancelled() {
        #expect(metrics.asOf == SampleStore.date(2026, 6, 30))
        let earlier = CustomerMetrics(
            customers: SampleStore.customers, products: SampleStore.products, orders: SampleStore.orders,
            asOf: SampleStore.date(2026, 7, 10))
        #expect(earlier.daysSinceLastOrder(0) == 10)
    }

    @Test func frequencyCountsDistinctCompletedOrdersDespiteInterleavedLines() {
        #expect(metrics.orders == [2, 1, 1, 0, 0, 1, 1])
    }

    @Test func monetaryIsNetOfCancelledAndReturnedLines() {
        #expect(metrics.monetary == [5500, 10000, 1500, 0, 0, 1000, 4000])
        #expect(metrics.lifetimeValue(1) == 10000)
    }

    @Test func recencyAndTenureInDaysFromTheAsOfDay() {
        #expect((0..<7).map { metrics.daysSinceLastOrder($0) } == [0, 60, 272, nil, nil, 20, 149])
        #expect((0..<7).map { metrics.tenureDays($0) } == [120, 60, 272, nil, nil, 20, 149])
        #expect(metrics.firstOrderDay[0] == Int32(SampleStore.date(2026, 3, 2).day))
        #expect(metrics.lastOrderDay[3] == CustomerMetrics.noDay)
    }

    @Test func averageOrderValue() {
        #expect(metrics.averageOrderValue(0) == 2750)
        #expect(metrics.averageOrderValue(1) == 10000)
        #expect(metrics.averageOrderValue(3) == nil)
    }

    @Test func quintileScoresAmongBuyers() {
        // Five buyers; ascending spend c5 < c2 < c6 < c0 < c1, recency c2 < c6 < c1 < c5 < c0.
        #expect(metrics.monetaryScore == [4, 5, 2, 0, 0, 1, 3])
        #expect(metrics.recencyScore == [5, 3, 1, 0, 0, 4, 2])
        // Four buyers tie at one order: they share the lower score; c0 has four below it.
        #expect(metrics.frequencyScore == [5, 1, 1, 0, 0, 1, 1])
    }

    @Test func spendRankIsAFractionOfBuyersAndNonBuyersRankLast() {
        #expect(metrics.monetaryRank == [0.4, 0.2, 0.8, 1, 1, 1, 0.6])
    }

    @Test func tiedSpendSharesTheBetterRankAndScore() {
        let customers = (0..<3).map { Customer(id: "t\($0)", locale: "en", created: SampleStore.date(2026, 1, 1)) }
        let orders = [
            SampleStore.line("a", 0, 0, SampleStore.date(2026, 1, 2), 1, 5000),
            SampleStore.line("b", 1, 0, SampleStore.date(2026, 1, 2), 1, 5000),
            SampleStore.line("c", 2, 0, SampleStore.date(2026, 1, 2), 1, 1000),
        ]
        let tied = CustomerMetrics(customers: customers, products: SampleStore.products, orders: orders)
        #expect(tied.monetaryRank == [1.0 / 3, 1.0 / 3, 1])
        #expect(tied.monetaryScore == [2, 2, 1])
    }

    @Test func lifecycleStages() {
        #expect(metrics.lifecycle.map(\.name) == ["active", "active", "lapsed", "lapsed", "new", "new", "at_risk"])
    }

    @Test(arguments: [
        (tenure: Int32(30), recency: Int32(0), expected: Lifecycle.new),
        (31, 0, .active), (400, 90, .active), (400, 91, .atRisk), (400, 180, .atRisk), (400, 181, .lapsed),
    ])
    func lifecycleThresholds(tenure: Int32, recency: Int32, expected: Lifecycle) {
        #expect(Lifecycle.classify(tenureDays: tenure, recencyDays: recency, daysSinceCreated: 500) == expected)
    }

    @Test func projectedLifetimeValueFollowsTheDocumentedFormula() {
        // c1: 100.00 over max(60, 90) days, 60 quiet days: 10000 + 10000/90 × 365 × 0.5^(60/180) = 42189.
        #expect(metrics.projectedLTV == [22229, 42189, 2206, 0, 0, 4755, 9521])
    }

    @Test func categoryAffinityIsTheShareOfSpend() {
        #expect(metrics.affinity.categoryNames == ["Tea", "Soap", "Books"])
        let c0 = metrics.affinity.entries(customer: 0)
        #expect(c0.map(\.category) == ["Tea", "Soap"])
        #expect(abs(c0[0].share - 50.0 / 55) < 1e-12)
        #expect(abs(c0[1].share - 5.0 / 55) < 1e-12)
        #expect(metrics.affinity.share(customer: 1, category: 2) == 1)
        #expect(metrics.affinity.entries(customer: 3).isEmpty)
    }

    @Test func engagementStartsEmpty() {
        #expect(metrics.engagement.customerCount == 7)
        #expect(metrics.engagement.clicks30Days.allSatisfy { $0 == 0 })
        #expect(metrics.engagement.lastOpenDay.allSatisfy { $0 == CustomerMetrics.noDay })
    }

    @Test func paretoShareOfTheTopFifthOfBuyers() {
        let pareto = ParetoShare(metrics: metrics)
        #expect(pareto.buyers == 5)
        #expect(pareto.topCustomers == 1)
        #expect(pareto.topRevenue == 10000)
        #expect(pareto.totalRevenue == 22000)
        #expect(abs(pareto.revenueShare - 10000.0 / 22000) < 1e-12)
    }
}
