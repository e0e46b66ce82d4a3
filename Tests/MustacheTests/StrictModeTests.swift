import Diagnostics
import Mustache
import Testing

/// Strict mode (theme checking): whatever resolves to nothing is an error at its tag; lenient renders it empty.
@Suite("strict mode")
struct StrictModeTests {
    private func problems(_ text: String, _ data: MustacheValue, partials: [String: String] = [:]) throws -> [String] {
        var engine = DiagnosticEngine()
        let library = TemplateLibrary(sources: partials, diagnostics: &engine)
        #expect(!engine.hasErrors)
        let template = try Template(text, name: "page.mustache")
        var output: [UInt8] = []
        return template.render(data, library: library, options: .strict, into: &output).map(\.description)
    }

    @Test func missingVariablesAreErrorsAtTheirTags() throws {
        let found = try problems("Hi {{name}}!\n{{#cart}}{{count}} items{{/cart}}\n", ["cart": [:]])
        #expect(
            found == [
                "page.mustache:1:4: error: variable \"name\" not found",
                "page.mustache:2:10: error: variable \"count\" not found",
            ])
    }

    @Test func missingSectionsAndDottedNames() throws {
        let found = try problems("{{#promo}}x{{/promo}}{{^stock}}sold out{{/stock}}{{product.nme}}", ["product": [:]])
        #expect(
            found == [
                "page.mustache:1:1: error: section \"promo\" not found",
                "page.mustache:1:22: error: inverted section \"stock\" not found",
                "page.mustache:1:50: error: variable \"product.nme\" not found",
            ])
    }

    @Test func nullAndFalseAreFoundNotMissing() throws {
        #expect(try problems("{{a}}{{#b}}x{{/b}}{{^c}}y{{/c}}", ["a": nil, "b": false, "c": nil]) == [])
    }

    @Test func unknownPartialsAndDynamicNames() throws {
        let found = try problems("{{>header}}\n{{>*kind}}\n{{<layout}}{{/layout}}", [:])
        #expect(
            found == [
                "page.mustache:1:1: error: unknown partial \"header\"",
                "page.mustache:2:1: error: dynamic partial name \"kind\" not found (or not a string)",
                "page.mustache:3:1: error: unknown partial \"layout\"",
            ])
    }

    @Test func errorsInsidePartialsPointAtThePartial() throws {
        let found = try problems(
            "<ul>{{#items}}{{>card}}{{/items}}</ul>", ["items": [["name": "Tea"]]],
            partials: ["card": "<li>\n{{nam}}</li>"])
        #expect(found == ["card:2:1: error: variable \"nam\" not found"])
    }

    @Test func interpolatingAListIsAnError() throws {
        #expect(
            try problems("{{tags}}", ["tags": ["a", "b"]])
                == ["page.mustache:1:1: error: cannot interpolate a list; use a section to render its items"])
    }

    @Test func lenientModeRendersMissesAsNothing() throws {
        let template = try Template("Hi {{name}}{{>nope}}{{#x}}!{{/x}}{{tags}}", name: "page")
        #expect(try template.renderString(["tags": ["a", "<b>"]]) == "Hi a,&lt;b&gt;")
    }

    @Test func renderResultFailsWithRegisteredSources() throws {
        let template = try Template("{{missing}}", name: "p.mustache")
        switch template.render([:], options: .strict) {
        case .success: Issue.record("strict render of a missing variable succeeded")
        case .failure(let error):
            #expect(error.diagnostics.sources["p.mustache"] != nil)
            #expect(DiagnosticPrinter().render(error.diagnostics).hasPrefix("p.mustache:1:1: error: variable"))
        }
    }

    /// Found by the fuzz test: an override holding a slot of its own name recursed until the stack overflowed.
    @Test func blockContainingItselfStopsWithAnError() throws {
        var engine = DiagnosticEngine()
        let library = TemplateLibrary(sources: ["parent": "{{$block}}{{/block}}"], diagnostics: &engine)
        let template = try Template("{{<parent}}{{$block}}x{{$block}}{{/block}}{{/block}}{{/parent}}", name: "child")
        var output: [UInt8] = []
        let found = template.render([:], library: library, into: &output).map(\.description)
        #expect(found == ["child:1:23: error: blocks nested more than 200 deep (does block \"block\" contain itself?)"])
        // One level goes to the parent itself, the other 199 to the block: one "x" each.
        #expect(output == Array(String(repeating: "x", count: 199).utf8))
    }

    @Test func selfIncludingPartialStopsWithAnError() throws {
        let found = try problems("{{>loop}}", [:], partials: ["loop": "x{{>loop}}"])
        #expect(found == ["loop:1:2: error: partials nested more than 200 deep (does a partial include itself?)"])
    }
}
