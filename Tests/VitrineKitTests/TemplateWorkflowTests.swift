import Diagnostics
import Foundation
import Mustache
import Testing
import VitrineKit

/// A folder of files written for one test and removed after it.
struct TemporaryFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-template-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Theme loading (a store's folder first, then the default theme) and the template workflows of the façade.
@Suite("theme loading and template workflows")
struct TemplateWorkflowTests {
    @Test func storeThemeOverridesSingleFilesOfTheDefault() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("default/page.mustache", "<main>{{#items}}{{>partials/card}}{{/items}}</main>{{>footer}}")
        try root.write("default/partials/card.mustache", "<li>{{name}}</li>")
        try root.write("default/partials/price.mustache", "{{price}}")
        try root.write("default/footer.mustache", "<footer>default</footer>")
        try root.write("store/partials/card.mustache", "<li class=\"store\">{{name}} {{>partials/price}}</li>")

        var diagnostics = DiagnosticEngine()
        let library = ThemeLoader.library(
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
        let library = ThemeLoader.library(
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
        let engine = ThemeCheckWorkflow.run(directories: [root.path + "/store", root.path + "/default"], store: nil)
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
        let own = try TemplateRenderWorkflow.run(templateFile: page, options: .init(dataFile: data)).get()
        #expect(String(decoding: own, as: UTF8.self) == "[A&amp;B|true|1.5]")
        let other = try TemplateRenderWorkflow.run(
            templateFile: page, options: .init(dataFile: data, partialsDirectory: root.path + "/p")
        )
        .get()
        #expect(String(decoding: other, as: UTF8.self) == "<A&amp;B>")
        let empty = try TemplateRenderWorkflow.run(templateFile: root.path + "/t/card.mustache").get()
        #expect(String(decoding: empty, as: UTF8.self) == "[||]")
    }

    @Test func templateRenderWorkflowReportsEveryProblem() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("page.mustache", "{{>header}}\n{{>card}}{{#x}}")
        try root.write("card.mustache", "{{{a}}")
        try root.write("bad.json", "{\"a\": [1, 2,]}")
        let result = TemplateRenderWorkflow.run(
            templateFile: root.path + "/page.mustache", options: .init(dataFile: root.path + "/bad.json"))
        guard case .failure(.invalid(let error)) = result else {
            Issue.record("render with errors succeeded")
            return
        }
        let messages = error.sorted.map {
            $0.description.replacingOccurrences(of: root.path + "/", with: "")
        }
        #expect(
            messages == [
                "page.mustache:2:16: error: section \"x\" opened at 2:10 is never closed",
                "card.mustache:1:1: error: triple mustache must end with \"}}}\"",
                "bad.json:1:13: error: trailing comma in an array",
            ])
        #expect(error.sources[root.path + "/page.mustache"] != nil)
    }

    @Test func templateRenderStrictMode() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("page.mustache", "Hi {{name}}")
        let result = TemplateRenderWorkflow.run(
            templateFile: root.path + "/page.mustache", options: .init(strict: true))
        guard case .failure(.invalid(let error)) = result else {
            Issue.record("strict render of a missing variable succeeded")
            return
        }
        #expect(error.diagnostics.map(\.message) == ["variable \"name\" not found"])
    }

    @Test("a template or data file that cannot be read is a failure of the world, with the system's reason")
    func unreadableFilesAreFailuresOfTheWorld() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("page.mustache", "Hi")
        let missing = TemplateRenderWorkflow.run(templateFile: root.path + "/nope.mustache")
        guard case .failure(.unreadable(let notFound)) = missing else {
            Issue.record("a missing template is not a failure of the world: \(missing)")
            return
        }
        #expect(
            notFound.diagnostics.map(\.message).first?.hasPrefix("cannot read \(root.path)/nope.mustache: ") == true)
        let noData = TemplateRenderWorkflow.run(
            templateFile: root.path + "/page.mustache", options: .init(dataFile: root.path + "/nope.json"))
        guard case .failure(.unreadable(let dataNotFound)) = noData else {
            Issue.record("a missing data file is not a failure of the world: \(noData)")
            return
        }
        #expect(
            dataNotFound.diagnostics.map(\.message).first?.hasPrefix("cannot read \(root.path)/nope.json: ") == true)
        let noPartials = TemplateRenderWorkflow.run(
            templateFile: root.path + "/page.mustache", options: .init(partialsDirectory: root.path + "/nope"))
        guard case .failure(.unreadable(let partialsNotFound)) = noPartials else {
            Issue.record("a missing partials folder is not a failure of the world: \(noPartials)")
            return
        }
        #expect(
            partialsNotFound.diagnostics.map(\.message) == [
                "cannot read partials folder \(root.path)/nope: no such folder"
            ])
    }

    @Test("a partial with no file renders as nothing (spec \"Failed Lookup\"); strict makes it an error at its tag")
    func missingPartialRendersEmptyUnlessStrict() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("page.mustache", "<{{>header}}>\n[{{>card}}]")
        try root.write("card.mustache", "card")
        let page = root.path + "/page.mustache"
        let lenient = try TemplateRenderWorkflow.run(templateFile: page).get()
        #expect(String(decoding: lenient, as: UTF8.self) == "<>\n[card]")
        guard
            case .failure(.invalid(let error)) = TemplateRenderWorkflow.run(
                templateFile: page, options: .init(strict: true))
        else {
            Issue.record("a strict render of a missing partial succeeded")
            return
        }
        #expect(
            error.sorted.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") } == [
                "page.mustache:1:2: error: unknown partial \"header\""
            ])
    }

    @Test(
        "partial names resolve inside the partials folder only",
        arguments: [
            ("{{> ../secret}}", "partial name \"../secret\" leaves its folder"),
            ("{{>a/../../secret}}", "partial name \"a/../../secret\" leaves its folder"),
            ("{{>/etc/hostname}}", "partial name \"/etc/hostname\" is an absolute path"),
            ("{{>a\u{0}b}}", "partial name \"a\\x00b\" contains a NUL byte"),
        ])
    func partialNamesStayInTheirFolder(tag: String, message: String) throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("secret.mustache", "SECRET")
        try root.write("t/page.mustache", "x\n  " + tag)
        let result = TemplateRenderWorkflow.run(templateFile: root.path + "/t/page.mustache")
        guard case .failure(.invalid(let error)) = result else {
            Issue.record("\(tag) rendered: \(result)")
            return
        }
        #expect(
            error.sorted.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") } == [
                "t/page.mustache:2:3: error: \(message): partials are files below t"
            ])
    }

    @Test("a store's theme is a folder of its themes/ or of vitrine's Themes/, never a path out of them")
    func storeThemeStaysInTheThemeFolders() throws {
        for theme in ["../../secret", "/etc", "a/../../b", "x\u{0}"] {
            guard case .failure(let refused) = ThemeLocation.searchPath(storeTheme: theme, store: "Shop") else {
                Issue.record("theme \(theme) was accepted")
                continue
            }
            #expect(refused.message.hasPrefix("Shop/store.json: theme \""))
            #expect(refused.message.hasSuffix(": a theme is a folder of Shop/themes or of vitrine's Themes"))
        }
        let root = try TemporaryFolder()
        defer { root.remove() }
        try root.write("Shop/themes/winter/page.mustache", "x")
        #expect(
            try ThemeLocation.searchPath(storeTheme: "winter", store: root.path + "/Shop").get().first
                == root.path + "/Shop/themes/winter")
    }
}
