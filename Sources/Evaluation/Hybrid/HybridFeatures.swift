import Recommendation
import Store

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The candidates of each customer and their features, for `HybridRanker`. Candidates are the union of
///
/// - the `neighbourCandidates` best products by item-to-item score (`knn` in `CustomerPicks`, recency-weighted,
///   similarities raised to `similarityExponent`);
/// - the `popularCandidates` most popular now (the trend popularity given) and in the customer's group
///   (`GroupPopularity`, such as their country);
/// - the `categoryCandidates` trending products of each of the customer's `favouriteCategories` top-level
///   categories (by share of their history);
/// - the `newArrivalCandidates` new arrivals (first sold within `newArrivalDays`) with the most recent buyers,
///
/// never one they own (unless consumable) or out of stock. Features (see `names`) describe the candidate alone (how
/// it sells now, everywhere and in the customer's group, how new it is, whether its sales grow), the pair (the
/// item-to-item score and rank, the customer's share of history in its category, its price against what they
/// pay), and the candidate crossed with the customer (the neighbours' score × how much history there is; trend
/// and group popularity × having no history), since a feature of the customer alone cannot change their order.
package struct HybridFeatures: Sendable {
    package struct Configuration: Sendable, Hashable {
        package var neighbourCandidates: Int
        package var popularCandidates: Int
        package var categoryCandidates: Int
        package var favouriteCategories: Int
        package var newArrivalCandidates: Int
        package var newArrivalDays: Int32
        /// The window over which recent sales are counted, and compared with the window before.
        package var growthWindowDays: Int32
        package var recencyHalfLifeDays: Double?
        package var similarityExponent: Double
        /// As `CustomerPicks.Configuration.popularityDamping`, for the "knn-damped-share" feature, which with
        /// "trend-share" (and "group-share×new-customer") makes the blended score of `CustomerPicks` one of the
        /// linear models the ranker can learn.
        package var popularityDamping: Double

        package init(
            neighbourCandidates: Int = 100, popularCandidates: Int = 100, categoryCandidates: Int = 30,
            favouriteCategories: Int = 3, newArrivalCandidates: Int = 50, newArrivalDays: Int32 = 30,
            growthWindowDays: Int32 = 14, recencyHalfLifeDays: Double? = 120, similarityExponent: Double = 3,
            popularityDamping: Double = -0.25
        ) {
            self.popularityDamping = popularityDamping
            self.neighbourCandidates = neighbourCandidates
            self.popularCandidates = popularCandidates
            self.categoryCandidates = categoryCandidates
            self.favouriteCategories = favouriteCategories
            self.newArrivalCandidates = newArrivalCandidates
            self.newArrivalDays = newArrivalDays
            self.growthWindowDays = growthWindowDays
            self.recencyHalfLifeDays = recencyHalfLifeDays
            self.similarityExponent = similarityExponent
        }
    }

    /// The features, in row order.
    package static let names = [
        "knn-share", "knn-log", "knn-rank", "knn-plain-share", "trend-log", "buyers-log", "group-log",
        "category-share", "age-log", "new-arrival", "growth-log", "recent-log", "price-distance",
        "knn-share×history-log", "trend-log×new-customer", "group-log×new-customer", "trend-log×days-since-log",
        "knn-damped-share", "trend-share", "group-share×new-customer",
    ]

    package let matrix: PurchaseMatrix
    package let configuration: Configuration
    let similarity: ItemSimilarity
    let powered: [Float]
    let trend: Popularity
    let popularity: Popularity
    let groups: GroupPopularity?
    /// Dense group × product rates (row `groupCount` everyone's), 0 where a group's ranking stops.
    let groupRates: [Float]
    let available: [Bool]
    let consumable: [Bool]
    let categoryOfProduct: [Int32]
    let categoryCount: Int
    /// Per category, its products by trend, best first (`categoryItems[categoryOffsets[k] ..< …]`).
    let categoryOffsets: [Int32]
    let categoryItems: [Int32]
    let logPrice: [Float]
    let damping: [Float]
    let firstSaleDay: [Int32]
    let recentLines: [Int32]
    let previousLines: [Int32]
    let newArrivals: [Int32]
    let asOfDay: Int32

    /// - Parameter orders: the lines the matrix was built from (for first-sale days and recent sales).
    package init(
        matrix: PurchaseMatrix, orders: [OrderLine], similarity: ItemSimilarity, trend: Popularity,
        popularity: Popularity, groups: GroupPopularity?, products: [Product], asOfDay: Int32,
        configuration: Configuration = Configuration()
    ) {
        let productCount = matrix.productCount
        self.matrix = matrix
        self.configuration = configuration
        self.similarity = similarity
        let exponent = Float(configuration.similarityExponent)
        powered = exponent == 1 ? similarity.scores : similarity.scores.map { powf($0, exponent) }
        self.trend = trend
        self.popularity = popularity
        self.groups = groups
        var groupRates: [Float] = []
        if let groups {
            groupRates = [Float](repeating: 0, count: (groups.groupCount + 1) * productCount)
            for row in 0...groups.groupCount {
                for (item, rate) in zip(groups.ranking(ofRow: row), groups.rates(ofRow: row)) {
                    groupRates[row * productCount + Int(item)] = rate
                }
            }
        }
        self.groupRates = groupRates
        available = products.map(\.isInStock)
        consumable = products.map(\.consumable)
        let categories = TopCategories(products)
        categoryOfProduct = categories.ofProduct
        categoryCount = categories.count
        var perCategory = [[Int32]](repeating: [], count: categoryCount)
        for item in trend.ranked where perCategory[Int(categoryOfProduct[Int(item)])].count < 100 {
            guard trend.weights[Int(item)] > 0 else { break }
            perCategory[Int(categoryOfProduct[Int(item)])].append(item)
        }
        var categoryOffsets: [Int32] = [0]
        for items in perCategory { categoryOffsets.append(categoryOffsets.last! + Int32(items.count)) }
        self.categoryOffsets = categoryOffsets
        categoryItems = perCategory.flatMap { $0 }
        damping = trend.dampingFactors(exponent: configuration.popularityDamping)
        logPrice = products.map { Float(log(Double(max(1, $0.price.minorUnits)))) }

        var firstSaleDay = [Int32](repeating: .max, count: productCount)
        var recentLines = [Int32](repeating: 0, count: productCount)
        var previousLines = [Int32](repeating: 0, count: productCount)
        let window = configuration.growthWindowDays
        for line in orders where line.status == .completed {
            let item = Int(line.product)
            let day = Int32(line.date.day)
            guard day <= asOfDay else { continue }
            firstSaleDay[item] = min(firstSaleDay[item], day)
            if day > asOfDay - window {
                recentLines[item] += 1
            } else if day > asOfDay - 2 * window {
                previousLines[item] += 1
            }
        }
        self.firstSaleDay = firstSaleDay
        self.recentLines = recentLines
        self.previousLines = previousLines
        var arrivals: [(item: Int32, recent: Int32)] = []
        for item in 0..<productCount where firstSaleDay[item] != .max {
            if asOfDay - firstSaleDay[item] < configuration.newArrivalDays {
                arrivals.append((Int32(item), recentLines[item]))
            }
        }
        arrivals.sort { $0.recent != $1.recent ? $0.recent > $1.recent : $0.item < $1.item }
        newArrivals = arrivals.prefix(configuration.newArrivalCandidates).map(\.item)
        self.asOfDay = asOfDay
    }

    /// The candidates and features of `customers`, labelled by whether `labels` (the purchases of the following
    /// period) holds them; unlabelled (all false) without.
    package func groups(for customers: some Sequence<Int>, labels: PurchaseMatrix? = nil) -> RankingGroups {
        var result = RankingGroups(featureCount: Self.names.count)
        var scratch = Scratch(productCount: matrix.productCount, categoryCount: categoryCount)
        for customer in customers {
            let rows = candidates(of: customer, scratch: &scratch)
            for (item, features) in rows {
                result.appendRow(
                    item: item, features: features, label: labels?.owns(customer: customer, item: item) ?? false)
            }
            result.closeGroup(customer: Int32(customer))
        }
        return result
    }

    /// Each customer's `count` best candidates by `ranker`, at most `maximumPerCategory` from one top-level
    /// category, topped up from the trend popularity. Layout as `CustomerPicks`: one array per customer.
    package func picks(ranker: HybridRanker, count: Int, maximumPerCategory: Int?) -> [[Int32]] {
        var scratch = Scratch(productCount: matrix.productCount, categoryCount: categoryCount)
        var categoryPicks = [Int32](repeating: 0, count: categoryCount)
        return (0..<matrix.customerCount).map { customer in
            let ranked = candidates(of: customer, scratch: &scratch)
                .map { (item: $0.item, score: ranker.score($0.features)) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
            var result: [Int32] = []
            for (item, _) in ranked where result.count < count {
                let category = Int(categoryOfProduct[Int(item)])
                if let cap = maximumPerCategory {
                    guard categoryPicks[category] < Int32(cap) else { continue }
                }
                categoryPicks[category] += 1
                result.append(item)
            }
            for item in result { categoryPicks[Int(categoryOfProduct[Int(item)])] = 0 }
            if result.count < count {
                for item in trend.ranked where result.count < count {
                    if !excluded(item, customer: customer), !result.contains(item) { result.append(item) }
                }
            }
            return result
        }
    }

    func excluded(_ item: Int32, customer: Int) -> Bool {
        !available[Int(item)] || (!consumable[Int(item)] && matrix.owns(customer: customer, item: item))
    }

    struct Scratch {
        var knn: [Float]
        var plain: [Float]
        var stamp: [Int32]
        var current: Int32 = 0
        var categoryWeight: [Float]

        init(productCount: Int, categoryCount: Int) {
            knn = [Float](repeating: 0, count: productCount)
            plain = [Float](repeating: 0, count: productCount)
            stamp = [Int32](repeating: 0, count: productCount)
            categoryWeight = [Float](repeating: 0, count: categoryCount)
        }
    }

    func candidates(of customer: Int, scratch: inout Scratch) -> [(item: Int32, features: [Float])] {
        scratch.current += 1
        let stamp = scratch.current
        let owned = Int(matrix.customerOffsets[customer])..<Int(matrix.customerOffsets[customer + 1])
        let historyCount = owned.count
        let isNew: Float = historyCount == 0 ? 1 : 0
        var lastDay = Int32.min
        var priceSum: Float = 0

        // Item-to-item scores, as in `CustomerPicks`, and a plain (unweighted, exponent 1) variant.
        var touched: [Int32] = []
        for entry in owned {
            let source = Int(matrix.customerItems[entry])
            let day = matrix.customerItemDays[entry]
            lastDay = max(lastDay, day)
            priceSum += logPrice[source]
            scratch.categoryWeight[Int(categoryOfProduct[source])] += 1
            let weight = Float(
                RecencyWeight.of(day: day, asOfDay: asOfDay, halfLifeDays: configuration.recencyHalfLifeDays))
            for neighbour in Int(similarity.offsets[source])..<Int(similarity.offsets[source + 1]) {
                let other = Int(similarity.items[neighbour])
                if scratch.plain[other] == 0 { touched.append(Int32(other)) }
                scratch.knn[other] += weight * powered[neighbour]
                scratch.plain[other] += similarity.scores[neighbour]
            }
        }
        var maxKnn: Float = 0
        var maxPlain: Float = 0
        var maxDamped: Float = 0
        for item in touched {
            maxKnn = max(maxKnn, scratch.knn[Int(item)])
            maxPlain = max(maxPlain, scratch.plain[Int(item)])
            maxDamped = max(maxDamped, scratch.knn[Int(item)] * damping[Int(item)])
        }
        let maxTrend = trend.ranked.first.map { trend.weights[Int($0)] } ?? 0
        let meanLogPrice = historyCount > 0 ? priceSum / Float(historyCount) : 0
        let historyLog = Float(log(1 + Double(historyCount)))
        let daysSinceLog = historyCount > 0 ? Float(log(1 + Double(max(0, asOfDay - lastDay)))) : 0
        let groupRow = groups.map { $0.row(of: customer) }
        let maxGroup: Float = groupRow.flatMap { groups?.rates(ofRow: $0).first } ?? 0

        var list: [Int32] = []
        func consider(_ item: Int32) {
            let index = Int(item)
            guard scratch.stamp[index] != stamp, !excluded(item, customer: customer) else { return }
            scratch.stamp[index] = stamp
            list.append(item)
        }
        let byKnn = touched.sorted {
            scratch.knn[Int($0)] != scratch.knn[Int($1)] ? scratch.knn[Int($0)] > scratch.knn[Int($1)] : $0 < $1
        }
        // Rank among the customer's allowed neighbours (owned ones excluded, as they never show).
        var knnRank = [Int32: Int]()
        var rank = 0
        for item in byKnn where !excluded(item, customer: customer) {
            if rank < configuration.neighbourCandidates {
                knnRank[item] = rank
                consider(item)
            }
            rank += 1
        }
        for item in trend.ranked.prefix(configuration.popularCandidates) { consider(item) }
        if let groups, let groupRow {
            for item in groups.ranking(ofRow: groupRow).prefix(configuration.popularCandidates) { consider(item) }
        }
        if historyCount > 0 {
            var favourites: [(category: Int, weight: Float)] = []
            for entry in owned {
                let category = Int(categoryOfProduct[Int(matrix.customerItems[entry])])
                if scratch.categoryWeight[category] > 0, !favourites.contains(where: { $0.category == category }) {
                    favourites.append((category, scratch.categoryWeight[category]))
                }
            }
            favourites.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.category < $1.category }
            for (category, _) in favourites.prefix(configuration.favouriteCategories) {
                let range = Int(categoryOffsets[category])..<Int(categoryOffsets[category + 1])
                for item in categoryItems[range].prefix(configuration.categoryCandidates) { consider(item) }
            }
        }
        for item in newArrivals { consider(item) }

        let productCount = matrix.productCount
        var rows: [(item: Int32, features: [Float])] = []
        rows.reserveCapacity(list.count)
        for item in list {
            let index = Int(item)
            let knnShare = maxKnn > 0 ? scratch.knn[index] / maxKnn : 0
            let plainShare = maxPlain > 0 ? scratch.plain[index] / maxPlain : 0
            let trendLog = Float(log(1 + Double(trend.weights[index])))
            let groupRate: Float = groupRow.map { groupRates[$0 * productCount + index] } ?? 0
            let groupLog = Float(log(1e-5 + Double(groupRate)))
            let age = firstSaleDay[index] == .max ? 365 : Double(max(0, asOfDay - firstSaleDay[index]))
            let features: [Float] = [
                knnShare,
                Float(log(1e-3 + Double(knnShare))),
                knnRank[item].map { 1 / Float(1 + $0) } ?? 0,
                plainShare,
                trendLog,
                Float(log(1 + Double(popularity.weights[index]))),
                groupLog,
                historyCount > 0 ? scratch.categoryWeight[Int(categoryOfProduct[index])] / Float(historyCount) : 0,
                Float(log(1 + age)),
                age < Double(configuration.newArrivalDays) ? 1 : 0,
                Float(log(Double(1 + recentLines[index]) / Double(1 + previousLines[index]))),
                Float(log(1 + Double(recentLines[index]))),
                historyCount > 0 ? abs(logPrice[index] - meanLogPrice) : 0,
                knnShare * historyLog,
                trendLog * isNew,
                groupLog * isNew,
                trendLog * daysSinceLog,
                maxDamped > 0 ? scratch.knn[index] * damping[index] / maxDamped : 0,
                maxTrend > 0 ? trend.weights[index] / maxTrend : 0,
                maxGroup > 0 ? groupRate / maxGroup * isNew : 0,
            ]
            rows.append((item, features))
        }
        for item in touched {
            scratch.knn[Int(item)] = 0
            scratch.plain[Int(item)] = 0
        }
        for entry in owned { scratch.categoryWeight[Int(categoryOfProduct[Int(matrix.customerItems[entry])])] = 0 }
        return rows
    }
}
