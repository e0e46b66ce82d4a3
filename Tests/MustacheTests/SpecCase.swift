import Diagnostics
import Foundation
import Mustache
import Testing

/// One test of the vendored mustache/spec files (Fixtures/mustache-spec, see its PROVENANCE.md).
struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let description: String
    let data: MustacheValue
    let template: String
    let partials: [String: String]
    let expected: String

    var testDescription: String { "\(file): \(name)" }

    /// Every test of one spec file, in file order.
    static func load(_ file: String) -> [SpecCase] {
        let path = fixturesDirectory + "/mustache-spec/" + file + ".json"
        guard let data = FileManager.default.contents(atPath: path) else {
            fatalError("missing spec fixture \(path)")
        }
        let document: MustacheValue
        switch MustacheValue.parseJSON(SourceText(path: path, bytes: [UInt8](data))) {
        case .success(let value): document = value
        case .failure(let error): fatalError("bad spec fixture: \(error)")
        }
        guard case .list(let tests)? = document["tests"] else { fatalError("no tests in \(path)") }
        return tests.map { test in
            var partials: [String: String] = [:]
            if case .map(let map)? = test["partials"] {
                for (key, value) in map {
                    if case .string(let text) = value { partials[key] = text }
                }
            }
            let name = test["name"]?.text ?? "?"
            return SpecCase(
                file: file, name: name, description: test["desc"]?.text ?? "",
                data: SpecLambdas.install(in: test["data"] ?? .null, test: name),
                template: test["template"]?.text ?? "", partials: partials, expected: test["expected"]?.text ?? "")
        }
    }

    /// Renders the case: partials become a library; lenient mode, as the spec is written for.
    func render() throws -> String {
        var diagnostics = DiagnosticEngine()
        let library = TemplateLibrary(sources: partials, diagnostics: &diagnostics)
        let template = try Template(template, name: "template")
        return try template.renderString(data, library: library)
    }

    /// The check every spec test makes, with the inputs shown when it fails.
    func check() {
        do {
            let actual = try render()
            #expect(
                actual == expected,
                """
                \(testDescription) — \(description)
                template: \(template.debugDescription)
                partials: \(partials.debugDescription)
                expected: \(expected.debugDescription)
                actual:   \(actual.debugDescription)
                """)
        } catch {
            Issue.record("\(testDescription): \(error)\ntemplate: \(template.debugDescription)")
        }
    }
}

/// Where the test fixtures live (the resource copy when SwiftPM made one, else next to this file).
let fixturesDirectory: String = {
    if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url.path }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
}()
