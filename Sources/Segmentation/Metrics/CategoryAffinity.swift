/// Each customer's share of spend per top-level category, as a compressed sparse row table: the entries of
/// customer `c` are `offsets[c]..<offsets[c + 1]` of `categories`/`shares`, sorted by category index. Most customers
/// touch a handful of categories, so this is far smaller than a customers × categories grid.
public struct CategoryAffinity: Sendable, Hashable {
    /// Top-level category names; an entry's category is an index into this.
    public let categoryNames: [String]
    public let offsets: [Int32]
    public let categories: [Int32]
    /// Fraction of the customer's net spend, 0...1; the shares of a customer with spend sum to 1.
    public let shares: [Double]

    public init(categoryNames: [String], offsets: [Int32], categories: [Int32], shares: [Double]) {
        self.categoryNames = categoryNames
        self.offsets = offsets
        self.categories = categories
        self.shares = shares
    }

    /// The index of a category name, nil when no product has it.
    public func categoryIndex(named name: String) -> Int32? {
        categoryNames.firstIndex(of: name).map { Int32($0) }
    }

    /// The share of `customer`'s spend in `category` (0 when none).
    public func share(customer: Int, category: Int32) -> Double {
        var index = Int(offsets[customer])
        let end = Int(offsets[customer + 1])
        while index < end {
            if categories[index] == category { return shares[index] }
            index += 1
        }
        return 0
    }

    /// `(name, share)` pairs of one customer, largest share first.
    public func entries(customer: Int) -> [(category: String, share: Double)] {
        let range = Int(offsets[customer])..<Int(offsets[customer + 1])
        return range.map { (categoryNames[Int(categories[$0])], shares[$0]) }
            .sorted { $0.share != $1.share ? $0.share > $1.share : $0.category < $1.category }
    }
}
