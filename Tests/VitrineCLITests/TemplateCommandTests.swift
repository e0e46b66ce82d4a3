import Foundation
import Testing

@Suite("vitrine template render and theme check, end to end")
struct TemplateCommandTests {
    static func write(_ files: [String: String]) throws -> String {
        let directory = try VitrineBinary.temporaryDirectory()
        for (name, text) in files {
            let path = "\(directory)/\(name)"
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test("render writes exactly the rendered bytes, partials from the template's folder or --partials")
    func render() throws {
        let directory = try Self.write([
            "page.mustache": "<h1>{{title}}</h1>\n{{#items}}\n  {{>partials/item}}\n{{/items}}",
            "partials/item.mustache": "<li>{{name}}</li>\n",
            "other/partials/item.mustache": "* {{name}}\n",
            "data.json": "{\"title\": \"Tea & <Coffee>\", \"items\": [{\"name\": \"Μαρία\"}, {\"name\": \"چای\"}]}",
        ])
        let result = try VitrineBinary.run(
            ["template", "render", "page.mustache", "--data", "data.json"], in: directory)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "<h1>Tea &amp; &lt;Coffee&gt;</h1>\n  <li>Μαρία</li>\n  <li>چای</li>\n")
        let other = try VitrineBinary.run(
            ["template", "render", "page.mustache", "--data", "data.json", "--partials", "other"], in: directory)
        #expect(other.stdout == "<h1>Tea &amp; &lt;Coffee&gt;</h1>\n  * Μαρία\n  * چای\n")
    }

    @Test("template errors: all of them on stderr with positions, exit 2, nothing on stdout")
    func errors() throws {
        let directory = try Self.write([
            "bad.mustache": "{{#a}}\n{{/b}}\n{{>missing}}\n{{=<% %>=}}<%x"
        ])
        let result = try VitrineBinary.run(["template", "render", "bad.mustache"], in: directory)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        let headlines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("bad.mustache:") }
        #expect(headlines.count >= 3)
        #expect(headlines.first?.hasPrefix("bad.mustache:2:1: error:") == true)
    }

    @Test("strict mode makes a missing name an error at its tag")
    func strict() throws {
        let directory = try Self.write(["t.mustache": "Hi {{nme}}", "d.json": "{\"name\": \"x\"}"])
        let lenient = try VitrineBinary.run(["template", "render", "t.mustache", "--data", "d.json"], in: directory)
        #expect(lenient.status == 0 && lenient.stdout == "Hi ")
        let strict = try VitrineBinary.run(
            ["template", "render", "t.mustache", "--data", "d.json", "--strict"], in: directory)
        #expect(strict.status == 2)
        #expect(strict.stderr.hasPrefix("t.mustache:1:4: error:"))
    }

    @Test("a missing template is a failure of the world (exit 1) with the system's reason")
    func missingTemplate() throws {
        let directory = try Self.write(["t.mustache": "x"])
        let result = try VitrineBinary.run(["template", "render", "nope.mustache"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("cannot read nope.mustache: "), "\(result.stderr)")
    }

    @Test("a partial with no file renders as nothing (spec \"Failed Lookup\"), an error only with --strict")
    func missingPartial() throws {
        let directory = try Self.write(["t.mustache": "[{{>nope}}]\n"])
        let lenient = try VitrineBinary.run(["template", "render", "t.mustache"], in: directory)
        #expect(lenient.status == 0)
        #expect(lenient.stdout == "[]\n")
        #expect(lenient.stderr == "")
        let strict = try VitrineBinary.run(["template", "render", "t.mustache", "--strict"], in: directory)
        #expect(strict.status == 2)
        #expect(strict.stdout == "")
        #expect(strict.stderr.hasPrefix("t.mustache:1:2: error: unknown partial \"nope\""), "\(strict.stderr)")
    }

    @Test("theme check reports every broken template of a theme folder")
    func themeCheck() throws {
        let directory = try Self.write([
            "theme/pages/product.mustache": "{{>partials/card}}{{>partials/nope}}",
            "theme/partials/card.mustache": "{{#offers}}",
        ])
        let result = try VitrineBinary.run(["theme", "check", "theme"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("theme/pages/product.mustache:1:19: error: unknown partial \"partials/nope\""))
        #expect(result.stderr.contains("theme/partials/card.mustache:1:12: error:"))
        let good = try Self.write([
            "theme/pages/product.mustache": "{{>partials/card}}", "theme/partials/card.mustache": "{{name}}",
        ])
        let ok = try VitrineBinary.run(["theme", "check", "theme"], in: good)
        #expect(ok.stderr == "")
        #expect(ok.status == 0)
    }
}

/// Hostile templates and stores, run through the real binary with a time limit: no crash, no hang, no file read
/// from outside the partials and theme folders.
@Suite("vitrine template render and theme check on hostile input")
struct TemplateHostileInputTests {
    /// `VitrineBinary.run` with a time limit: the process is killed after `seconds`, and that is a test failure.
    static func run(_ arguments: [String], in directory: String, within seconds: Double) throws -> VitrineBinary.Result
    {
        try VitrineBinary.run(arguments, in: directory, timeLimit: seconds)
    }

    @Test("10,000 nested sections: exit 2 with the position of the one too deep, not a stack overflow")
    func deeplyNestedSections() throws {
        let depth = 10_000
        let directory = try TemplateCommandTests.write([
            "deep.mustache": String(repeating: "{{#a}}", count: depth) + "x"
                + String(repeating: "{{/a}}", count: depth),
            "d.json": "{\"a\": true}",
        ])
        let result = try Self.run(
            ["template", "render", "deep.mustache", "--data", "d.json"], in: directory, within: 30)
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "deep.mustache:1:3073: error: section \"a\" is nested more than 512 deep (sections, parents and blocks)"
            ),
            "\(result.stderr.prefix(300))")
    }

