#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// What sells within each group of customers known before they buy (their country, a segment), for the picks'
/// prior and for customers with no history yet. A small group's counts are noisy, so each group's buying rate is
/// shrunk toward everyone's (a Bayesian mean with `shrinkage` pseudo-members who buy like the average customer):
///
///     rate_g(p) = (w_g(p) + m · w(p) / N) / (n_g + m)
///
/// where `w_g(p)` sums the members of g who bought p (each `0.5^(age / halfLifeDays)` by their last purchase of p
/// when a half-life is given, else 1), `n_g` counts the members of g with a purchase, and `w(p)`, `N` the same over
/// every customer. m = 0 is the group alone, a large m everyone's popularity. Customers in group -1 (unknown) get
/// everyone's. Memory: a dense groups × products table while counting, so meant for tens of groups, not thousands.
/// Layout: `items[offsets[g] ..< offsets[g + 1]]` (the group's `count` best, best first, ties by lower index),
/// `rates` alongside; the row at `groupCount` is everyone's.
public struct GroupPopularity: Sendable {
    public let groupOfCustomer: [Int32]
    public let groupCount: Int
    public let offsets: [Int32]
    public let items: [Int32]
    public let rates: [Float]

    public init(
        matrix: PurchaseMatrix, groupOfCustomer: [Int32], groupCount: Int, asOfDay: Int32 = 0,
        halfLifeDays: Double? = nil, shrinkage: Double = 10, count: Int = 100
    ) {
        let days = matrix.customerItemDays
        precondition(groupOfCustomer.count == matrix.customerCount, "one group per customer")
        let productCount = matrix.productCount
        let rows = groupCount + 1
        var weights = [Double](repeating: 0, count: rows * productCount)
        var members = [Double](repeating: 0, count: rows)
        for customer in 0..<matrix.customerCount {
            let entries = Int(matrix.customerOffsets[customer])..<Int(matrix.customerOffsets[customer + 1])
            guard !entries.isEmpty else { continue }
            let group = Int(groupOfCustomer[customer])
            let row = group >= 0 && group < groupCount ? group : -1
            members[groupCount] += 1
            if row >= 0 { members[row] += 1 }
            for entry in entries {
                let weight = RecencyWeight.of(day: days[entry], asOfDay: asOfDay, halfLifeDays: halfLifeDays)
                let item = Int(matrix.customerItems[entry])
                weights[groupCount * productCount + item] += weight
                if row >= 0 { weights[row * productCount + item] += weight }
            }
        }
        let everyone = groupCount * productCount
        let total = max(1, members[groupCount])
        var offsets: [Int32] = [0]
        var items: [Int32] = []
        var rates: [Float] = []
        var candidates: [(item: Int32, rate: Double)] = []
        for row in 0..<rows {
            candidates.removeAll(keepingCapacity: true)
            let m = row == groupCount ? 0 : max(0, shrinkage)
            let denominator = members[row] + m
            for item in 0..<productCount where weights[everyone + item] > 0 {
                let prior = m * weights[everyone + item] / total
                let rate = denominator > 0 ? (weights[row * productCount + item] + prior) / denominator : 0
                if rate > 0 { candidates.append((Int32(item), rate)) }
            }
            candidates.sort { $0.rate != $1.rate ? $0.rate > $1.rate : $0.item < $1.item }
            for candidate in candidates.prefix(count) {
                items.append(candidate.item)
                rates.append(Float(candidate.rate))
            }
            offsets.append(Int32(items.count))
        }
        self.groupOfCustomer = groupOfCustomer
        self.groupCount = groupCount
        self.offsets = offsets
        self.items = items
        self.rates = rates
    }

    /// The same with the groups made from one attribute per customer (`groups(_:)`), such as their country.
    public init<Key: Hashable>(
        matrix: PurchaseMatrix, groupKeys: [Key?], asOfDay: Int32 = 0, halfLifeDays: Double? = nil,
        shrinkage: Double = 10, count: Int = 100
    ) {
        let groups = Self.groups(groupKeys)
        self.init(
            matrix: matrix, groupOfCustomer: groups.groupOfCustomer, groupCount: groups.names.count, asOfDay: asOfDay,
            halfLifeDays: halfLifeDays, shrinkage: shrinkage, count: count)
    }

    /// The row of a customer's group (everyone's for an unknown group).
    public func row(of customer: Int) -> Int {
        let group = Int(groupOfCustomer[customer])
        return group >= 0 && group < groupCount ? group : groupCount
    }

    /// The best products of `row` (a group, or `groupCount` for everyone), best first.
    public func ranking(ofRow row: Int) -> ArraySlice<Int32> { items[Int(offsets[row])..<Int(offsets[row + 1])] }

    /// The rates of `ranking(ofRow:)`, alongside.
    public func rates(ofRow row: Int) -> ArraySlice<Float> { rates[Int(offsets[row])..<Int(offsets[row + 1])] }

    /// Groups from one attribute per customer (nil: unknown, group -1), numbered in order of first appearance.
    public static func groups<Key: Hashable>(_ keys: [Key?]) -> (groupOfCustomer: [Int32], names: [Key]) {
        var index: [Key: Int32] = [:]
        var names: [Key] = []
        let groupOfCustomer: [Int32] = keys.map { key in
            guard let key else { return -1 }
            if let known = index[key] { return known }
            index[key] = Int32(names.count)
            names.append(key)
            return Int32(names.count - 1)
        }
        return (groupOfCustomer, names)
    }
}
