import Diagnostics
import Testing

@Suite("diagnostics of hostile input")
struct HostileDiagnosticsTests {
    @Test("control bytes are escaped in the excerpt and the message; the caret stays under its column after them")
    func controlBytes() {
        let source = SourceText(path: "f.csv", bytes: Array("a\u{1B}[31m\u{7},x\n".utf8))
        var engine = DiagnosticEngine()
        engine.register(source)
        engine.error("bad \"\u{1B}[31m\"", at: source.location(atOffset: 8))
        #expect(
            DiagnosticPrinter().render(engine)
                == "f.csv:1:9: error: bad \"\\x1B[31m\"\na\\x1B[31m\\x07,x\n              ^\n")
    }

    @Test("after an invalid byte the caret stays under its column")
    func invalidByte() {
        let source = SourceText(path: "f.csv", bytes: [0x61, 0xFF, 0x2C, 0x78, 0x0A])
        var engine = DiagnosticEngine()
        engine.register(source)
        engine.error("here", at: source.location(atOffset: 3))
        #expect(DiagnosticPrinter().render(engine) == "f.csv:1:4: error: here\na\\xFF,x\n      ^\n")
    }

    @Test("a 20 MB line shows a window of it; a long quoted value is cut")
    func longLine() {
        let line = String(repeating: "y", count: 10_000_000) + "!" + String(repeating: "z", count: 10_000_000)
        let source = SourceText(path: "f.csv", text: line)
        var engine = DiagnosticEngine()
        engine.register(source)
        engine.error(
            "unknown id \"\(String(repeating: "q", count: 1_000))\"", at: source.location(atOffset: 10_000_000))
        let text = DiagnosticPrinter().render(engine)
        #expect(text.utf8.count < 400)
        #expect(text.hasPrefix("f.csv:1:10000001: error: unknown id \"\(String(repeating: "q", count: 40))…\"\n…"))
        #expect(text.contains("y!z"))
    }

    @Test("past 100 findings of a kind, the rest are counted and the last one kept says how many")
    func capPerKind() {
        let source = SourceText(path: "o.csv", text: String(repeating: "x\n", count: 300))
        var engine = DiagnosticEngine()
        var other = DiagnosticEngine()
        for line in 1...150 { engine.error("unknown id \"c-\(line)\"", at: source.location(atOffset: 2 * line - 2)) }
        for line in 151...300 { other.error("unknown id \"c-\(line)\"", at: source.location(atOffset: 2 * line - 2)) }
        other.warning("something else", at: nil)
        engine.merge(other)
        #expect(engine.errorCount == 300)
        #expect(engine.warningCount == 1)
        #expect(engine.diagnostics.count == 101)
        #expect(engine.diagnostics[99].notes.map(\.message) == ["200 more errors like this in o.csv"])
    }
}
