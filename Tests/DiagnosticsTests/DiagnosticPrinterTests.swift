import Testing

@testable import Diagnostics

@Suite("Diagnostics")
struct DiagnosticPrinterTests {
    @Test("an error prints with its source line and a caret under the column")
    func caret() {
        var engine = DiagnosticEngine()
        let source = SourceText(path: "Catalog/orders.csv", text: "id,sku\r\no-1,\tSKU-9\n")
        engine.register(source)
        engine.error(
            "unknown sku \"SKU-9\"", at: source.location(atOffset: 13),
            notes: [.init("declared here", at: source.location(atOffset: 0))])
        #expect(
            DiagnosticPrinter().render(engine) == """
                Catalog/orders.csv:2:6: error: unknown sku "SKU-9"
                o-1,\tSKU-9
                    \t^
                Catalog/orders.csv:1:1: note: declared here
                id,sku
                ^

                """)
    }

    @Test("columns count UTF-8 bytes; the caret counts characters")
    func utf8Columns() {
        let source = SourceText(path: "f", text: "Μαρία,x")
        let location = source.location(atOffset: 11)
        #expect(location.column == 12)
        var engine = DiagnosticEngine()
        engine.register(source)
        engine.error("here", at: location)
        #expect(DiagnosticPrinter().render(engine) == "f:1:12: error: here\nΜαρία,x\n      ^\n")
    }

    @Test("long lines are cut to a window around the column")
    func window() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let source = SourceText(path: "f", text: line)
        var engine = DiagnosticEngine()
        engine.register(source)
        engine.error("x", at: source.location(atOffset: 300))
        let lines = DiagnosticPrinter().render(engine).split(separator: "\n")
        #expect(lines[1].count == 102)
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
        let caretColumn = lines[2].count - 1
        #expect(Array(lines[1])[caretColumn] == "X")
    }

    @Test("colour only when asked")
    func color() {
        let plain = DiagnosticPrinter(useColor: false).render(.warning("w", at: nil))
        let colored = DiagnosticPrinter(useColor: true).render(.warning("w", at: nil))
        #expect(plain == "warning: w\n")
        #expect(colored.contains("\u{1B}[") && colored.contains("warning:"))
    }

    @Test("findings sort by file order and the engine counts them")
    func sorting() {
        var engine = DiagnosticEngine()
        engine.error("b", at: SourceLocation(file: "a", line: 3, column: 1))
        engine.warning("a", at: SourceLocation(file: "a", line: 1, column: 9))
        engine.error("c", at: nil)
        #expect(engine.sorted.map(\.message) == ["c", "a", "b"])
        #expect(engine.errorCount == 2 && engine.warningCount == 1 && engine.hasErrors)
    }

    @Test(
        "did you mean",
        arguments: [
            ("descripton", "description"), ("stokc", "stock"), ("pricee", "price"), ("zzz", nil), ("id", "id"),
        ] as [(String, String?)])
    func spelling(_ word: String, _ suggestion: String?) {
        #expect(Spelling.suggestion(for: word, among: ["id", "description", "stock", "price"]) == suggestion)
    }
}
