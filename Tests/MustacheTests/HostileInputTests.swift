import Diagnostics
import Mustache
import Testing

/// Templates built to hurt: parsing stays linear, nesting is bounded with an error at its tag instead of a stack
/// overflow, and a render whose work explodes stops with an error instead of running forever.
@Suite("hostile templates")
struct HostileInputTests {
    private static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test("parsing is linear in text/tag alternations ('H{{name}}' x 40,000 took 24 s)")
    func alternationsParseInLinearTime() throws {
        let text = String(repeating: "H{{name}}", count: 40_000)
        var template: Template? = nil
        let elapsed = try Self.seconds { template = try Template(text) }
        #expect(elapsed < 3, "parsing 40,000 alternations took \(elapsed) s")
        #expect(try template?.renderString(["name": "i"]) == String(repeating: "Hi", count: 40_000))
    }

    @Test("a run of unclosed tags is reported in linear time, each at its position")
    func unclosedTagsParseInLinearTime() throws {
        let text = String(repeating: "{{a ", count: 20_000) + "}}"
        var diagnostics: [Diagnostic] = []
        let elapsed = Self.seconds { diagnostics = Template(source: SourceText(path: "t", text: text)).diagnostics }
        #expect(elapsed < 3, "parsing 20,000 unclosed tags took \(elapsed) s")
        #expect(diagnostics.count == 19_999)
        #expect(
            diagnostics.first?.description
                == "t:1:1: error: tag is not closed: \"{{\" has no matching \"}}\" before the next tag")
    }

    @Test("10,000 nested sections: an error at the 513th, not a stack overflow when rendered")
    func deeplyNestedSectionsAreAnError() throws {
        let depth = 10_000
        let text = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        let template = Template(source: SourceText(path: "t", text: text))
        #expect(
            template.diagnostics.map(\.description) == [
                "t:1:3073: error: section \"a\" is nested more than 512 deep (sections, parents and blocks)"
            ])
        // Whatever was parsed renders without trapping.
        var output: [UInt8] = []
        template.render(["a": true], into: &output)
    }

    @Test("512 nested sections parse and render")
    func nestingUpToTheLimitRenders() throws {
        let text = String(repeating: "{{#a}}", count: 512) + "x" + String(repeating: "{{/a}}", count: 512)
        #expect(try Template(text).renderString(["a": true]) == "x")
    }

    @Test("partials that nest sections past 1,024 levels stop the render with an error at the tag")
    func nestingThroughPartialsIsBounded() throws {
        func nested(_ next: String) -> String {
            String(repeating: "{{#a}}", count: 500) + next + String(repeating: "{{/a}}", count: 500)
        }
        var engine = DiagnosticEngine()
        let library = TemplateLibrary(
            sources: ["top": nested("{{>middle}}"), "middle": nested("{{>bottom}}"), "bottom": nested("x")],
            diagnostics: &engine)
        #expect(!engine.hasErrors)
        // 500 sections, a partial, 500 sections, a partial: the 23rd section of the bottom one is the 1,025th level.
        guard case .failure(let error) = library.render("top", ["a": true]) else {
            Issue.record("a render 1,502 levels deep succeeded")
            return
        }
        #expect(
            error.diagnostics.diagnostics.map(\.description) == [
                "bottom:1:133: error: sections, partials and blocks nested more than 1024 deep"
            ])
    }

    @Test("a tree of partials fanning out without recursion stops with an error, quickly")
    func fanningOutPartialsAreBounded() throws {
        // p0 includes p1 ten times, p1 includes p2 ten times, …: 10^20 partials, and not one byte of output.
        var sources: [String: String] = ["p20": ""]
        for level in 0..<20 { sources["p\(level)"] = String(repeating: "{{>p\(level + 1)}}", count: 10) }
        var engine = DiagnosticEngine()
        let library = TemplateLibrary(sources: sources, diagnostics: &engine)
        var result: Result<[UInt8], TemplateError>? = nil
        let elapsed = Self.seconds { result = library.render("p0", [:]) }
        #expect(elapsed < 30, "the bounded render took \(elapsed) s")
        guard case .failure(let error)? = result else {
            Issue.record("a render of 10^20 partials succeeded")
            return
        }
        #expect(error.diagnostics.diagnostics.count == 1)
        #expect(
            error.diagnostics.diagnostics.first?.message
                == "render stopped after 16777216 section bodies, partials and blocks (does a tree of partials fan out?)"
        )
    }

    @Test("the work bound counts section items too, and can be set")
    func sectionItemsCountAsWork() throws {
        let template = try Template("{{#a}}{{#a}}{{#a}}.{{/a}}{{/a}}{{/a}}")
        let list: MustacheValue = ["a": .list(Array(repeating: .int(1), count: 10))]
        #expect(try template.renderString(list).count == 1000)
        var options = RenderOptions.lenient
        options.maxSteps = 100
        #expect(throws: TemplateError.self) { try template.renderString(list, options: options) }
    }

    @Test("a section lambda still receives its raw text (cut out on demand)")
    func lambdaReceivesRawSectionText() throws {
        let lambda = MustacheValue.lambda(MustacheLambda { raw in .string("[" + raw + "]") })
        #expect(try Template("{{#l}}a {{x}} b{{/l}}").renderString(["l": lambda, "x": "1"]) == "[a 1 b]")
    }
}
