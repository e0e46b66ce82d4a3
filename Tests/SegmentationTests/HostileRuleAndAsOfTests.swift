import Diagnostics
import SampleStores
import Store
import Testing

@testable import Segmentation

@Suite("deep rules and --as-of")
struct HostileRuleAndAsOfTests {
    @Test(
        "50,000 'or's, 20,000 parentheses, 50,000 'not's: one error at the token past the depth limit",
        arguments: [
            (String(repeating: "orders > 1 or ", count: 50_000) + "true", 254 * 14 + 11),
            (String(repeating: "(", count: 20_000) + "true" + String(repeating: ")", count: 20_000), 256),
            (String(repeating: "not ", count: 50_000) + "true", 256 * 4),
            (String(repeating: "[", count: 20_000) + "1" + String(repeating: "]", count: 20_000), 256),
        ])
    func deepRules(rule: String, offset: Int) {
        let (expression, errors) = RuleExpression.compile(text: rule)
        #expect(expression == nil)
        #expect(errors.map(\.offset) == [offset])
        #expect(errors.first?.message.hasPrefix("the rule nests more than 256 levels deep") == true)
    }

    @Test("a rule 200 levels deep still compiles")
    func deepButAllowed() {
        let rule = String(repeating: "not ", count: 200) + "true"
        #expect(RuleExpression.compile(text: rule).1.isEmpty)
    }

    @Test("as of a day, later orders are left out: no negative recency, spend as it was, no trap before every order")
    func asOfLeavesLaterOrdersOut() {
        let customers = [Customer(id: "t0", locale: "en", created: SampleStore.date(2026, 1, 1))]
        let orders = [
            SampleStore.line("a", 0, 0, SampleStore.date(2026, 1, 2), 1, 5000),
            SampleStore.line("b", 0, 0, SampleStore.date(2026, 5, 2), 1, 1000),
        ]
        let metrics = CustomerMetrics(
            customers: customers, products: SampleStore.products, orders: orders, asOf: SampleStore.date(2026, 2, 1))
        #expect(metrics.monetary == [5000])
        #expect(metrics.orders == [1])
        #expect(metrics.daysSinceLastOrder(0) == 30)
        let before = CustomerMetrics(
            customers: customers, products: SampleStore.products, orders: orders, asOf: SampleStore.date(2000, 1, 1))
        #expect(before.monetary == [0])
        #expect(before.daysSinceLastOrder(0) == nil)
        #expect(CustomerMetrics.projectedLifetimeValue(monetary: 100, tenureDays: -9000, recencyDays: -9000) >= 100)
    }
}
