/// The figures of one segment for the segments table.
public struct SegmentStatistics: Sendable, Hashable {
    public var id: String
    public var name: String
    public var size: Int
    /// Members with at least one completed order.
    public var buyers: Int
    /// Net spend of the members, minor units.
    public var revenue: Int64
    /// Of the whole store's net spend, 0...1.
    public var revenueShare: Double
    /// Mean R, F and M scores over the members who bought (0 when none did).
    public var averageRecencyScore: Double
    public var averageFrequencyScore: Double
    public var averageMonetaryScore: Double
    /// Members per lifecycle stage, indexed by `Lifecycle.rawValue`.
    public var lifecycleCounts: [Int]

    /// The statistics of every segment of an assignment.
    public static func compute(
        segments: CompiledSegments, assignment: SegmentAssignment, metrics: CustomerMetrics
    ) -> [SegmentStatistics] {
        var rows = segments.segments.map {
            SegmentStatistics(
                id: $0.id, name: $0.name, size: 0, buyers: 0, revenue: 0, revenueShare: 0, averageRecencyScore: 0,
                averageFrequencyScore: 0, averageMonetaryScore: 0,
                lifecycleCounts: [Int](repeating: 0, count: Lifecycle.allCases.count))
        }
        var scoreSums = [(r: Int, f: Int, m: Int)](repeating: (0, 0, 0), count: rows.count)
        var total: Int64 = 0
        for (customer, segment) in assignment.segmentOfCustomer.enumerated() {
            let s = Int(segment)
            rows[s].size += 1
            rows[s].revenue += metrics.monetary[customer]
            total += metrics.monetary[customer]
            rows[s].lifecycleCounts[Int(metrics.lifecycle[customer].rawValue)] += 1
            if metrics.orders[customer] > 0 {
                rows[s].buyers += 1
                scoreSums[s].r += Int(metrics.recencyScore[customer])
                scoreSums[s].f += Int(metrics.frequencyScore[customer])
                scoreSums[s].m += Int(metrics.monetaryScore[customer])
            }
        }
        for index in rows.indices {
            rows[index].revenueShare = total > 0 ? Double(rows[index].revenue) / Double(total) : 0
            let buyers = Double(rows[index].buyers)
            if buyers > 0 {
                rows[index].averageRecencyScore = Double(scoreSums[index].r) / buyers
                rows[index].averageFrequencyScore = Double(scoreSums[index].f) / buyers
                rows[index].averageMonetaryScore = Double(scoreSums[index].m) / buyers
            }
        }
        return rows
    }
}
