import Diagnostics
import Foundation
import Mustache
import Testing

/// A folder of files written for one test and removed after it.
struct TemporaryFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-mustache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Theme resolution (a store's folder first, then the default theme) and the CLI workflows.
@Suite("themes and workflows")
struct ThemeTests {
    @Test func storeThemeOverridesSingleFilesOfTheDefault() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("default/page.mustache", "<main>{{#items}}{{>partials/card}}{{/items}}</main>{{>footer}}")
        try root.write("default/partials/card.mustache", "<li>{{name}}</li>")
        try root.write("default/partials/price.mustache", "{{price}}")
        try root.write("default/footer.mustache", "<footer>default</footer>")
        try root.write("store/partials/card.mustache", "<li class=\"store\">{{name}} {{>partials/price}}</li>")

        var diagnostics = DiagnosticEngine()
        let library = TemplateLibrary.load(
            directories: [root.path + "/store", root.path + "/default"], diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        #expect(library.names == ["footer", "page", "partials/card", "partials/price"])
        #expect(library["partials/card"]?.sourceText.path == root.path + "/store/partials/card.mustache")
        let output = try library.render("page", ["items": [["name": "Tea", "price": "4.90"]]]).get()
        #expect(
            String(decoding: output, as: UTF8.self)
                == "<main><li class=\"store\">Tea 4.90</li></main><footer>default</footer>")
    }

    @Test func missingStoreThemeFallsBackToTheDefault() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("default/a.mustache", "A")
        var diagnostics = DiagnosticEngine()
        let library = TemplateLibrary.load(
            directories: [root.path + "/no-such-store", root.path + "/default"], diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        #expect(library.names == ["a"])
    }

    @Test func themeCheckReportsEveryErrorOfEveryFile() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("store/page.mustache", "{{>partials/card}}{{>partials/cart}}\n{{#a}}")
        try root.write("default/partials/card.mustache", "{{name}")
        try root.write("default/email.mustache", "{{<layout}}{{/layout}}")
        let engine = TemplateRendering.checkTheme(directories: [root.path + "/store", root.path + "/default"])
        let messages = engine.sorted.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
        #expect(
            messages == [
                "store/page.mustache:1:19: error: unknown partial \"partials/cart\"",
                "store/page.mustache:2:7: error: section \"a\" opened at 2:1 is never closed",
                "default/email.mustache:1:1: error: unknown partial \"layout\"",
                "default/partials/card.mustache:1:1: error: tag is not closed: \"{{\" has no matching \"}}\"",
            ])
    }

    @Test func templateRenderWorkflowWritesExactlyTheBytes() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("t/page.mustache", "{{#items}}{{>card}}{{/items}}")
        try root.write("t/card.mustache", "[{{name}}|{{on_sale}}|{{price}}]")
        try root.write("p/card.mustache", "<{{name}}>")
        try root.write("data.json", #"{"items": [{"name": "A&B", "on_sale": true, "price": 1.5}]}"#)
        let page = root.path + "/t/page.mustache"
        let data = root.path + "/data.json"
        let own = try TemplateRendering.render(templateFile: page, dataFile: data, partialsDirectory: nil).get()
        #expect(String(decoding: own, as: UTF8.self) == "[A&amp;B|true|1.5]")
        let other = try TemplateRendering.render(
            templateFile: page, dataFile: data, partialsDirectory: root.path + "/p"
        )
        .get()
        #expect(String(decoding: other, as: UTF8.self) == "<A&amp;B>")
        let empty = try TemplateRendering.render(templateFile: root.path + "/t/card.mustache").get()
        #expect(String(decoding: empty, as: UTF8.self) == "[||]")
    }

    @Test func templateRenderWorkflowReportsEveryProblem() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("page.mustache", "{{>header}}\n{{>card}}{{#x}}")
        try root.write("card.mustache", "{{{a}}")
        try root.write("bad.json", "{\"a\": [1, 2,]}")
        let result = TemplateRendering.render(
            templateFile: root.path + "/page.mustache", dataFile: root.path + "/bad.json", partialsDirectory: nil)
        guard case .failure(let error) = result else {
            Issue.record("render with errors succeeded")
            return
        }
        let messages = error.diagnostics.sorted.map {
            $0.description.replacingOccurrences(of: root.path + "/", with: "")
        }
        #expect(
            messages == [
                "page.mustache:1:1: error: partial \"header\" not found (no file header.mustache)",
                "page.mustache:2:16: error: section \"x\" opened at 2:10 is never closed",
                "card.mustache:1:1: error: triple mustache must end with \"}}}\"",
                "bad.json:1:13: error: expected a JSON value",
            ])
        #expect(error.diagnostics.sources[root.path + "/page.mustache"] != nil)
    }

    @Test func templateRenderStrictMode() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("page.mustache", "Hi {{name}}")
        let result = TemplateRendering.render(templateFile: root.path + "/page.mustache", strict: true)
        guard case .failure(let error) = result else {
            Issue.record("strict render of a missing variable succeeded")
            return
        }
        #expect(error.diagnostics.diagnostics.map(\.message) == ["variable \"name\" not found"])
        let missing = TemplateRendering.render(templateFile: root.path + "/nope.mustache")
        guard case .failure(let notFound) = missing else {
            Issue.record("missing template rendered")
            return
        }
        #expect(notFound.diagnostics.diagnostics.map(\.message) == ["cannot read template \(root.path)/nope.mustache"])
    }
}
