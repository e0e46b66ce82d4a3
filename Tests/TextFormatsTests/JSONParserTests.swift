import Diagnostics
import Testing

@testable import TextFormats

@Suite("JSON parser")
struct JSONParserTests {
    static func parse(_ text: String) -> (JSONNode?, [String]) {
        var diagnostics = DiagnosticEngine()
        let node = JSONParser.parse(SourceText(path: "f.json", text: text), diagnostics: &diagnostics)
        return (node, diagnostics.diagnostics.map(\.description))
    }

    @Test("values keep their offsets and exact number text")
    func values() throws {
        let (node, errors) = Self.parse(
            "{\n  \"a\": [1, 2.50, -3e2],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\\n\",\n  \"c\": null, \"d\": true\n}")
        #expect(errors.isEmpty)
        let root = try #require(node)
        guard case .array(let numbers)? = root["a"]?.value else { Issue.record("a is not an array"); return }
        #expect(
            numbers.map { node -> String in if case .number(let t) = node.value { t } else { "" } } == [
                "1", "2.50", "-3e2",
            ])
        #expect(numbers[1].offset == 13)
        guard case .string(let text)? = root["b"]?.value else { Issue.record("b is not a string"); return }
        #expect(text == "xé😀\n")
        if case .null? = root["c"]?.value {} else { Issue.record("c is not null") }
    }

    @Test(
        "syntax errors point at the offending byte",
        arguments: [
            ("{\"a\": 1,}", "f.json:1:9: error: trailing comma in an object"),
            ("[1, 2,]", "f.json:1:7: error: trailing comma in an array"),
            ("{\"a\" 1}", "f.json:1:6: error: expected ':' after the key"),
            ("{\n  a: 1\n}", "f.json:2:3: error: expected a key in double quotes"),
            ("{\"a\": \"x\n\"}", "f.json:1:9: error: line break inside a string (write \\n)"),
            ("{\"a\": tru}", "f.json:1:7: error: invalid literal, expected 'true'"),
            ("[01]", "f.json:1:2: error: leading zero in a number"),
            ("{\"a\": \"\\q\"}", "f.json:1:8: error: invalid escape sequence"),
            ("{\"a\": \"\\ud800\"}", "f.json:1:8: error: unpaired surrogate in \\u escape"),
            ("[1] 2", "f.json:1:5: error: unexpected text after the JSON value"),
            ("{\"a\": [1, 2}", "f.json:1:12: error: expected ',' or ']' in an array"),
            ("\n\n  {\"a\": \"open", "f.json:3:9: error: string is never closed"),
            ("", "f.json:1:1: error: unexpected end of file, expected a value"),
        ])
    func syntaxErrors(_ text: String, _ expected: String) {
        #expect(Self.parse(text).1 == [expected])
    }

    @Test("duplicate keys are errors at the second key")
    func duplicateKeys() {
        #expect(Self.parse("{\"a\": 1,\n \"a\": 2}").1 == ["f.json:2:2: error: duplicate key \"a\""])
    }

    @Test("deep nesting is refused, not a stack overflow")
    func depth() {
        let errors = Self.parse(String(repeating: "[", count: 100_000)).1
        #expect(errors == ["f.json:1:513: error: nesting deeper than 512 levels"])
    }

    @Test("decoded string bytes map back to source offsets")
    func offsetMap() {
        let source = SourceText(path: "f.json", text: "\"a\\\"b\\u00e9c\"")
        let map = JSONParser.decodedByteOffsets(in: source, stringAt: 0)
        // a, ", b, é (2 bytes), c, end
        #expect(map == [1, 2, 4, 5, 5, 11, 12])
    }

    @Test("written JSON is stable and escapes what it must")
    func output() {
        let value = JSONOutput.object([
            ("a", .string("x\"\n\u{1}é")), ("b", .array([.int(1), .bool(false), .null])), ("c", .object([])),
        ])
        #expect(
            value.serialized()
                == "{\n  \"a\": \"x\\\"\\n\\u0001é\",\n  \"b\": [\n    1,\n    false,\n    null\n  ],\n  \"c\": {}\n}\n"
        )
    }
}
