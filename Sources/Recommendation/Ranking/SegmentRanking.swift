import Store

/// What each segment's members buy, for the segment's pages: per product
///
///     score(s, p) = buyers_s(p) / size_s × (1 + affinityBoost × affinity_s(category(p)))
///
/// where `buyers_s(p)` counts distinct members who bought `p` and `affinity_s` is the members' share of spend in
/// the product's top-level category. Out-of-stock products never appear. Layout:
/// `items[offsets[s] ..< offsets[s + 1]]`, best first.
public struct SegmentRanking: Sendable {
    public let offsets: [Int32]
    public let items: [Int32]
    public let scores: [Float]

    public func ranking(of segment: Int) -> ArraySlice<Int32> {
        items[Int(offsets[segment])..<Int(offsets[segment + 1])]
    }

    public init(
        matrix: PurchaseMatrix, orders: [OrderLine], products: [Product], segmentOfCustomer: [Int32],
        segmentCount: Int, count: Int = 24, affinityBoost: Float = 1
    ) {
        let productCount = matrix.productCount
        let categories = TopCategories(products)
        let categoryOfProduct = categories.ofProduct.map(Int.init)
        let categoryCount = categories.count

        // Spend per (segment, category): a segments × categories grid, small.
        var spend = [Int64](repeating: 0, count: segmentCount * categoryCount)
        var segmentSpend = [Int64](repeating: 0, count: segmentCount)
        for line in orders where line.status == .completed {
            let segment = Int(segmentOfCustomer[Int(line.customer)])
            spend[segment * categoryCount + categoryOfProduct[Int(line.product)]] += line.revenue.minorUnits
            segmentSpend[segment] += line.revenue.minorUnits
        }
        var sizes = [Int](repeating: 0, count: segmentCount)
        for segment in segmentOfCustomer { sizes[Int(segment)] += 1 }

        // Distinct buyers per (segment, product), one row per segment.
        var buyers = [Int32](repeating: 0, count: segmentCount * productCount)
        for customer in 0..<matrix.customerCount {
            let row = Int(segmentOfCustomer[customer]) * productCount
            for item in matrix.items(of: customer) { buyers[row + Int(item)] += 1 }
        }

        var offsets: [Int32] = [0]
        var items: [Int32] = []
        var scores: [Float] = []
        for segment in 0..<segmentCount {
            var candidates: [(item: Int32, score: Float)] = []
            let row = segment * productCount
            for product in 0..<productCount where buyers[row + product] > 0 && products[product].isInStock {
                let category = categoryOfProduct[product]
                let affinity =
                    segmentSpend[segment] > 0
                    ? Float(Double(spend[segment * categoryCount + category]) / Double(segmentSpend[segment])) : 0
                let score =
                    Float(buyers[row + product]) / Float(max(1, sizes[segment])) * (1 + affinityBoost * affinity)
                candidates.append((Int32(product), score))
            }
            candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
            for candidate in candidates.prefix(count) {
                items.append(candidate.item)
                scores.append(candidate.score)
            }
            offsets.append(Int32(items.count))
        }
        self.offsets = offsets
        self.items = items
        self.scores = scores
    }
}
