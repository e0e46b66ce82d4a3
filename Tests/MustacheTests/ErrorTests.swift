import Diagnostics
import Mustache
import Testing

/// A template with syntax errors and the exact diagnostics it must produce (`line:col: error: message`).
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let template: String
    let expected: [String]

    var testDescription: String { name }
}

/// Syntax errors: every one with its exact position and message, all errors of a template in one run.
@Suite("template errors")
struct ErrorTests {
    static let cases: [ErrorCase] = [
        ErrorCase(
            name: "unclosed section (reported just past the last character, note at the opening)",
            template: "<ul>\n{{#offers}}\n  <li>{{name}}</li>\n</ul>\n",
            expected: ["t:4:6: error: section \"offers\" opened at 2:1 is never closed"]),
        ErrorCase(
            name: "unclosed inverted section",
            template: "{{^empty}}none",
            expected: ["t:1:15: error: inverted section \"empty\" opened at 1:1 is never closed"]),
        ErrorCase(
            name: "closing tag that matches nothing open",
            template: "{{#a}}x{{/b}}{{/a}}",
            expected: ["t:1:8: error: closing tag \"b\" does not match the open section \"a\""]),
        ErrorCase(
            name: "closing tag with no section open",
            template: "text {{/items}}",
            expected: ["t:1:6: error: closing tag \"items\" has no open section"]),
        ErrorCase(
            name: "inner section left open before the outer one closes",
            template: "{{#a}}{{#b}}x{{/a}}",
            expected: ["t:1:14: error: section \"b\" opened at 1:7 is not closed before \"{{/a}}\""]),
        ErrorCase(
            name: "tag never closed at end of file",
            template: "Hello {{name",
            expected: ["t:1:7: error: tag is not closed: \"{{\" has no matching \"}}\""]),
        ErrorCase(
            name: "tag not closed before the next tag (the next tag still parses)",
            template: "<h1>{{title</h1>\n<p>{{body}}</p>",
            expected: ["t:1:5: error: tag is not closed: \"{{\" has no matching \"}}\" before the next tag"]),
        ErrorCase(
            name: "comment never closed", template: "a\n{{! note",
            expected: ["t:2:1: error: tag is not closed: \"{{\" has no matching \"}}\""]),
        ErrorCase(name: "empty tag name", template: "x {{ }} y", expected: ["t:1:3: error: empty tag name"]),
        ErrorCase(
            name: "empty section name", template: "{{#}}x{{/}}", expected: ["t:1:1: error: empty tag name"]),
        ErrorCase(
            name: "whitespace inside a name", template: "Hi {{first name}}",
            expected: ["t:1:4: error: tag name \"first name\" contains whitespace"]),
        ErrorCase(
            name: "empty part in a dotted name", template: "{{product..price}}",
            expected: ["t:1:1: error: tag name \"product..price\" has an empty part between dots"]),
        ErrorCase(
            name: "set-delimiter with one delimiter", template: "{{=<%=}}",
            expected: ["t:1:1: error: set-delimiter tag needs two delimiters separated by whitespace, like {{=<% %>=}}"]
        ),
        ErrorCase(
            name: "set-delimiter with three delimiters", template: "a\n  {{=<% %> |=}}",
            expected: [
                "t:2:3: error: set-delimiter tag needs two delimiters separated by whitespace, like {{=<% %>=}}"
            ]),
        ErrorCase(
            name: "set-delimiter without the closing =", template: "{{=<% %>}}<%x%>",
            expected: ["t:1:1: error: set-delimiter tag must end with \"=}}\""]),
        ErrorCase(
            name: "delimiter containing =", template: "{{=<= =>=}}",
            expected: ["t:1:1: error: delimiter \"<=\" must not contain \"=\""]),
        ErrorCase(
            name: "triple mustache closed with two braces", template: "{{{html}}",
            expected: ["t:1:1: error: triple mustache must end with \"}}}\""]),
        ErrorCase(name: "empty partial name", template: "{{> }}", expected: ["t:1:1: error: empty partial name"]),
        ErrorCase(
            name: "partial name with whitespace", template: "{{>product card}}",
            expected: ["t:1:1: error: partial name \"product card\" contains whitespace"]),
        ErrorCase(
            name: "empty dynamic partial name", template: "{{>*}}", expected: ["t:1:1: error: empty tag name"]),
        ErrorCase(
            name: "parent never closed", template: "{{<layout}}\n{{$main}}x{{/main}}\n",
            expected: ["t:2:20: error: parent \"layout\" opened at 1:1 is never closed"]),
        ErrorCase(
            name: "block never closed", template: "{{$title}}Shop",
            expected: ["t:1:15: error: block \"title\" opened at 1:1 is never closed"]),
        ErrorCase(
            name: "empty block name", template: "{{$}}x{{/}}", expected: ["t:1:1: error: empty block name"]),
        ErrorCase(
            name: "errors after a delimiter change use the new delimiters",
            template: "{{=<% %>=}}\n<%#a%>\n<%#b%>\n<%/a%>\n",
            expected: ["t:4:1: error: section \"b\" opened at 3:1 is not closed before \"<%/a%>\""]),
        ErrorCase(
            name: "several errors in one template, in file order",
            template: """
                <h1>{{title</h1>
                {{#items}}
                  <li>{{first name}}</li>
                  {{/item}}
                {{/items}}
                {{#footer}}
                <p>{{{note}}</p>
                """,
            expected: [
                "t:1:5: error: tag is not closed: \"{{\" has no matching \"}}\" before the next tag",
                "t:3:7: error: tag name \"first name\" contains whitespace",
                "t:4:3: error: closing tag \"item\" does not match the open section \"items\"",
                "t:7:4: error: triple mustache must end with \"}}}\"",
                "t:7:17: error: section \"footer\" opened at 6:1 is never closed",
            ]),
    ]

