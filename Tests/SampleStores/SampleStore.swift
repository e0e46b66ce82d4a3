import Diagnostics
import Segmentation
import Store
import TextFormats

/// A seven-customer store small enough to compute every metric by hand; the as-of day is the newest line,
/// 2026-06-30.
///
/// | customer | completed lines                              | spend | orders | last order | lifecycle |
/// |----------|----------------------------------------------|-------|--------|------------|-----------|
/// | c0       | o1 06-30 (2 × Tea 10.00, 1 × Soap 5.00), o2 03-02 (Tea 30.00) | 55.00 | 2 | 06-30 | active |
/// | c1       | o3 05-01 (Books 100.00); o4 06-01 cancelled  | 100.00 | 1     | 05-01      | active    |
/// | c2       | o5 2025-10-01 (3 × Soap 5.00)                 | 15.00 | 1      | 2025-10-01 | lapsed    |
/// | c3       | o6 06-20 returned                             | 0     | 0      | —          | lapsed    |
/// | c4       | none (created 06-15)                          | 0     | 0      | —          | new       |
/// | c5       | o7 06-10 (Tea 10.00)                          | 10.00 | 1      | 06-10      | new       |
/// | c6       | o8 02-01 (Books 40.00)                        | 40.00 | 1      | 02-01      | at_risk   |
package enum SampleStore {
    package static func date(_ year: Int64, _ month: Int64, _ day: Int64) -> Timestamp {
        Timestamp(
            secondsSince1970: CivilDate.daysSince1970(year: year, month: month, day: day) * Timestamp.secondsPerDay)
    }

    package static let products: [Product] = [
        Product(
            id: "p0", slug: "green", name: "Green tea", price: Money(minorUnits: 1000), category: ["Tea", "Green"]),
        Product(
            id: "p1", slug: "black", name: "Black tea", price: Money(minorUnits: 3000), category: ["Tea", "Black"]),
        Product(id: "p2", slug: "soap", name: "Soap", price: Money(minorUnits: 500), category: ["Soap"]),
        Product(id: "p3", slug: "book", name: "Book", price: Money(minorUnits: 10000), category: ["Books"]),
    ]

    package static let customers: [Customer] = [
        Customer(
            id: "c0", locale: "el", country: "GR", created: date(2026, 1, 1), consentEmail: true,
            consentTracking: true),
        Customer(id: "c1", locale: "fa", country: "IR", created: date(2026, 1, 1), tags: ["b2b"]),
        Customer(id: "c2", locale: "en", created: date(2026, 1, 1)),
        Customer(id: "c3", locale: "en", created: date(2026, 1, 1)),
        Customer(id: "c4", locale: "en", created: date(2026, 6, 15), consentEmail: true),
        Customer(id: "c5", locale: "en", created: date(2026, 6, 1)),
        Customer(id: "c6", locale: "en", created: date(2025, 12, 1), tags: ["b2b", "vip"]),
    ]

    package static func line(
        _ order: String, _ customer: Int32, _ product: Int32, _ date: Timestamp, _ quantity: Int32, _ cents: Int64,
        _ status: OrderLine.Status = .completed
    ) -> OrderLine {
        OrderLine(
            orderID: order, customer: customer, product: product, date: date, quantity: quantity,
            unitPrice: Money(minorUnits: cents), status: status)
    }

    /// Order o1's lines are split by a line of c1, the way a file sorted by date interleaves customers.
    package static let orders: [OrderLine] = [
        line("o2", 0, 1, date(2026, 3, 2), 1, 3000),
        line("o5", 2, 2, date(2025, 10, 1), 3, 500),
        line("o8", 6, 3, date(2026, 2, 1), 1, 4000),
        line("o3", 1, 3, date(2026, 5, 1), 1, 10000),
        line("o4", 1, 0, date(2026, 6, 1), 1, 1000, .cancelled),
        line("o7", 5, 0, date(2026, 6, 10), 1, 1000),
        line("o6", 3, 1, date(2026, 6, 20), 1, 2000, .returned),
        line("o1", 0, 0, date(2026, 6, 30), 2, 1000),
        line("o9", 1, 3, date(2026, 6, 30), 1, 0, .cancelled),
        line("o1", 0, 2, date(2026, 6, 30), 1, 500),
    ]

    package static func metrics(engagement: Engagement? = nil) -> CustomerMetrics {
        CustomerMetrics(customers: customers, products: products, orders: orders, engagement: engagement)
    }

    /// c2 clicked a tea three times yesterday; c3 unsubscribed; c0 opened a mail on 06-01.
    package static func engagement() -> Engagement {
        var engagement = Engagement(customerCount: customers.count)
        engagement.clicks30Days[2] = 3
        engagement.lastClickDay[2] = Int32(date(2026, 6, 29).day)
        engagement.clickedCategories[2] = ["Tea"]
        engagement.lastOpenDay[0] = Int32(date(2026, 6, 1).day)
        engagement.unsubscribed[3] = true
        return engagement
    }

    package static func context() -> RuleContext {
        RuleContext(metrics: metrics(engagement: engagement()), customers: customers)
    }
}
