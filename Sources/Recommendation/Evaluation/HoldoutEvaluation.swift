/// Offline quality of a recommender on a time split: train on the past, then look at what customers bought in the
/// following period that they had never bought before ("new products").
///
/// Over the customers with at least one new product in the test period:
/// - hit rate@k: the share of those customers with at least one of their k picks among their new products;
/// - recall@k (macro): the mean over those customers of (new products found in the picks) / (new products);
/// - recall@k (micro): all new products found over all new products (heavy buyers weigh more).
public struct HoldoutEvaluation: Sendable, Hashable {
    public var customers: Int
    public var customersWithHit: Int
    public var newProducts: Int
    public var newProductsFound: Int
    public var recallSum: Double

    public var hitRate: Double { customers > 0 ? Double(customersWithHit) / Double(customers) : 0 }
    public var macroRecall: Double { customers > 0 ? recallSum / Double(customers) : 0 }
    public var microRecall: Double { newProducts > 0 ? Double(newProductsFound) / Double(newProducts) : 0 }

    /// Scores `picks(customer)` (the first `k` count) against `test`'s products not in `train`.
    public init(
        train: PurchaseMatrix, test: PurchaseMatrix, k: Int = 10, including: (Int) -> Bool = { _ in true },
        picks: (Int) -> [Int32]
    ) {
        customers = 0
        customersWithHit = 0
        newProducts = 0
        newProductsFound = 0
        recallSum = 0
        for customer in 0..<test.customerCount where including(customer) {
            let fresh = test.items(of: customer).filter { !train.owns(customer: customer, item: $0) }
            guard !fresh.isEmpty else { continue }
            let top = picks(customer).prefix(k)
            let found = fresh.count { top.contains($0) }
            customers += 1
            customersWithHit += found > 0 ? 1 : 0
            newProducts += fresh.count
            newProductsFound += found
            recallSum += Double(found) / Double(fresh.count)
        }
    }

    /// The customers of `self` that are not in `part` (an evaluation of a subset of the same customers).
    public func subtracting(_ part: HoldoutEvaluation) -> HoldoutEvaluation {
        var rest = self
        rest.customers -= part.customers
        rest.customersWithHit -= part.customersWithHit
        rest.newProducts -= part.newProducts
        rest.newProductsFound -= part.newProductsFound
        rest.recallSum -= part.recallSum
        return rest
    }
}
