import Dispatch
import Parallelism
import Store

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Each customer's picks for e-mails and wish-list pages: products similar to what they bought and wished for
/// (and clicked), scored through the item neighbours
///
///     knn(j)    = Σ_{h ∈ history(c)} weight(h) · sim(h, j)^similarityExponent  /  popularity(j)^popularityDamping
///     weight(h) = 0.5^(age(h) / recencyHalfLifeDays) × signal weight (1 for a purchase)
///     score(j)  = knn(j) / max knn  +  popularityBlend × popularity(j) / max popularity
///
/// The blend adds the popularity given (recency-weighted, so the season's products) as a prior: the neighbours
/// say what fits this customer, the prior what sells now; candidates are the neighbours and the
/// `blendCandidates` most popular products. Given a `GroupPopularity` (customers grouped by what is known before
/// they buy, such as their country), the prior and the top-up come from the customer's group instead, for the
/// customers `groupScope` covers: for a new customer that is all there is to go on.
///
/// A pick is never a product the customer owns unless it is consumable, never one on their wish list or otherwise
/// signalled (they see those already), never one out of stock; a list short of `count` is topped up from the most
/// popular products, which is all a new customer gets. Raising similarities to a power above 1 lets the strongest
/// neighbours dominate (Aiolli's "locality", MSD challenge 2012). A category cap keeps a list from being ten
/// variants of one thing. Layout: `items[offsets[c] ..< offsets[c + 1]]`, best first.
public struct CustomerPicks: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Picks per customer.
        public var count: Int
        /// Half-life of a purchase's or signal's weight, in days before the as-of day; nil weighs all alike.
        public var recencyHalfLifeDays: Double?
        /// Divides scores by `popularity^damping` (the popularity given, recency-weighted when built so): 0 keeps
        /// them, higher favours the long tail; a negative damping favours what sells, and with recency-weighted
        /// popularity what sells now (in-season neighbours over last season's).
        public var popularityDamping: Double
        /// Weight of the popularity prior; 0 turns it off.
        public var popularityBlend: Double
        public var blendCandidates: Int
        public var similarityExponent: Double
        /// At most this many picks from one top-level category (nil: no cap), so a list is not ten variants of
        /// one thing.
        public var maximumPerCategory: Int?
        /// Who gets their group's popularity (`GroupPopularity`) as prior and top-up instead of everyone's, when
        /// the picks are given groups.
        public var groupScope: GroupScope

        public enum GroupScope: Sendable, Hashable {
            /// Only customers with no purchase yet: their group is all that is known of them.
            case newCustomers
            case everyone
        }

        public init(
            count: Int = 10, recencyHalfLifeDays: Double? = nil, popularityDamping: Double = 0,
            popularityBlend: Double = 0, blendCandidates: Int = 50, similarityExponent: Double = 1,
            maximumPerCategory: Int? = nil, groupScope: GroupScope = .everyone
        ) {
            self.groupScope = groupScope
            self.maximumPerCategory = maximumPerCategory
            self.similarityExponent = similarityExponent
            self.count = count
            self.recencyHalfLifeDays = recencyHalfLifeDays
            self.popularityDamping = popularityDamping
            self.popularityBlend = popularityBlend
            self.blendCandidates = blendCandidates
        }
    }

    public let offsets: [Int32]
    public let items: [Int32]

    public func picks(for customer: Int) -> ArraySlice<Int32> {
        items[Int(offsets[customer])..<Int(offsets[customer + 1])]
    }

    /// The picks of every customer (or of `customers` only), computed on all cores (each worker owns a scratch row
    /// and its customers' slots).
    public init(
        matrix: PurchaseMatrix, similarity: ItemSimilarity, popularity: Popularity, products: [Product],
        signals: [InterestSignal] = [], groupPopularity: GroupPopularity? = nil,
        asOfDay: Int32, configuration: Configuration = Configuration(), only customers: [Int]? = nil
    ) {
        let customerCount = matrix.customerCount
        // Whose picks are made: everyone's, or (to explain one customer) only those given; the others get none.
        let targetCount = customers?.count ?? customerCount
        let productCount = matrix.productCount
        let n = configuration.count
        let available = products.map(\.isInStock)
        let consumable = products.map(\.consumable)
        let damping = popularity.dampingFactors(exponent: configuration.popularityDamping)
        let signalTable = SignalTable(signals, customerCount: customerCount)
        let halfLife = configuration.recencyHalfLifeDays
        // sim^exponent once per neighbour entry, not once per use.
        let exponent = Float(configuration.similarityExponent)
        let powered = exponent == 1 ? similarity.scores : similarity.scores.map { powf($0, exponent) }
        let topCategories = TopCategories(products)
        let categories = Categories(
            ofProduct: topCategories.ofProduct, count: topCategories.count,
            maximumPerCategory: configuration.maximumPerCategory)
        let priors = Priors(
            popularity: popularity, groups: groupPopularity, scope: configuration.groupScope,
            blend: Float(configuration.popularityBlend), candidates: configuration.blendCandidates)

        var counts = [Int32](repeating: 0, count: customerCount)
        var slots = [Int32](repeating: 0, count: customerCount * n)
        let workers = max(1, min(targetCount, Parallel.cores * 4))
        counts.withUnsafeMutableBufferPointer { countBuffer in
            slots.withUnsafeMutableBufferPointer { slotBuffer in
                let countSlots = DisjointSlots(countBuffer)
                let pickSlots = DisjointSlots(slotBuffer)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var scratch = Scratch(productCount: productCount, pickCount: n, categoryCount: categories.count)
                    func pick(_ customer: Int) {
                        let isNew = matrix.customerOffsets[customer] == matrix.customerOffsets[customer + 1]
                        let row = priors.row(of: customer, isNew: isNew)
                        let picks = scratch.picks(
                            customer: customer, matrix: matrix, similarity: similarity,
                            fallback: priors.fallback(row: row), popularity: popularity, signals: signalTable,
                            available: available, consumable: consumable, damping: damping,
                            prior: priors.prior(row: row), priorScores: priors.priorScores(row: row), powered: powered,
                            categories: categories,
                            asOfDay: asOfDay, halfLife: halfLife)
                        for (rank, item) in picks.enumerated() { pickSlots.write(item, at: customer * n + rank) }
                        countSlots.write(Int32(picks.count), at: customer)
                    }
                    // Interleaved, so heavy buyers (often neighbours in the file) spread over the workers.
                    if let customers {
                        for position in stride(from: worker, to: customers.count, by: workers) {
                            pick(customers[position])
                        }
                    } else {
                        for customer in stride(from: worker, to: customerCount, by: workers) { pick(customer) }
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

    /// The popularity prior blended into each customer's scores, and the ranking their list is topped up from:
    /// everyone's popularity, or their group's (`GroupPopularity`) where the scope covers them. Row r's prior is
    /// `items[offsets[r] ..< offsets[r + 1]]` with `scores` alongside; the last row is everyone's.
    struct Priors: Sendable {
        let offsets: [Int32]
        let items: [Int32]
        let scores: [Float]
        let groups: GroupPopularity?
        let scope: Configuration.GroupScope

        init(
            popularity: Popularity, groups: GroupPopularity?, scope: Configuration.GroupScope, blend: Float,
            candidates: Int
        ) {
            var offsets: [Int32] = [0]
            var items: [Int32] = []
            var scores: [Float] = []
            func append(_ ranked: some Collection<Int32>, _ weight: (Int, Int32) -> Float) {
                let top = ranked.first.map { weight(0, $0) } ?? 0
                if blend > 0 && top > 0 {
                    for (rank, item) in ranked.prefix(candidates).enumerated() {
                        items.append(item)
                        scores.append(blend * weight(rank, item) / top)
                    }
                }
                offsets.append(Int32(items.count))
            }
            if let groups {
                for row in 0..<groups.groupCount {
                    let rates = groups.rates(ofRow: row)
                    append(groups.ranking(ofRow: row)) { rank, _ in rates[rates.startIndex + rank] }
                }
            }
            append(popularity.ranked) { _, item in popularity.weights[Int(item)] }
            self.offsets = offsets
            self.items = items
            self.scores = scores
            self.groups = groups
            self.scope = scope
        }

        /// Everyone's row unless the customer's group applies to them.
        func row(of customer: Int, isNew: Bool) -> Int {
            let everyone = offsets.count - 2
            guard let groups, scope == .everyone || isNew else { return everyone }
            let row = groups.row(of: customer)
            return row < groups.groupCount ? row : everyone
        }

        func prior(row: Int) -> ArraySlice<Int32> { items[Int(offsets[row])..<Int(offsets[row + 1])] }

        func priorScores(row: Int) -> ArraySlice<Float> { scores[Int(offsets[row])..<Int(offsets[row + 1])] }

        /// The group's ranking to top up from (everyone's follows it in `Scratch.picks`).
        func fallback(row: Int) -> ArraySlice<Int32> {
            guard let groups, row < groups.groupCount else { return [] }
            return groups.ranking(ofRow: row)
        }
    }

    /// The top-level category of each product, for the category cap.
    struct Categories: Sendable {
        let ofProduct: [Int32]
        let count: Int
        let maximumPerCategory: Int?
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
        /// Picks per category while the cap is applied.
        var categoryPicks: [Int32]
        let pickCount: Int

        init(productCount: Int, pickCount: Int, categoryCount: Int) {
            scores = [Float](repeating: 0, count: productCount)
            categoryPicks = [Int32](repeating: 0, count: categoryCount)
            excludedStamp = [Int32](repeating: 0, count: productCount)
            self.pickCount = pickCount
        }

        mutating func picks(
            customer: Int, matrix: PurchaseMatrix, similarity: ItemSimilarity, fallback: ArraySlice<Int32>,
            popularity: Popularity, signals: SignalTable, available: [Bool], consumable: [Bool], damping: [Float],
            prior: ArraySlice<Int32>, priorScores: ArraySlice<Float>, powered: [Float], categories: Categories,
            asOfDay: Int32, halfLife: Double?
        ) -> [Int32] {
            stamp += 1
            let owned = Int(matrix.customerOffsets[customer])..<Int(matrix.customerOffsets[customer + 1])
            for entry in owned where !consumable[Int(matrix.customerItems[entry])] {
                excludedStamp[Int(matrix.customerItems[entry])] = stamp
            }
            for signal in signals.of(customer) { excludedStamp[Int(signal.product)] = stamp }

            func weight(day: Int32) -> Float {
                Float(RecencyWeight.of(day: day, asOfDay: asOfDay, halfLifeDays: halfLife))
            }
            // The hot loop: every neighbour of every product in the history, on raw buffers (no exclusivity or
            // bounds checks per step).
            var sources: [(item: Int32, weight: Float)] = []
            sources.reserveCapacity(owned.count)
            for entry in owned {
                sources.append((matrix.customerItems[entry], weight(day: matrix.customerItemDays[entry])))
            }
            for signal in signals.of(customer) {
                sources.append((signal.product, signal.weight * weight(day: signal.day)))
            }
            scores.withUnsafeMutableBufferPointer { scores in
                similarity.offsets.withUnsafeBufferPointer { offsets in
                    similarity.items.withUnsafeBufferPointer { items in
                        powered.withUnsafeBufferPointer { powered in
                            for (item, weight) in sources {
                                for entry in Int(offsets[Int(item)])..<Int(offsets[Int(item) + 1]) {
                                    let other = Int(items[entry])
                                    if scores[other] == 0 { touched.append(Int32(other)) }
                                    scores[other] += weight * powered[entry]
                                }
                            }
                        }
                    }
                }
            }

            var maximum: Float = 0
            for item in touched {
                scores[Int(item)] *= damping[Int(item)]
                maximum = max(maximum, scores[Int(item)])
            }
            if !prior.isEmpty {
                // Scale the neighbours' scores to 0...1 so the prior weighs the same for light and heavy buyers.
                let scale: Float = maximum > 0 ? 1 / maximum : 0
                for item in touched { scores[Int(item)] *= scale }
                for (item, score) in zip(prior, priorScores) {
                    if scores[Int(item)] == 0 { touched.append(item) }
                    scores[Int(item)] += score
                }
            }

            // Keep the best candidates by insertion into a short sorted list (more than `pickCount` when a category
            // cap may skip some).
            let keep = categories.maximumPerCategory == nil ? pickCount : pickCount * 4
            best.removeAll(keepingCapacity: true)
            for item in touched {
                let index = Int(item)
                let score = scores[index]
                scores[index] = 0
                guard excludedStamp[index] != stamp, available[index], score > 0 else { continue }
                if best.count == keep, let last = best.last,
                    !(score > last.score || (score == last.score && item < last.item))
                {
                    continue
                }
                var position = best.count
                while position > 0,
                    score > best[position - 1].score
                        || (score == best[position - 1].score && item < best[position - 1].item)
                {
                    position -= 1
                }
                best.insert((item, score), at: position)
                if best.count > keep { best.removeLast() }
            }
            touched.removeAll(keepingCapacity: true)

            var result: [Int32] = []
            if let cap = categories.maximumPerCategory {
                for (item, _) in best where result.count < pickCount {
                    let category = Int(categories.ofProduct[Int(item)])
                    guard categoryPicks[category] < Int32(cap) else { continue }
                    categoryPicks[category] += 1
                    result.append(item)
                }
                for item in result { categoryPicks[Int(categories.ofProduct[Int(item)])] = 0 }
            } else {
                result = best.prefix(pickCount).map(\.item)
            }
            if result.count < pickCount {
                for item in result { excludedStamp[Int(item)] = stamp }
                for item in fallback where result.count < pickCount {
                    if excludedStamp[Int(item)] != stamp, available[Int(item)] {
                        result.append(item)
                        excludedStamp[Int(item)] = stamp
                    }
                }
                for item in popularity.ranked where result.count < pickCount {
                    if excludedStamp[Int(item)] != stamp, available[Int(item)] { result.append(item) }
                }
            }
            return result
        }
    }
}
