import SeededRandom

extension PurchaseModel {
    /// Wish-list entries: mostly from customers who also order, for products of their favourite categories that
    /// they have not bought, added over the last year (more of them recently).
    func wishLists(
        count: Int, products: [Product], categoryCount: Int, shoppers: [Shopper], history: PurchaseHistory,
        random: inout SplitMix64
    ) -> [WishlistRecord] {
        guard count > 0, !products.isEmpty, !shoppers.isEmpty else { return [] }
        let catalogue = Catalogue(products: products, categoryCount: categoryCount)
        let buyers = history.tastes.indices.filter { !history.tastes[$0].isEmpty }
        var taken = Set<Int>()
        var entries: [WishlistRecord] = []
        entries.reserveCapacity(count)
        var attempts = 0
        while entries.count < count && attempts < 50 * count {
            let customer = !buyers.isEmpty && random.chance(0.65) ? random.pick(buyers) : random.below(shoppers.count)
            let created = shoppers[customer].created
            guard created <= lastDay else {
                attempts += 1
                continue
            }
            let size = 1 + min(7, Int(random.pareto(alpha: 1.6)) - 1 + random.below(2))
            for _ in 0..<size where entries.count < count {
                attempts += 1
                let taste = history.tastes[customer]
                let product =
                    !taste.isEmpty && random.chance(0.7)
                    ? catalogue.product(inCategory: random.pick(taste), random: &random)
                    : catalogue.popular.draw(&random)
                guard taken.insert(customer * products.count + product).inserted else { continue }
                if history.bought[customer].contains(Int32(product)) && !random.chance(0.1) { continue }
                let earliest = max(created, lastDay - 400)
                let span = Double(lastDay - earliest + 1)
                let added = lastDay - min(lastDay - earliest, Int(span * random.unit() * random.unit()))
                entries.append(WishlistRecord(customer: customer, product: product, added: added))
            }
        }
        entries.sort { ($0.customer, $0.added, $0.product) < ($1.customer, $1.added, $1.product) }
        return entries
    }
}
