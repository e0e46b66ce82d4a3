import Diagnostics
import SampleStores
import Segmentation
import Store
import Testing

/// Rule errors point into `segments.json`: each rule of `SegmentsFile` starts at column 40 of its line (line 2 for
/// the first), and a `"` of the rule is written `\"` in the file, so columns after one move by a byte.
@Suite struct RuleErrorTests {
    @Test(arguments: [
        ("montary > 100", "segments.json:2:40: error: unknown field 'montary'; did you mean 'monetary'?"),
        ("orders >= 3 and shoe_size > 40", "segments.json:2:56: error: unknown field 'shoe_size'"),
        ("\"abc\" > 3", "segments.json:2:48: error: cannot compare a string with a number"),
        (
            "locale > \"el\"",
            "segments.json:2:47: error: '>' orders numbers or dates; strings compare only with '==' or '!='"
        ),
        ("\"b2b\" in locale", "segments.json:2:48: error: 'in' needs a list on its right, found a string"),
        (
            "locale in [\"el\", 3]",
            "segments.json:2:59: error: a list holds values of one type: found a number after a string"
        ),
        ("orders", "segments.json:2:40: error: a rule must be a condition (true or false), found a number"),
        (
            "orders and consent_email",
            "segments.json:2:40: error: 'and' needs a condition on its left, found a number"
        ),
        (
            "not orders > 3",
            "segments.json:2:40: error: 'not' needs a condition, found a number ('not' applies before comparisons: "
                + "write 'not (a > b)')"
        ),
        ("locale == \"el", "segments.json:2:50: error: unterminated string"),
        ("orders > 3 @", "segments.json:2:51: error: unexpected character '@'"),
        ("orders >", "segments.json:2:48: error: expected a value, found the end of the rule"),
        ("orders > 1 2", "segments.json:2:51: error: expected 'and', 'or' or the end of the rule, found a number"),
        ("first_order > 2026-13-01", "segments.json:2:54: error: '2026-13-01' is not a calendar date"),
        ("first_order > 2026-1-01", "segments.json:2:54: error: a date is written YYYY-MM-DD"),
        (
            "last_order < 3 months ago",
            "segments.json:2:55: error: unknown unit 'months'; a duration counts 'days' or 'weeks'"
        ),
        (
            "last_order < 3 days",
            "segments.json:2:59: error: expected 'ago' after 'days' (a duration is written like '180 days ago')"
        ),
        (
            "last_order > 5",
            "segments.json:2:51: error: cannot compare a date with a number (a relative date is written like "
                + "'30 days ago')"
        ),
        ("affinity > 0.5", "segments.json:2:40: error: 'affinity' needs a category: write affinity[\"Category\"]"),
        (
            "orders[\"Tea\"] > 1",
            "segments.json:2:40: error: only 'affinity' takes a category in '[ ]'; this is a number"
        ),
        ("affinity[Tea] > 1", "segments.json:2:49: error: expected a quoted name inside '[ ]', found 'Tea'"),
        ("1 < orders < 3", "segments.json:2:51: error: comparisons cannot be chained; join them with 'and'"),
        ("orders = 3", "segments.json:2:47: error: '=' is not an operator; write '==' to compare"),
        ("orders > 1 && consent_email", "segments.json:2:51: error: '&&' is not an operator; write 'and'"),
        ("!consent_email", "segments.json:2:40: error: '!' is not an operator; write 'not'"),
        ("", "segments.json:2:40: error: the rule is empty"),
        (
            "lifecycle == \"atrisk\"",
            "segments.json:2:53: error: 'atrisk' is not a lifecycle stage; use new, active, at_risk or lapsed"
        ),
        ("tags == \"b2b\"", "segments.json:2:45: error: cannot compare a list of strings with a string"),
        ("orders in [\"a\"]", "segments.json:2:47: error: cannot look for a number in a list of strings"),
        (
            "locale in [country]",
            "segments.json:2:51: error: a list holds literal strings, numbers or dates, not a string"
        ),
        ("orders > 1 and", "segments.json:2:54: error: expected a value, found the end of the rule"),
        ("orders > 1.", "segments.json:2:49: error: a number needs digits after '.'"),
        ("locale == \"a\\q\"", "segments.json:2:53: error: unknown escape '\\q' in a string"),
        ("monetary > 5 or", "segments.json:2:55: error: expected a value, found the end of the rule"),
        ("clicks_30d > 0 and (", "segments.json:2:60: error: expected a value, found the end of the rule"),
        ("orders > 3 or not", "segments.json:2:57: error: expected a value, found the end of the rule"),
        ("orders >= and", "segments.json:2:50: error: expected a value, found 'and'"),
        ("2x > 1", "segments.json:2:41: error: a number must be followed by a space or an operator"),
    ])
    func error(rule: String, expected: String) {
        let (compiled, messages) = SegmentsFile(rules: [rule]).compile()
        #expect(compiled == nil)
        #expect(messages == [expected], "rule: \(rule)")
    }

    @Test func unmatchedParenthesisNotesWhereItOpened() {
        let file = SegmentsFile(rules: ["(orders > 1 or monetary > 5"])
        var engine = DiagnosticEngine()
        engine.register(file.source)
        _ = CompiledSegments.compile(file.definitions, diagnostics: &engine)
        let rendered = DiagnosticPrinter().render(engine)
        #expect(
            rendered == """
                segments.json:2:67: error: expected ')', found the end of the rule
                  { "id": "s0", "name": "S0", "rule": "(orders > 1 or monetary > 5" },
                                                                                  ^
                segments.json:2:40: note: to match this '('
                  { "id": "s0", "name": "S0", "rule": "(orders > 1 or monetary > 5" },
                                                       ^

                """)
    }

    @Test func everyErrorOfEveryRuleInOneRun() {
        let (compiled, messages) = SegmentsFile(rules: [
            "montary > 1 and lokale == \"el\"", "orders >= 1", "\"vip\" in tag",
        ]).compile()
        #expect(compiled == nil)
        #expect(
            messages == [
                "segments.json:2:40: error: unknown field 'montary'; did you mean 'monetary'?",
                "segments.json:2:56: error: unknown field 'lokale'; did you mean 'locale'?",
                "segments.json:4:51: error: unknown field 'tag'; did you mean 'tags'?",
            ])
    }

    @Test func onlyTheLastSegmentIsTheFallback() {
        let (compiled, messages) = SegmentsFile(rules: ["orders > 1", nil], fallbackRule: "true").compile()
        #expect(compiled == nil)
        #expect(
            messages == [
                "segments.json:3:3: error: segment 's1' has no rule; only the last segment (the fallback) may omit it",
                "segments.json:4:3: error: the last segment 'zz' is the fallback and must not have a rule; add a "
                    + "segment without a rule after it",
            ])
    }

    @Test func aValidFileCompiles() {
        let (compiled, messages) = SegmentsFile(rules: ["monetary_rank <= 0.2", "\"b2b\" in tags"]).compile()
        #expect(messages.isEmpty)
        #expect(compiled?.segments.map(\.id) == ["s0", "s1", "zz"])
        #expect(compiled?.segments.last?.rule == nil)
    }

    @Test func noSegmentsAtAll() {
        var engine = DiagnosticEngine()
        #expect(CompiledSegments.compile([], diagnostics: &engine) == nil)
        #expect(
            engine.diagnostics.map(\.description) == [
                "error: segments.json needs at least one segment: the fallback, without a rule"
            ])
    }
}
