import Diagnostics
import SampleStores
import Segmentation
import Store
import Testing

/// Every construct of the rule language, evaluated over the sample store (see `SampleStore` for the figures).
@Suite struct RuleLanguageTests {
    static let context = SampleStore.context()

    static func matching(_ rule: String) -> [Int]? {
        var engine = DiagnosticEngine()
        let located = LocatedText(text: rule, location: SourceLocation(file: "segments.json", line: 1, column: 1))
        guard let expression = RuleExpression.compile(located, diagnostics: &engine) else { return nil }
        let predicate = expression.bind(to: context)
        return (0..<context.customers.count).filter { predicate($0) }
    }

    @Test(arguments: [
        // Comparisons on numbers, decimals included.
        ("orders >= 2", [0]),
        ("orders == 1", [1, 2, 5, 6]),
        ("monetary_rank <= 0.2", [1]),
        ("monetary_rank < 0.45", [0, 1]),
        ("monetary > 39.99", [0, 1, 6]),
        ("ltv >= 100", [1]),
        ("aov == 27.5", [0]),
        ("days_since_last_order <= 60", [0, 1, 5]),
        ("tenure_days > 100", [0, 2, 6]),
        ("r_score == 5", [0]),
        ("m_score >= 4", [0, 1]),
        ("f_score == 1", [1, 2, 5, 6]),
        ("projected_ltv > monetary", [0, 1, 2, 5, 6]),
        ("projected_ltv >= 421.89", [1]),
        // Missing values (no orders) fail every comparison but '!='.
        ("days_since_last_order != 0", [1, 2, 3, 4, 5, 6]),
        ("r_score < 6", [0, 1, 2, 5, 6]),
        // Dates, absolute and relative to the as-of day (2026-06-30).
        ("last_order >= 2026-05-01", [0, 1, 5]),
        ("last_order < 180 days ago", [2]),
        ("first_order > 4 weeks ago", [5]),
        ("first_order == 2026-03-02", [0]),
        ("created < 2026-02-01", [0, 1, 2, 3, 6]),
        ("last_order in [2026-06-30, 2026-05-01]", [0, 1]),
        // Strings and lists.
        ("locale == \"el\"", [0]),
        ("locale == 'el'", [0]),
        ("locale != \"en\"", [0, 1]),
        ("locale in [\"el\", \"fa\"]", [0, 1]),
        ("locale not in [\"el\", \"fa\"]", [2, 3, 4, 5, 6]),
        ("locale in []", []),
        ("country == \"GR\"", [0]),
        ("\"b2b\" in tags", [1, 6]),
        ("'b2b' not in tags", [0, 2, 3, 4, 5]),
        ("orders in [2, 3]", [0]),
        ("lifecycle == \"at_risk\"", [6]),
        ("lifecycle in [\"new\", \"lapsed\"]", [2, 3, 4, 5]),
        // Category affinity.
        ("affinity[\"Tea\"] > 0.5", [0, 5]),
        ("affinity['Books'] == 1", [1, 6]),
        ("affinity[\"Garden\"] > 0", []),
        // Booleans and engagement.
        ("consent_email", [0, 4]),
        ("consent_email == true", [0, 4]),
        ("consent_email != consent_tracking", [4]),
        ("not consent_email", [1, 2, 3, 5, 6]),
        ("true", [0, 1, 2, 3, 4, 5, 6]),
        ("false or unsubscribed", [3]),
        ("clicks_30d > 0", [2]),
        ("\"Tea\" in clicked_categories", [2]),
        ("last_click >= 7 days ago", [2]),
        ("last_open > 2026-05-31", [0]),
        // and / or / not / parentheses and precedence: and binds tighter than or.
        ("orders >= 1 and (locale == \"el\" or \"b2b\" in tags)", [0, 1, 6]),
        ("monetary > 50 or locale == \"fa\" and orders == 0", [0, 1]),
        ("(monetary > 50 or locale == \"fa\") and orders == 0", []),
        ("not (orders >= 1) or monetary_rank <= 0.2", [1, 3, 4]),
        ("not not consent_email and not unsubscribed", [0, 4]),
        ("(((orders > 1)))", [0]),
        ("orders >= 1 and (locale in [\"el\", \"fa\"] or \"b2b\" in tags) and days_since_last_order <= 90", [0, 1]),
    ])
    func construct(rule: String, expected: [Int]) {
        #expect(Self.matching(rule) == expected, "rule: \(rule)")
    }
}
