import Recommendation

/// Offline quality of a recommender on a time split: train on the past, then look at what customers bought in the
/// following period that they had never bought before ("new products").
///
/// Over the customers with at least one new product in the test period:
/// - hit rate@k: the share of those customers with at least one of their k picks among their new products;
/// - recall@k (macro): the mean over those customers of (new products found in the picks) / (new products);
/// - recall@k (micro): all new products found over all new products (heavy buyers weigh more).
///
/// Each customer's outcome is kept, in customer order, so that subsets can be scored without making the picks
/// again and two methods can be compared customer by customer (`PairedBootstrap`).
package struct HoldoutEvaluation: Sendable, Hashable {
    /// One evaluated customer: how many of their new products the k picks found, out of how many.
    package struct CustomerOutcome: Sendable, Hashable {
        package var customer: Int32
        package var found: Int32
        package var newProducts: Int32

        package init(customer: Int32, found: Int32, newProducts: Int32) {
            self.customer = customer
            self.found = found
            self.newProducts = newProducts
        }

        package var recall: Double { Double(found) / Double(newProducts) }
    }

    /// The evaluated customers, in increasing customer order.
    package var outcomes: [CustomerOutcome]

    package var customers: Int { outcomes.count }
    package var customersWithHit: Int { outcomes.count { $0.found > 0 } }
    package var newProducts: Int { outcomes.reduce(0) { $0 + Int($1.newProducts) } }
    package var newProductsFound: Int { outcomes.reduce(0) { $0 + Int($1.found) } }

    package var hitRate: Double { customers > 0 ? Double(customersWithHit) / Double(customers) : 0 }
    package var macroRecall: Double { customers > 0 ? outcomes.reduce(0) { $0 + $1.recall } / Double(customers) : 0 }
    package var microRecall: Double { newProducts > 0 ? Double(newProductsFound) / Double(newProducts) : 0 }

    package init(outcomes: [CustomerOutcome]) { self.outcomes = outcomes }

    /// Scores `picks(customer)` (the first `k` count) against `test`'s products not in `train`.
    package init(train: PurchaseMatrix, test: PurchaseMatrix, k: Int = 10, picks: (Int) -> [Int32]) {
        outcomes = []
        for customer in 0..<test.customerCount {
            let fresh = test.items(of: customer).filter { !train.owns(customer: customer, item: $0) }
            guard !fresh.isEmpty else { continue }
            let top = picks(customer).prefix(k)
            let found = fresh.count { top.contains($0) }
            outcomes.append(.init(customer: Int32(customer), found: Int32(found), newProducts: Int32(fresh.count)))
        }
    }

    /// The same evaluation restricted to the customers `including` accepts.
    package func filter(_ including: (Int) -> Bool) -> HoldoutEvaluation {
        HoldoutEvaluation(outcomes: outcomes.filter { including(Int($0.customer)) })
    }
}
