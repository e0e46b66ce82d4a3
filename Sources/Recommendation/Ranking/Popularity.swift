/// Products by how many distinct customers bought them: the fallback for customers with no history, and the
/// baseline recommendations are measured against.
public struct Popularity: Sendable {
    /// Distinct buyers per product.
    public let buyers: [Int32]
    /// Every product, most bought first (ties: lower index first).
    public let ranked: [Int32]

    public init(matrix: PurchaseMatrix) {
        let buyers = (0..<matrix.productCount).map { Int32(matrix.buyerCount(of: $0)) }
        self.buyers = buyers
        self.ranked = (0..<Int32(matrix.productCount)).sorted {
            buyers[Int($0)] != buyers[Int($1)] ? buyers[Int($0)] > buyers[Int($1)] : $0 < $1
        }
    }

    /// The `count` most popular products that pass `isAllowed`, most popular first.
    public func top(_ count: Int, where isAllowed: (Int32) -> Bool) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(count)
        for item in ranked where result.count < count && isAllowed(item) { result.append(item) }
        return result
    }
}
