import SampleStores
import Segmentation
import Store
import Testing

@Suite struct SegmentAssignmentTests {
    /// c1 matches both "vip" and "business": the first wins.
    static let file = SegmentsFile(rules: [
        "monetary_rank <= 0.2", "\"b2b\" in tags", "lifecycle in [\"new\", \"lapsed\"]",
    ])

    static func compiled() -> CompiledSegments {
        let (compiled, messages) = file.compile()
        #expect(messages.isEmpty)
        return compiled!
    }

    @Test func firstMatchWinsAndTheFallbackTakesTheRest() {
        let assignment = Self.compiled().assign(SampleStore.context())
        #expect(assignment.segmentOfCustomer == [3, 0, 2, 2, 2, 2, 1])
        #expect(assignment.sizes == [1, 1, 4, 1])
        #expect(assignment.members(of: 2) == [2, 3, 4, 5])
    }

    @Test func aLargeStoreIsAssignedInChunksConsistently() {
        // 20,000 customers cycle over the sample's seven: the concurrent chunks must agree with a serial reading.
        let sample = SampleStore.context()
        let customers = (0..<20_000).map { SampleStore.customers[$0 % 7] }
        var orders: [OrderLine] = []
        for index in 0..<20_000 {
            for line in SampleStore.orders where Int(line.customer) == index % 7 {
                var copy = line
                copy.customer = Int32(index)
                copy.orderID = "\(line.orderID)-\(index)"
                orders.append(copy)
            }
        }
        let metrics = CustomerMetrics(customers: customers, products: SampleStore.products, orders: orders)
        let context = RuleContext(metrics: metrics, customers: customers)
        let assignment = Self.compiled().assign(context)
        let small = Self.compiled().assign(sample)
        let expected: [Int32] = (0..<20_000).map { small.segmentOfCustomer[$0 % 7] }
        #expect(assignment.segmentOfCustomer == expected)
    }

    @Test func traceListsTheRulesTriedUntilTheMatch() {
        let compiled = Self.compiled()
        let context = SampleStore.context()
        let c6: [String] = compiled.trace(customer: 6, context).map { "\($0.segment):\($0.matched)" }
        let c0: [String] = compiled.trace(customer: 0, context).map { "\($0.segment):\($0.matched)" }
        #expect(c6 == ["0:false", "1:true"])
        #expect(c0 == ["0:false", "1:false", "2:false", "3:true"])
    }

    @Test func statisticsPerSegment() {
        let compiled = Self.compiled()
        let context = SampleStore.context()
        let rows = SegmentStatistics.compute(
            segments: compiled, assignment: compiled.assign(context), metrics: context.metrics)
        #expect(rows.map(\.id) == ["s0", "s1", "s2", "zz"])
        #expect(rows.map(\.size) == [1, 1, 4, 1])
        #expect(rows.map(\.buyers) == [1, 1, 2, 1])
        #expect(rows.map(\.revenue) == [10000, 4000, 2500, 5500])
        let shares: [Double] = [10000.0 / 22000, 4000.0 / 22000, 2500.0 / 22000, 5500.0 / 22000]
        #expect(rows.map(\.revenueShare) == shares)
        // s2 buyers: c2 (R1 F1 M2) and c5 (R4 F1 M1).
        #expect(rows[2].averageRecencyScore == 2.5)
        #expect(rows[2].averageFrequencyScore == 1)
        #expect(rows[2].averageMonetaryScore == 1.5)
        // new, active, at_risk, lapsed.
        #expect(rows[2].lifecycleCounts == [2, 0, 0, 2])
        #expect(rows[3].lifecycleCounts == [0, 1, 0, 0])
    }
}

@Suite struct EmptyStoreSegmentTests {
    @Test func aStoreWithoutCustomers() {
        let metrics = CustomerMetrics(customers: [], products: [], orders: [])
        let assignment = SegmentAssignmentTests.compiled().assign(RuleContext(metrics: metrics, customers: []))
        #expect(assignment.segmentOfCustomer.isEmpty)
        #expect(assignment.sizes == [0, 0, 0, 0])
        #expect(ParetoShare(metrics: metrics).revenueShare == 0)
    }
}