    @Test("'H{{name}}' x 40,000 renders in linear time (parsing took 24 s)")
    func manyAlternations() throws {
        let directory = try TemplateCommandTests.write([
            "t.mustache": String(repeating: "H{{name}}", count: 40_000), "d.json": "{\"name\": \"i\"}",
        ])
        let result = try Self.run(["template", "render", "t.mustache", "--data", "d.json"], in: directory, within: 20)
        #expect(result.status == 0)
        #expect(result.stdout == String(repeating: "Hi", count: 40_000))
    }

    @Test("partials fanning out (10^20 includes, no recursion): exit 2 with the work bound, not a hang")
    func fanningOutPartials() throws {
        var files = ["p20.mustache": ""]
        for level in 0..<20 { files["p\(level).mustache"] = String(repeating: "{{>p\(level + 1)}}", count: 10) }
        let directory = try TemplateCommandTests.write(files)
        let result = try Self.run(["template", "render", "p0.mustache"], in: directory, within: 60)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("p19.mustache:1:"), "the tag is in the file that fans out")
        #expect(
            result.stderr.contains(
                "error: render stopped after 16777216 section bodies, partials and blocks (does a tree of partials fan out?)"
            ), "\(result.stderr.prefix(300))")
    }

    @Test("a partial name leaving the partials folder is an error at its tag; the file outside is never read")
    func partialOutsideItsFolder() throws {
        let directory = try TemplateCommandTests.write([
            "secret.mustache": "SECRET", "site/partials/x.mustache": "x",
            "site/page.mustache": "a\n {{> ../../secret}}",
        ])
        let result = try Self.run(
            ["template", "render", "site/page.mustache", "--partials", "site/partials"], in: directory, within: 20)
        #expect(result.status == 2)
        #expect(!result.stdout.contains("SECRET"))
        #expect(
            result.stderr.hasPrefix(
                "site/page.mustache:2:2: error: partial name \"../../secret\" leaves its folder: partials are files below site/partials"
            ), "\(result.stderr)")
    }

    @Test("a store theme that resolves outside the theme folders is refused")
    func storeThemeOutsideTheThemeFolders() throws {
        let directory = try TemplateCommandTests.write([
            "secret/pages/product.mustache": "{{store.name}}", "work/.keep": "",
        ])
        let shop = directory + "/shop"
        try FileManager.default.copyItem(atPath: "\(VitrineBinary.packageRoot)/Catalog", toPath: shop)
        let settings = try String(contentsOfFile: shop + "/store.json", encoding: .utf8)
            .replacingOccurrences(of: "\"theme\": \"default\"", with: "\"theme\": \"../secret\"")
        try settings.write(toFile: shop + "/store.json", atomically: true, encoding: .utf8)
        let result = try Self.run(["theme", "check", "--store", "../shop"], in: directory + "/work", within: 30)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error: ../shop/store.json: theme \"../secret\" leaves its folder: a theme is a folder of ../shop/themes or of vitrine's Themes"
            ), "\(result.stderr)")
    }
}

@Suite("vitrine theme check renders pages against the store")
struct ThemeRenderCheckTests {
    @Test("pages and e-mails render strictly against the example store's data; a misspelt name is an error")
    func renderPages() throws {
        let directory = try TemplateCommandTests.write([
            "theme/pages/product.mustache":
                "<html dir=\"{{store.dir}}\"><h1>{{product.name}}</h1>{{#product.on_sale}}<s>{{product.compare_at_price}}</s>{{/product.on_sale}}\n{{>partials/list}}</html>",
            "theme/partials/list.mustache": "{{#products}}<li>{{name}} {{price}} {{currency}}</li>{{/products}}",
            "theme/emails/newsletter.mustache": "{{campaign.subject}} {{#segment}}{{name}}{{/segment}}",
        ])
        let catalog = "\(VitrineBinary.packageRoot)/Catalog"
        let result = try VitrineBinary.run(["theme", "check", "theme", "--store", catalog], in: directory)
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "theme/partials/list.mustache:1:37: error: variable \"currency\" not found"),
            "products have no currency of their own: \(result.stderr)")
        try "{{#products}}<li>{{name}} {{price}}</li>{{/products}}".write(
            toFile: "\(directory)/theme/partials/list.mustache", atomically: true, encoding: .utf8)
        let fixed = try VitrineBinary.run(["theme", "check", "theme", "--store", catalog], in: directory)
        #expect(fixed.stderr == "")
        #expect(fixed.status == 0)
        #expect(fixed.stdout == "theme: ok\n")
    }
}
