import Diagnostics
import SampleStores
import Segmentation
import Store
import Testing
import VitrineKit

/// The façade of `vitrine segments` over the sample store: the table, the JSON, `--explain`, and the
/// recommendations built from the report.
@Suite struct SegmentsWorkflowTests {
    static let file = SegmentsFile(rules: ["monetary_rank <= 0.2", "\"b2b\" in tags"])

    static func report() -> SegmentReport {
        var diagnostics = DiagnosticEngine()
        let report = SegmentsWorkflow.run(
            customers: SampleStore.customers, products: SampleStore.products, orders: SampleStore.orders,
            segments: file.definitions, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        return report!
    }

    @Test func table() {
        #expect(
            Self.report().renderedTable(currency: "EUR") == """
                segment  name  customers  % customers  revenue EUR  % revenue  avg R  avg F  avg M  new  active  at risk  lapsed
                -------  ----  ---------  -----------  -----------  ---------  -----  -----  -----  ---  ------  -------  ------
                s0       S0            1        14.3%       100.00      45.5%    3.0    1.0    5.0    0       1        0       0
                s1       S1            1        14.3%        40.00      18.2%    2.0    1.0    3.0    0       0        1       0
                zz       ZZ            5        71.4%        80.00      36.4%    3.3    2.3    2.3    2       1        0       2

                7 customers, 5 with orders, revenue 220.00, as of 2026-06-30
                80/20: the top 20% of buyers (1 of 5) bring 45.5% of revenue

                """)
    }

