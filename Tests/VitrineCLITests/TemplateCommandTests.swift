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
