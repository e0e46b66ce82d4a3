/// Scores 1–5 by quintile and the spend rank, computed over the customers who have orders.
///
/// Ties always share the better side, so that two customers with the same figure get the same score or rank:
/// - score: `1 + ⌊5 × below / n⌋` where `below` counts customers with a strictly smaller value (larger = better);
/// - rank: `(1 + above) / n` where `above` counts customers with strictly larger spend; the top spender of 100 has
///   0.01, so `monetary_rank <= 0.2` is the top 20% of buyers (more when spends tie at the boundary).
enum QuintileScore {
    /// Scores for `values[i]` where `included[i]`; 0 elsewhere.
    static func scores(_ values: [Int64], included: [Bool]) -> [UInt8] {
        let sorted = sortedIncluded(values, included)
        let n = sorted.count
        var scores = [UInt8](repeating: 0, count: values.count)
        guard n > 0 else { return scores }
        for index in values.indices where included[index] {
            let below = lowerBound(sorted, values[index])
            scores[index] = UInt8(1 + (5 * below) / n)
        }
        return scores
    }

    /// Spend ranks for `values[i]` where `included[i]`; 1 (last) elsewhere.
    static func ranks(_ values: [Int64], included: [Bool]) -> [Double] {
        let sorted = sortedIncluded(values, included)
        let n = sorted.count
        var ranks = [Double](repeating: 1, count: values.count)
        guard n > 0 else { return ranks }
        for index in values.indices where included[index] {
            let above = n - upperBound(sorted, values[index])
            ranks[index] = Double(1 + above) / Double(n)
        }
        return ranks
    }

    private static func sortedIncluded(_ values: [Int64], _ included: [Bool]) -> [Int64] {
        var sorted: [Int64] = []
        sorted.reserveCapacity(values.count)
        for index in values.indices where included[index] { sorted.append(values[index]) }
        sorted.sort()
        return sorted
    }

    /// The number of elements < `value`.
    static func lowerBound(_ sorted: [Int64], _ value: Int64) -> Int { partitionPoint(sorted) { $0 < value } }

    /// The number of elements <= `value`.
    static func upperBound(_ sorted: [Int64], _ value: Int64) -> Int { partitionPoint(sorted) { $0 <= value } }

    /// The number of leading elements that satisfy `isBefore`, by binary search (`sorted` is partitioned by it).
    private static func partitionPoint(_ sorted: [Int64], _ isBefore: (Int64) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(sorted[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
