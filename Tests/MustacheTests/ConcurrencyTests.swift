import Diagnostics
import Mustache
import Testing

/// One compiled template and library rendered from many tasks at once gives the same bytes every time.
@Suite("concurrency")
struct ConcurrencyTests {
    @Test func renderOneTemplateFromManyTasks() async throws {
        var engine = DiagnosticEngine()
        let library = TemplateLibrary(
            sources: [
                "listing": "<ul>\n{{#products}}\n  {{>card}}\n{{/products}}\n</ul>\n",
                "card": "<li id=\"p{{id}}\">{{name}}{{#on_sale}} <s>{{was}}</s>{{/on_sale}} {{token}}</li>\n",
            ], diagnostics: &engine)
        #expect(!engine.hasErrors)
        let products: [MustacheValue] = (0..<50).map { index in
            [
                "id": .int(index), "name": .string("Item <\(index)> & co"), "on_sale": .bool(index % 3 == 0),
                "was": "9.99",
            ]
        }
        let context: MustacheValue = ["products": .list(products), "token": "t-1"]
        let reference = try library.render("listing", context).get()
        #expect(reference.count > 2000)

        let outputs = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<64 {
                group.addTask {
                    var last: [UInt8] = []
                    for _ in 0..<20 { last = try library.render("listing", context).get() }
                    return last
                }
            }
            var all: [[UInt8]] = []
            for try await output in group { all.append(output) }
            return all
        }
        #expect(outputs.count == 64)
        #expect(outputs.allSatisfy { $0 == reference })
    }
}