    @Test(arguments: cases) func reportsExactPositions(_ test: ErrorCase) {
        let template = Template(source: SourceText(path: "t", text: test.template))
        let actual = template.diagnostics.map(\.description)
        #expect(
            actual == test.expected,
            "template: \(test.template.debugDescription)\nexpected: \(test.expected)\nactual:   \(actual)")
    }

    @Test func unclosedSectionHasAnOpenedHereNote() throws {
        let template = Template(source: SourceText(path: "card.mustache", text: "a\n\n{{#offers}}\nb\n"))
        let diagnostic = try #require(template.diagnostics.first)
        #expect(diagnostic.notes.map(\.message) == ["section \"offers\" opened here"])
        #expect(diagnostic.notes.first?.location == SourceLocation(file: "card.mustache", line: 3, column: 1))
    }

    @Test func printerShowsTheLineAndCaret() {
        var engine = DiagnosticEngine()
        let source = SourceText(path: "page.mustache", text: "<p>\n  {{#cart}}{{/card}}\n</p>\n")
        engine.register(source)
        for diagnostic in Template(source: source).diagnostics { engine.emit(diagnostic) }
        let printed = DiagnosticPrinter().render(engine)
        #expect(
            printed == """
                page.mustache:2:12: error: closing tag "card" does not match the open section "cart"
                  {{#cart}}{{/card}}
                           ^
                page.mustache:2:3: note: section "cart" opened here
                  {{#cart}}{{/card}}
                  ^
                page.mustache:3:5: error: section "cart" opened at 2:3 is never closed
                </p>
                    ^
                page.mustache:2:3: note: section "cart" opened here
                  {{#cart}}{{/card}}
                  ^

                """)
    }

    @Test func throwingInitializerCarriesEveryError() {
        #expect {
            _ = try Template("{{#a}}{{b c}}", name: "inline")
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.diagnostics.errorCount == 2
                && error.description == """
                    inline:1:7: error: tag name "b c" contains whitespace
                    inline:1:14: error: section "a" opened at 1:1 is never closed
                    """
        }
    }
}
