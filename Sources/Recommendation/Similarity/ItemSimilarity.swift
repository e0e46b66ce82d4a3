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
        self = Self.tables(matrix: matrix, configurations: [configuration])[0]
    }

    init(offsets: [Int32], items: [Int32], scores: [Float]) {
        self.offsets = offsets
        self.items = items
        self.scores = scores
    }

    /// One table per configuration from a single walk over the co-purchases (the walk, not the arithmetic, is
    /// what costs): each configuration accumulates in a lane of its own, in the order it would alone, so each
    /// table is exactly `ItemSimilarity(matrix:configuration:)`'s.
    public static func tables(matrix: PurchaseMatrix, configurations: [Configuration]) -> [ItemSimilarity] {
        let productCount = matrix.productCount
        let customerCount = matrix.customerCount
        let lanes = configurations.map { Lane($0, matrix: matrix) }
        let m = lanes.count
        guard m > 0 else { return [] }
        // What a co-purchase by each customer adds, lane by lane: `weights[customer * m + lane]`.
        var laneWeights = [Float](repeating: 0, count: customerCount * m)
        for (lane, found) in lanes.enumerated() {
            for customer in 0..<customerCount { laneWeights[customer * m + lane] = found.weightSquared[customer] }
        }
        let weights = laneWeights
        // Each lane's neighbours land in fixed slots (K per item) from `slotBase[lane]`, counted in
        // `counts[lane * productCount + item]`.
        var bases = [0]
        for lane in lanes { bases.append(bases[bases.count - 1] + productCount * lane.k) }
        let slotBase = bases
        var counts = [Int32](repeating: 0, count: productCount * m)
        var slotItems = [Int32](repeating: 0, count: slotBase[m])
        var slotScores = [Float](repeating: 0, count: slotBase[m])
        let workers = max(1, min(productCount, Parallel.cores * 4))
        counts.withUnsafeMutableBufferPointer { countBuffer in
            slotItems.withUnsafeMutableBufferPointer { itemBuffer in
                slotScores.withUnsafeMutableBufferPointer { scoreBuffer in
                    let countSlots = DisjointSlots(countBuffer)
                    let itemSlots = DisjointSlots(itemBuffer)
                    let scoreSlots = DisjointSlots(scoreBuffer)
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        var scratch = [Float](repeating: 0, count: productCount * m)
                        var coCounts = [Int32](repeating: 0, count: productCount)
                        var touched = [Int32](repeating: 0, count: productCount)
                        // Only the K best are ever kept: a bounded selection, not a sort of every co-purchased item.
                        // One selection, reused lane after lane.
                        var best = BestNeighbours(capacity: lanes.map(\.k).max() ?? 1)
                        // Interleaved items spread popular (expensive) items over the workers.
                        var item = worker
                        while item < productCount {
                            // The hot loop, on raw buffers: no bounds or exclusivity checks per co-purchase.
                            let touchedCount = Self.accumulate(
                                item: item, matrix: matrix, weights: weights, lanes: m, scratch: &scratch,
                                coCounts: &coCounts, touched: &touched)
                            for lane in 0..<m {
                                let found = lanes[lane]
                                best.removeAll(capacity: found.k)
                                Self.select(
                                    item: item, lane: lane, of: m, found, scratch: scratch, coCounts: coCounts,
                                    touched: touched[0..<touchedCount], into: &best)
                                best.rank()
                                let kept = best.kept.count
                                var rowSum: Float = 0
                                for rank in 0..<kept { rowSum += best.kept[rank].score }
                                let scale: Float = found.scalesRows && rowSum > 0 ? 1 / rowSum : 1
                                let base = slotBase[lane] + item * found.k
                                for rank in 0..<kept {
                                    itemSlots.write(best.kept[rank].item, at: base + rank)
                                    scoreSlots.write(best.kept[rank].score * scale, at: base + rank)
                                }
                                countSlots.write(Int32(kept), at: lane * productCount + item)
                            }
                            for position in 0..<touchedCount {
                                let other = Int(touched[position])
                                for lane in 0..<m { scratch[other * m + lane] = 0 }
                                coCounts[other] = 0
                            }
                            item += workers
                        }
                    }
                }
            }
        }

        return lanes.indices.map { lane in
            let k = lanes[lane].k
            var offsets = [Int32](repeating: 0, count: productCount + 1)
            for item in 0..<productCount { offsets[item + 1] = offsets[item] + counts[lane * productCount + item] }
            var items = [Int32](repeating: 0, count: Int(offsets[productCount]))
            var scores = [Float](repeating: 0, count: Int(offsets[productCount]))
            for item in 0..<productCount {
                let start = Int(offsets[item])
                let slot = slotBase[lane] + item * k
                for rank in 0..<Int(offsets[item + 1] - offsets[item]) {
                    items[start + rank] = slotItems[slot + rank]
                    scores[start + rank] = slotScores[slot + rank]
                }
            }
            return ItemSimilarity(offsets: offsets, items: items, scores: scores)
        }
    }

    /// Adds every co-purchase of `item` (each other item of each of its customers) into `scratch`, lane by lane,
    /// counting them in `coCounts`; returns how many distinct items were touched, listed first-seen first in
    /// `touched`.
    private static func accumulate(
        item: Int, matrix: PurchaseMatrix, weights: [Float], lanes m: Int, scratch: inout [Float],
        coCounts: inout [Int32], touched: inout [Int32]
    ) -> Int {
        var touchedCount = 0
        matrix.itemOffsets.withUnsafeBufferPointer { itemOffsets in
            matrix.itemCustomers.withUnsafeBufferPointer { itemCustomers in
                matrix.customerOffsets.withUnsafeBufferPointer { customerOffsets in
                    matrix.customerItems.withUnsafeBufferPointer { customerItems in
                        weights.withUnsafeBufferPointer { weights in
                            scratch.withUnsafeMutableBufferPointer { scratch in
                                coCounts.withUnsafeMutableBufferPointer { coCounts in
                                    touched.withUnsafeMutableBufferPointer { touched in
                                        for entry in Int(itemOffsets[item])..<Int(itemOffsets[item + 1]) {
                                            let customer = Int(itemCustomers[entry])
                                            let lane0 = customer * m
                                            let first = Int(customerOffsets[customer])
                                            let last = Int(customerOffsets[customer + 1])
                                            for position in first..<last {
                                                let other = Int(customerItems[position])
                                                if other == item { continue }
                                                if coCounts[other] == 0 {
                                                    touched[touchedCount] = Int32(other)
                                                    touchedCount += 1
                                                }
                                                coCounts[other] += 1
                                                for lane in 0..<m { scratch[other * m + lane] += weights[lane0 + lane] }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return touchedCount
    }

    /// Offers each touched item's score in `lane` to the selection (one division per candidate, on raw buffers).
    private static func select(
        item: Int, lane: Int, of m: Int, _ found: Lane, scratch: [Float], coCounts: [Int32],
        touched: ArraySlice<Int32>, into best: inout BestNeighbours
    ) {
        let row = found.rowDivisors[item]
        let minimum = found.minimumCoPurchases
        scratch.withUnsafeBufferPointer { scratch in
            coCounts.withUnsafeBufferPointer { coCounts in
                found.columnDivisors.withUnsafeBufferPointer { columns in
                    touched.withUnsafeBufferPointer { touched in
                        for other32 in touched {
                            let other = Int(other32)
                            if Int(coCounts[other]) >= minimum {
                                best.offer(other32, scratch[other * m + lane] / (row * columns[other]))
                            }
                        }
                    }
                }
            }
        }
    }

    /// What one configuration needs in the walk: per customer the weight a co-purchase adds, per item the two
    /// factors its score is divided by, as the source (row) and as the target (column).
    struct Lane: Sendable {
        let k: Int
        let minimumCoPurchases: Int
        let scalesRows: Bool
        let weightSquared: [Float]
        let rowDivisors: [Float]
        let columnDivisors: [Float]

        init(_ configuration: Configuration, matrix: PurchaseMatrix) {
            let productCount = matrix.productCount
            k = max(1, configuration.neighbours)
            minimumCoPurchases = configuration.minimumCoPurchases
            let weightSquared: [Float] = (0..<matrix.customerCount).map { customer in
                let count = Double(matrix.customerOffsets[customer + 1] - matrix.customerOffsets[customer])
                switch configuration.measure {
                case .cosine: return configuration.inverseUserFrequency ? Float(1 / log2(2 + count)) : 1
                case .randomWalk: return Float(1 / max(1, count))
                }
            }
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
            self.weightSquared = weightSquared
            scalesRows = if case .randomWalk = configuration.measure { true } else { false }
        }
    }

    /// The neighbours of `item`, most similar first.
    public func neighbours(of item: Int) -> [(item: Int32, score: Float)] {
        (Int(offsets[item])..<Int(offsets[item + 1])).map { (items[$0], scores[$0]) }
    }
}
