import Dispatch
import Parallelism

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Item-to-item collaborative filtering (Linden, Smith & York, "Amazon.com recommendations: item-to-item
/// collaborative filtering", IEEE Internet Computing 2003): for each product, the `neighbours` products most similar
/// to it by the cosine of their customer vectors.
///
///     sim(i, j) = Σ_{c ∈ C(i) ∩ C(j)} w(c)²  /  sqrt(Σ_{c ∈ C(i)} w(c)² · Σ_{c ∈ C(j)} w(c)²)
///
/// With every `w(c) = 1` this is the plain binary cosine `|C(i) ∩ C(j)| / sqrt(|C(i)| · |C(j)|)`. With
/// `inverseUserFrequency` a customer's weight falls with the number of distinct items they bought
/// (`w(c) = 1 / sqrt(log2(2 + |I(c)|))`), so that one wholesaler who bought half the catalogue does not make
/// everything similar to everything.
///
/// `Measure.randomWalk` scores the same co-purchases as RP3β (Paudel, Christoffel, Newell & Bernstein, "Updatable,
/// accurate, diverse, and scalable recommendations for interactive applications", ACM TiiS 2017; compared with
/// other neighbourhood methods by Dacrema, Cremonesi & Jannach, RecSys 2019): the probability of a three-step walk
/// item → customer → item on the purchase graph, divided by the target's popularity raised to β,
///
///     sim(i, j) = 1/|C(i)| · Σ_{c ∈ C(i) ∩ C(j)} 1/|I(c)|  /  |C(j)|^β ,
///
/// each item's `neighbours` then scaled to sum to 1. A customer counts less the more items they bought (as with the
/// inverse user frequency, only stronger), and β between 0 (the plain walk, which favours bestsellers) and 1 (which
/// favours the long tail) sets how much a popular neighbour is discounted.
///
/// As in the paper, each item walks its customers and their items, accumulating co-counts into a scratch array of
/// one row (never a products × products table); items are split across cores, each worker with its own scratch,
/// writing only its items' slots of the result. Result layout: CSR, `offsets[i] ..< offsets[i + 1]` of
/// `items`/`scores`, best first (ties by item index).
public struct ItemSimilarity: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// How many neighbours each item keeps (K).
        public var neighbours: Int
        public var inverseUserFrequency: Bool
        /// Co-purchases needed for a pair to count (1 keeps every pair).
        public var minimumCoPurchases: Int
        public var measure: Measure

        public init(
            neighbours: Int = 50, inverseUserFrequency: Bool = false, minimumCoPurchases: Int = 1,
            measure: Measure = .cosine
        ) {
            self.neighbours = neighbours
            self.inverseUserFrequency = inverseUserFrequency
            self.minimumCoPurchases = minimumCoPurchases
            self.measure = measure
        }
    }

    public enum Measure: Sendable, Hashable {
        /// The cosine of the customer vectors (with `inverseUserFrequency`, weighted).
        case cosine
        /// RP3β with this β (`inverseUserFrequency` does not apply: the walk weighs customers by 1/|I(c)|).
        case randomWalk(popularityPenalty: Double)
    }

    public let offsets: [Int32]
    public let items: [Int32]
    public let scores: [Float]

    public init(matrix: PurchaseMatrix, configuration: Configuration = Configuration()) {
        let productCount = matrix.productCount
        let k = max(1, configuration.neighbours)
        // What each co-purchase by a customer adds, and per item the two factors its score is divided by: as the
        // source (row) and as the target (column).
        let weightSquared: [Float] = (0..<matrix.customerCount).map { customer in
            let count = Double(matrix.customerOffsets[customer + 1] - matrix.customerOffsets[customer])
            switch configuration.measure {
            case .cosine: return configuration.inverseUserFrequency ? Float(1 / log2(2 + count)) : 1
            case .randomWalk: return Float(1 / max(1, count))
            }
        }
        let rowDivisors: [Float]
        let columnDivisors: [Float]
        switch configuration.measure {
        case .cosine:
            rowDivisors = (0..<productCount).map { item in
                var sum: Float = 0
                for customer in matrix.customers(of: item) { sum += weightSquared[Int(customer)] }
                return sum.squareRoot()
            }
            columnDivisors = rowDivisors
        case .randomWalk(let beta):
            let buyers = (0..<productCount).map { Double(max(1, matrix.buyerCount(of: $0))) }
            rowDivisors = buyers.map { Float($0) }
            columnDivisors = buyers.map { Float(pow($0, beta)) }
        }
        let scalesRows: Bool = if case .randomWalk = configuration.measure { true } else { false }

        var counts = [Int32](repeating: 0, count: productCount)
        var slotItems = [Int32](repeating: 0, count: productCount * k)
        var slotScores = [Float](repeating: 0, count: productCount * k)
        let workers = max(1, min(productCount, Parallel.cores * 4))
        counts.withUnsafeMutableBufferPointer { countBuffer in
            slotItems.withUnsafeMutableBufferPointer { itemBuffer in
                slotScores.withUnsafeMutableBufferPointer { scoreBuffer in
                    let countSlots = DisjointSlots(countBuffer)
                    let itemSlots = DisjointSlots(itemBuffer)
                    let scoreSlots = DisjointSlots(scoreBuffer)
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        var scratch = [Float](repeating: 0, count: productCount)
                        var coCounts = [Int32](repeating: 0, count: productCount)
                        var touched: [Int32] = []
                        // Only the K best are ever kept: a bounded selection, not a sort of every co-purchased item.
                        var best = BestNeighbours(capacity: k)
                        // Interleaved items spread popular (expensive) items over the workers.
                        var item = worker
                        while item < productCount {
                            scratch.withUnsafeMutableBufferPointer { scratch in
                                coCounts.withUnsafeMutableBufferPointer { coCounts in
                                    for customer in matrix.customers(of: item) {
                                        let weight = weightSquared[Int(customer)]
                                        for other in matrix.items(of: Int(customer)) where Int(other) != item {
                                            if coCounts[Int(other)] == 0 { touched.append(other) }
                                            coCounts[Int(other)] += 1
                                            scratch[Int(other)] += weight
                                        }
                                    }
                                    best.removeAll()
                                    for other in touched {
                                        if Int(coCounts[Int(other)]) >= configuration.minimumCoPurchases {
                                            let score =
                                                scratch[Int(other)] / (rowDivisors[item] * columnDivisors[Int(other)])
                                            best.offer(other, score)
                                        }
                                        scratch[Int(other)] = 0
                                        coCounts[Int(other)] = 0
                                    }
                                }
                            }
                            touched.removeAll(keepingCapacity: true)
                            best.rank()
                            let kept = best.kept.count
                            var rowSum: Float = 0
                            for rank in 0..<kept { rowSum += best.kept[rank].score }
                            let scale: Float = scalesRows && rowSum > 0 ? 1 / rowSum : 1
                            for rank in 0..<kept {
                                itemSlots.write(best.kept[rank].item, at: item * k + rank)
                                scoreSlots.write(best.kept[rank].score * scale, at: item * k + rank)
                            }
                            countSlots.write(Int32(kept), at: item)
                            item += workers
                        }
                    }
                }
            }
        }

        var offsets = [Int32](repeating: 0, count: productCount + 1)
        for item in 0..<productCount { offsets[item + 1] = offsets[item] + counts[item] }
        var items = [Int32](repeating: 0, count: Int(offsets[productCount]))
        var scores = [Float](repeating: 0, count: Int(offsets[productCount]))
        for item in 0..<productCount {
            let start = Int(offsets[item])
            for rank in 0..<Int(counts[item]) {
                items[start + rank] = slotItems[item * k + rank]
                scores[start + rank] = slotScores[item * k + rank]
            }
        }
        self.offsets = offsets
        self.items = items
        self.scores = scores
    }

    /// The neighbours of `item`, most similar first.
    public func neighbours(of item: Int) -> [(item: Int32, score: Float)] {
        (Int(offsets[item])..<Int(offsets[item + 1])).map { (items[$0], scores[$0]) }
    }
}
