import Diagnostics
import Mustache
import Testing

/// Behaviour beyond the spec's cases: values from Swift and JSON, escaping, numbers, truthiness.
@Suite("rendering")
struct RenderingTests {
    private func render(_ text: String, _ data: MustacheValue) throws -> String {
        try Template(text).renderString(data)
    }

    @Test func escapesTheFiveHTMLCharacters() throws {
        #expect(try render("{{x}}", ["x": "& < > \" ' é"]) == "&amp; &lt; &gt; &quot; &#39; é")
        #expect(try render("{{{x}}}|{{&x}}", ["x": "<'&'>"]) == "<'&'>|<'&'>")
    }

    @Test func numbersPrintAsTheSpecWants() throws {
        let data: MustacheValue = ["i": 85, "neg": -42, "d": 1.21, "whole": 3.0, "big": 1e21, "min": .int(Int.min)]
        #expect(try render("{{i}} {{neg}} {{d}} {{whole}} {{big}} {{min}}", data) == "85 -42 1.21 3 1e+21 \(Int.min)")
    }

    @Test func truthiness() throws {
        let data: MustacheValue = ["zero": 0, "empty": "", "none": [], "map": [:], "null": nil, "no": false]
        let template =
            "{{#zero}}0{{/zero}}{{#empty}}e{{/empty}}{{#none}}n{{/none}}{{#map}}m{{/map}}"
            + "{{#null}}N{{/null}}{{#no}}f{{/no}}|{{^empty}}E{{/empty}}{{^none}}L{{/none}}"
        #expect(try render(template, data) == "0m|EL")
    }

    @Test func swiftModelsThroughMustacheRepresentable() throws {
        struct Product: MustacheRepresentable {
            var name: String
            var price: String
            var tags: [String]
            var discount: Int?
            var mustacheValue: MustacheValue {
                [
                    "name": name.mustacheValue, "price": price.mustacheValue, "tags": tags.mustacheValue,
                    "discount": discount.mustacheValue,
                ]
            }
        }
        let products = [
            Product(name: "Tea & Co", price: "4.90", tags: ["green", "loose"], discount: 10),
            Product(name: "Mug", price: "9.00", tags: [], discount: nil),
        ]
        let template =
            "{{#products}}{{name}} {{price}}{{#discount}} -{{.}}%{{/discount}}"
            + "{{#tags}} #{{.}}{{/tags}};{{/products}}"
        #expect(
            try render(template, ["products": MustacheValue(products)])
                == "Tea &amp; Co 4.90 -10% #green #loose;Mug 9.00;")
    }

    @Test func jsonKeepsBooleansNumbersAndNullApart() throws {
        let value = try MustacheValue(
            json: #"{"t": true, "f": false, "one": 1, "zero": 0, "d": 1.5, "n": null, "s": "\u00e9\ud83d\ude00"}"#)
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["one"] == .int(1))
        #expect(value["zero"] == .int(0))
        #expect(value["d"] == .double(1.5))
        #expect(value["n"] == .null)
        #expect(value["s"] == .string("é😀"))
        #expect(try render("{{#t}}T{{/t}}{{#f}}F{{/f}}{{#zero}}Z{{/zero}}{{one}}", value) == "TZ1")
    }

    @Test func jsonErrorsHaveLineAndColumn() {
        let source = SourceText(path: "data.json", text: "{\n  \"a\": 1,\n  \"b\": tru\n}")
        guard case .failure(let error) = MustacheValue.parseJSON(source) else {
            Issue.record("bad JSON parsed")
            return
        }
        #expect(error.description == "data.json:3:11: error: expected \"true\"")
    }

    @Test func renderAppendsToAnExistingBuffer() throws {
        let template = try Template("<b>{{x}}</b>")
        var output = Array("prefix:".utf8)
        let problems = template.render(["x": "1"], into: &output)
        #expect(problems.isEmpty)
        #expect(String(decoding: output, as: UTF8.self) == "prefix:<b>1</b>")
    }

    @Test func partialNamesMayContainSlashes() throws {
        var engine = DiagnosticEngine()
        let library = TemplateLibrary(
            sources: ["page": "<ul>{{#items}}{{>partials/card}}{{/items}}</ul>", "partials/card": "<li>{{.}}</li>"],
            diagnostics: &engine)
        #expect(!engine.hasErrors)
        let output = try library.render("page", ["items": ["a", "b"]]).get()
        #expect(String(decoding: output, as: UTF8.self) == "<ul><li>a</li><li>b</li></ul>")
    }

    @Test func lambdasSeeTheRawSectionTextAndTheirResultIsRendered() throws {
        let bold = MustacheLambda { (text: String) in .string("<b>" + text + "</b>") }
        #expect(
            try render("{{#bold}}hi {{name}}{{/bold}}", ["bold": .lambda(bold), "name": "<ada>"])
                == "<b>hi &lt;ada&gt;</b>")
        // The result is a template: changing the tag text changes what it names.
        let upper = MustacheLambda { (text: String) in .string(text.uppercased()) }
        #expect(try render("{{#up}}hi {{name}}{{/up}}", ["up": .lambda(upper), "NAME": "x"]) == "HI x")
    }

    private func render(_ text: String, partials: [String: String], _ data: MustacheValue) throws -> String {
        var engine = DiagnosticEngine()
        let library = TemplateLibrary(sources: partials, diagnostics: &engine)
        #expect(!engine.hasErrors)
        return try Template(text).renderString(data, library: library)
    }

    @Test func indentationAccumulatesThroughNestedStandalonePartials() throws {
        let partials = ["a": "x\n  {{>b}}\ny\n", "b": "1\n2\n"]
        #expect(try render("  {{>a}}\n", partials: partials, [:]) == "  x\n    1\n    2\n  y\n")
    }

    @Test func inlinePartialInsideAnIndentedOneIsNotIndented() throws {
        let partials = ["a": "x {{>b}}\n", "b": "1\n2"]
        #expect(try render("  {{>a}}\n", partials: partials, [:]) == "  x 1\n2\n")
    }

    @Test func sectionLinesOfAnIndentedPartial() throws {
        let partials = ["list": "{{#items}}\n- {{.}}\n{{/items}}\n"]
        #expect(
            try render("<ul>\n  {{>list}}\n</ul>\n", partials: partials, ["items": [1, 2]])
                == "<ul>\n  - 1\n  - 2\n</ul>\n")
    }

    @Test func layoutWithBlocksAsAThemeUsesIt() throws {
        let partials = [
            "layout":
                "<html>\n<title>{{$title}}Shop{{/title}}</title>\n<body>\n  {{$main}}\n  {{/main}}\n</body>\n</html>\n"
        ]
        let page =
            "{{<layout}}\n{{$title}}{{name}} | Shop{{/title}}\n{{$main}}\n<h1>{{name}}</h1>\n<p>{{price}}</p>\n{{/main}}\n{{/layout}}\n"
        #expect(
            try render(page, partials: partials, ["name": "Tea & Co", "price": "4.90"])
                == "<html>\n<title>Tea &amp; Co | Shop</title>\n<body>\n  <h1>Tea &amp; Co</h1>\n  <p>4.90</p>\n</body>\n</html>\n"
        )
    }
}
