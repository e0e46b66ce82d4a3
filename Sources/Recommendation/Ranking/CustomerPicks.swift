import Dispatch
import Store

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Each customer's picks for e-mails and wish-list pages: products similar to what they bought and wished for
/// (and clicked), scored through the item neighbours
///
///     score(j) = Σ_{h ∈ history(c)} weight(h) · sim(h, j)  /  buyers(j)^popularityDamping
///     weight(h) = 0.5^(age(h) / recencyHalfLifeDays) × signal weight (1 for a purchase)
///
/// never a product they own unless it is consumable, never one on their wish list or otherwise signalled (they see
/// those already), never one out of stock; topped up from the most popular products, which is all a new customer
/// gets. Layout: `items[offsets[c] ..< offsets[c + 1]]`, best first.
public struct CustomerPicks: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Picks per customer.
        public var count: Int
        /// Half-life of a purchase's or signal's weight, in days before the as-of day; nil weighs all alike.
        public var recencyHalfLifeDays: Double?
        /// Divides scores by `buyers^damping`: 0 keeps them, higher favours the long tail.
        public var popularityDamping: Double

        public init(count: Int = 10, recencyHalfLifeDays: Double? = nil, popularityDamping: Double = 0) {
            self.count = count
            self.recencyHalfLifeDays = recencyHalfLifeDays
            self.popularityDamping = popularityDamping
        }
    }

    public let offsets: [Int32]
    public let items: [Int32]

    public func picks(for customer: Int) -> ArraySlice<Int32> {
        items[Int(offsets[customer])..<Int(offsets[customer + 1])]
    }

    /// The picks of every customer, computed on all cores (each worker owns a scratch row and its customers' slots).
    public init(
        matrix: PurchaseMatrix, similarity: ItemSimilarity, popularity: Popularity, products: [Product],
        signals: [InterestSignal] = [], asOfDay: Int32, configuration: Configuration = Configuration()
    ) {
        let customerCount = matrix.customerCount
        let productCount = matrix.productCount
        let n = configuration.count
        let available = products.map(\.isInStock)
        let consumable = products.map(\.consumable)
        let damping: [Float] = popularity.buyers.map {
            configuration.popularityDamping == 0 ? 1 : Float(1 / pow(Double(max(1, $0)), configuration.popularityDamping))
        }
        let signalTable = SignalTable(signals, customerCount: customerCount)
        let halfLife = configuration.recencyHalfLifeDays

        var counts = [Int32](repeating: 0, count: customerCount)
        var slots = [Int32](repeating: 0, count: customerCount * n)
        let workers = max(1, min(customerCount, ProcessInfoCores.count * 4))
        let chunk = (customerCount + workers - 1) / max(1, workers)
        counts.withUnsafeMutableBufferPointer { countBuffer in
            slots.withUnsafeMutableBufferPointer { slotBuffer in
                let countSlots = DisjointSlots(base: countBuffer.baseAddress!)
                let pickSlots = DisjointSlots(base: slotBuffer.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var scratch = Scratch(productCount: productCount, pickCount: n)
                    for customer in (worker * chunk)..<min(customerCount, (worker + 1) * chunk) {
                        let picks = scratch.picks(
                            customer: customer, matrix: matrix, similarity: similarity, popularity: popularity,
                            signals: signalTable, available: available, consumable: consumable, damping: damping,
                            asOfDay: asOfDay, halfLife: halfLife)
                        for (rank, item) in picks.enumerated() { pickSlots.base[customer * n + rank] = item }
                        countSlots.base[customer] = Int32(picks.count)
                    }
                }
            }
        }
        var offsets = [Int32](repeating: 0, count: customerCount + 1)
        for customer in 0..<customerCount { offsets[customer + 1] = offsets[customer] + counts[customer] }
        var items = [Int32](repeating: 0, count: Int(offsets[customerCount]))
        for customer in 0..<customerCount {
            for rank in 0..<Int(counts[customer]) {
                items[Int(offsets[customer]) + rank] = slots[customer * n + rank]
            }
        }
        self.offsets = offsets
        self.items = items
    }

    /// Signals bucketed by customer.
    struct SignalTable: Sendable {
        let offsets: [Int32]
        let signals: [InterestSignal]

        init(_ signals: [InterestSignal], customerCount: Int) {
            var offsets = [Int32](repeating: 0, count: customerCount + 1)
            for signal in signals { offsets[Int(signal.customer) + 1] += 1 }
            for index in 0..<customerCount { offsets[index + 1] += offsets[index] }
            var cursor = Array(offsets.dropLast())
            var sorted = signals
            for signal in signals {
                sorted[Int(cursor[Int(signal.customer)])] = signal
                cursor[Int(signal.customer)] += 1
            }
            self.offsets = offsets
            self.signals = sorted
        }

        func of(_ customer: Int) -> ArraySlice<InterestSignal> {
            signals[Int(offsets[customer])..<Int(offsets[customer + 1])]
        }
    }

    /// One worker's reusable state: a score row and an exclusion stamp per product, reset only where touched.
    struct Scratch {
        var scores: [Float]
        var excludedStamp: [Int32]
        var touched: [Int32] = []
        var stamp: Int32 = 0
        var best: [(item: Int32, score: Float)] = []
        let pickCount: Int

        init(productCount: Int, pickCount: Int) {
            scores = [Float](repeating: 0, count: productCount)
            excludedStamp = [Int32](repeating: 0, count: productCount)
            self.pickCount = pickCount
        }

        mutating func picks(
            customer: Int, matrix: PurchaseMatrix, similarity: ItemSimilarity, popularity: Popularity,
            signals: SignalTable, available: [Bool], consumable: [Bool], damping: [Float], asOfDay: Int32,
            halfLife: Double?
        ) -> [Int32] {
            stamp += 1
            let owned = Int(matrix.customerOffsets[customer])..<Int(matrix.customerOffsets[customer + 1])
            for entry in owned where !consumable[Int(matrix.customerItems[entry])] {
                excludedStamp[Int(matrix.customerItems[entry])] = stamp
            }
            for signal in signals.of(customer) { excludedStamp[Int(signal.product)] = stamp }

            func weight(day: Int32) -> Float {
                guard let halfLife else { return 1 }
                return Float(exp2(-Double(max(0, asOfDay - day)) / halfLife))
            }
            func accumulate(_ item: Int32, _ weight: Float) {
                for entry in Int(similarity.offsets[Int(item)])..<Int(similarity.offsets[Int(item) + 1]) {
                    let other = Int(similarity.items[entry])
                    if scores[other] == 0 { touched.append(Int32(other)) }
                    scores[other] += weight * similarity.scores[entry]
                }
            }
            for entry in owned { accumulate(matrix.customerItems[entry], weight(day: matrix.customerItemDays[entry])) }
            for signal in signals.of(customer) { accumulate(signal.product, signal.weight * weight(day: signal.day)) }

            // Keep the best `pickCount` by insertion into a short sorted list.
            best.removeAll(keepingCapacity: true)
            for item in touched {
                let index = Int(item)
                let score = scores[index] * damping[index]
                scores[index] = 0
                guard excludedStamp[index] != stamp, available[index], score > 0 else { continue }
                if best.count == pickCount, let last = best.last, !(score > last.score || (score == last.score && item < last.item)) {
                    continue
                }
                var position = best.count
                while position > 0,
                    score > best[position - 1].score || (score == best[position - 1].score && item < best[position - 1].item)
                {
                    position -= 1
                }
                best.insert((item, score), at: position)
                if best.count > pickCount { best.removeLast() }
            }
            touched.removeAll(keepingCapacity: true)

            var result = best.map(\.item)
            if result.count < pickCount {
                for item in result { excludedStamp[Int(item)] = stamp }
                for item in popularity.ranked where result.count < pickCount {
                    if excludedStamp[Int(item)] != stamp, available[Int(item)] { result.append(item) }
                }
            }
            return result
        }
    }
}
