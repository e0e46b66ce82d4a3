import Recommendation
import Store
import TextFormats

/// The store of `RecommendationTests` and `HybridRankerTests`: six products (2 consumable, 4 out of stock) and six customers:
///
///     A {0, 2}   B {0, 1, 4}   C {0, 1, 2, 4}   D {5}   E {} (new)   F {0}, wishes 1
///
/// Buyers: 0 → 4, 1 → 2, 2 → 2, 3 → 0, 4 → 2, 5 → 1. Cosines: sim(0,1) = sim(0,2) = sim(0,4) = 2/√8,
/// sim(1,2) = sim(2,4) = 1/√4, sim(1,4) = 2/√4 = 1.
package enum RecommendationSample {
    package static let day = Timestamp(secondsSince1970: 20_000 * Timestamp.secondsPerDay)

    package static let products: [Product] = (0..<6).map { index in
        Product(
            id: "p\(index)", slug: "p\(index)", name: "P\(index)", price: Money(minorUnits: 100),
            category: [index < 3 ? "Tea" : "Soap"], stock: index == 4 ? 0 : nil, consumable: index == 2)
    }

    package static let purchases: [[Int32]] = [[0, 2], [0, 1, 4], [0, 1, 2, 4], [5], [], [0]]

    package static var orders: [OrderLine] {
        var orders: [OrderLine] = []
        for (customer, items) in purchases.enumerated() {
            for item in items {
                orders.append(
                    OrderLine(
                        orderID: "o\(customer)", customer: Int32(customer), product: item, date: day, quantity: 1,
                        unitPrice: Money(minorUnits: 100)))
            }
        }
        // A returned line is not a purchase.
        orders.append(
            OrderLine(
                orderID: "r", customer: 3, product: 0, date: day, quantity: 1, unitPrice: Money(minorUnits: 100),
                status: .returned))
        return orders
    }

    package static let matrix = PurchaseMatrix(customerCount: 6, productCount: 6, orders: orders)
}
