#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Products by how many distinct customers bought them: the fallback for customers with no history, and the
/// baseline recommendations are measured against. With a half-life, a buyer counts `0.5^(age / halfLife)` by the
/// day of their last purchase of the product, so what sells now (the season's products) outranks what sold once.
public struct Popularity: Sendable {
    /// Distinct buyers per product.
    public let buyers: [Int32]
    /// The ranking weight per product: `buyers`, or their recency-weighted sum.
    public let weights: [Float]
    /// Every product, highest weight first (ties: lower index first).
    public let ranked: [Int32]

    public init(matrix: PurchaseMatrix, asOfDay: Int32 = 0, halfLifeDays: Double? = nil) {
        let buyers = (0..<matrix.productCount).map { Int32(matrix.buyerCount(of: $0)) }
        var weights = buyers.map { Float($0) }
        if let halfLifeDays {
            weights = [Float](repeating: 0, count: matrix.productCount)
            for entry in matrix.customerItems.indices {
                weights[Int(matrix.customerItems[entry])] += Float(
                    RecencyWeight.of(day: matrix.customerItemDays[entry], asOfDay: asOfDay, halfLifeDays: halfLifeDays))
            }
        }
        self.buyers = buyers
        self.weights = weights
        self.ranked = (0..<Int32(matrix.productCount)).sorted {
            weights[Int($0)] != weights[Int($1)] ? weights[Int($0)] > weights[Int($1)] : $0 < $1
        }
    }

    /// Per product, the factor `1 / weight^exponent` that discounts (exponent > 0) or favours (exponent < 0) what
    /// sells; weights are floored at a thousandth of the best so unsold products get a finite factor. All 1 for
    /// exponent 0.
    public func dampingFactors(exponent: Double) -> [Float] {
        guard exponent != 0 else { return [Float](repeating: 1, count: weights.count) }
        let floor = (ranked.first.map { weights[Int($0)] } ?? 1) * 1e-3
        return weights.map { Float(1 / pow(Double(max(floor, $0)), exponent)) }
    }

    /// The `count` most popular products that pass `isAllowed`, most popular first.
    public func top(_ count: Int, where isAllowed: (Int32) -> Bool) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(count)
        for item in ranked where result.count < count && isAllowed(item) { result.append(item) }
        return result
    }
}