    @Test func json() {
        #expect(
            Self.report().renderedJSON == """
                {
                  "as_of": "2026-06-30",
                  "customers": 7,
                  "revenue": "220.00",
                  "pareto": {"top_fraction": 0.2, "buyers": 5, "top_customers": 1, "top_revenue": "100.00", \
                "revenue_share": 0.4545},
                  "segments": [
                    {"id": "s0", "name": "S0", "rule": "monetary_rank <= 0.2", "size": 1, "buyers": 1, \
                "revenue": "100.00", "revenue_share": 0.4545, "average_r": 3, "average_f": 1, "average_m": 5, \
                "lifecycle": {"new": 0, "active": 1, "at_risk": 0, "lapsed": 0}},
                    {"id": "s1", "name": "S1", "rule": "\\"b2b\\" in tags", "size": 1, "buyers": 1, \
                "revenue": "40.00", "revenue_share": 0.1818, "average_r": 2, "average_f": 1, "average_m": 3, \
                "lifecycle": {"new": 0, "active": 0, "at_risk": 1, "lapsed": 0}},
                    {"id": "zz", "name": "ZZ", "rule": null, "size": 5, "buyers": 3, "revenue": "80.00", \
                "revenue_share": 0.3636, "average_r": 3.3333, "average_f": 2.3333, "average_m": 2.3333, \
                "lifecycle": {"new": 2, "active": 1, "at_risk": 0, "lapsed": 2}}
                  ]
                }

                """)
    }

    @Test func explainShowsMetricsAndTheRulesTried() throws {
        let explanation = try #require(Self.report().explain(customerID: "c6"))
        #expect(explanation.segmentID == "s1")
        #expect(explanation.tried.map(\.segmentID) == ["s0", "s1"])
        #expect(explanation.tried.map(\.matched) == [false, true])
        let text = explanation.renderedText
        #expect(text.hasPrefix("customer c6 is in segment s1 (as of 2026-06-30)\n"))
        #expect(text.contains("\n  days_since_last_order  149\n"))
        #expect(text.contains("\n  last_order             2026-02-01\n"))
        #expect(text.contains("\n  affinity               {\"Books\": 1}\n"))
        #expect(text.contains("\n  tags                   [\"b2b\", \"vip\"]\n"))
        #expect(text.contains("\n  last_open              none\n"))
        #expect(
            text.hasSuffix(
                "rules tried, first match wins:\n  1. s0  no       monetary_rank <= 0.2\n"
                    + "  2. s1  matched  \"b2b\" in tags\n"))
        let json = explanation.renderedJSON
        #expect(json.contains("\"monetary\": 40,\n"))
        #expect(json.contains("\"first_order\": \"2026-02-01\",\n"))
        #expect(json.contains("\"aov\": 40,\n"))
        #expect(json.contains("{\"segment\": \"s1\", \"rule\": \"\\\"b2b\\\" in tags\", \"matched\": true}"))
    }

    @Test func explainAnUnknownCustomer() {
        #expect(Self.report().explain(customerID: "nobody") == nil)
    }

    @Test func explainACustomerWithoutOrders() throws {
        let explanation = try #require(Self.report().explain(customerID: "c4"))
        #expect(explanation.segmentID == "zz")
        #expect(explanation.renderedJSON.contains("\"days_since_last_order\": null,\n"))
        #expect(explanation.renderedJSON.contains("\"lifecycle\": \"new\",\n"))
    }

    @Test func asOfMovesRecency() {
        var diagnostics = DiagnosticEngine()
        let report = SegmentsWorkflow.run(
            customers: SampleStore.customers, products: SampleStore.products, orders: SampleStore.orders,
            segments: SegmentsFile(rules: ["days_since_last_order <= 30"]).definitions,
            asOf: SampleStore.date(2026, 7, 20), diagnostics: &diagnostics)
        // On 07-20 only c0 (06-30) and c5 (06-10 is 40 days) … c0 alone is within 30 days.
        #expect(report?.rows.map(\.size) == [1, 6])
    }

    @Test func ruleErrorsStopTheWorkflow() {
        var diagnostics = DiagnosticEngine()
        let report = SegmentsWorkflow.run(
            customers: SampleStore.customers, products: SampleStore.products, orders: SampleStore.orders,
            segments: SegmentsFile(rules: ["orders > \"3\""]).definitions, diagnostics: &diagnostics)
        #expect(report == nil)
        #expect(
            diagnostics.diagnostics.map(\.description) == [
                "segments.json:2:47: error: cannot compare a number with a string"
            ])
    }

    @Test func recommendationsFromTheReport() {
        let report = Self.report()
        let recommendations = SegmentsWorkflow.recommend(
            products: SampleStore.products, orders: SampleStore.orders,
            wishlists: [WishlistEntry(customer: 4, product: 3, added: SampleStore.date(2026, 6, 20))], report: report)
        // c0 owns p0, p1 and p2 (none consumable): the only product left is p3.
        #expect(Array(recommendations.customerPicks.picks(for: 0)) == [3])
        // c4 wished for p3 and has no orders: p3 is not offered back.
        #expect(!recommendations.customerPicks.picks(for: 4).contains(3))
        #expect(Array(recommendations.segmentRanking.ranking(of: 0)) == [3])
    }

    @Test func explainShowsPicksAndWhy() throws {
        let report = Self.report()
        let wishlists = [WishlistEntry(customer: 4, product: 3, added: SampleStore.date(2026, 6, 20))]
        let explanation = try #require(
            SegmentsWorkflow.explain(
                products: SampleStore.products, orders: SampleStore.orders, wishlists: wishlists, report: report,
                customerID: "c5"))
        // The picks made for c5 alone are those made for everyone.
        let everyone = SegmentsWorkflow.recommend(
            products: SampleStore.products, orders: SampleStore.orders, wishlists: wishlists, report: report)
        #expect(
            explanation.picks?.map(\.productID)
                == everyone.customerPicks.picks(for: 5).map { SampleStore.products[Int($0)].id })
        // c5 bought p0, which only c0 bought with p1 and p2; nobody bought p3 with anything: it tops the list up.
        #expect(
            explanation.renderedText.hasSuffix(
                "picks, best first:\n   1. p2  Soap       near p0 (bought)\n   2. p1  Black tea  near p0 (bought)\n"
                    + "   3. p3  Book       popular now\n"))
        #expect(
            explanation.renderedJSON.hasSuffix(
                "  \"picks\": [\n    {\"product\": \"p2\", \"because\": \"bought\", \"near\": \"p0\"},\n"
                    + "    {\"product\": \"p1\", \"because\": \"bought\", \"near\": \"p0\"},\n"
                    + "    {\"product\": \"p3\", \"because\": \"popular\"}\n  ]\n}\n"))
        let withoutPicks = try #require(report.explain(customerID: "c0"))
        #expect(withoutPicks.picks == nil)
        #expect(!withoutPicks.renderedText.contains("picks"))
    }
}
