/// Renders diagnostics the way compilers do: `file:line:col: error: message`, then the source line and a caret.
/// Colour (ANSI) only when asked, which the CLI does only when stderr is a terminal.
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool
    public var showSourceLines: Bool

    public init(useColor: Bool = false, showSourceLines: Bool = true) {
        self.useColor = useColor
        self.showSourceLines = showSourceLines
    }

    /// Every diagnostic of the engine in file order, each followed by its excerpt and notes.
    public func render(_ engine: DiagnosticEngine) -> String {
        var out = ""
        for diagnostic in engine.sorted {
            out += render(diagnostic, sources: engine.sources)
        }
        return out
    }

    public func render(_ diagnostic: Diagnostic, sources: [String: SourceText] = [:]) -> String {
        var out = headline(diagnostic.severity, diagnostic.message, at: diagnostic.location)
        out += excerpt(at: diagnostic.location, sources: sources)
        for note in diagnostic.notes {
            out += headline(.note, note.message, at: note.location)
            out += excerpt(at: note.location, sources: sources)
        }
        return out
    }

    private func headline(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation?) -> String {
        let place = location.map { "\($0): " } ?? ""
        guard useColor else { return "\(place)\(severity.rawValue): \(message)\n" }
        let color =
            switch severity {
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;35m"
            case .note: "\u{1B}[1;36m"
            }
        return "\u{1B}[1m\(place)\u{1B}[0m\(color)\(severity.rawValue):\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m\n"
    }

    private func excerpt(at location: SourceLocation?, sources: [String: SourceText]) -> String {
        guard showSourceLines, let location, let source = sources[location.file],
            var text = source.line(location.line)
        else { return "" }
        // Long lines (a CSV row of an export) are cut to a window around the column, marked with "…".
        let scalars = Array(text.unicodeScalars)
        let before = text.utf8.prefix(max(0, location.column - 1))
        var caretIndex = String(decoding: before, as: UTF8.self).unicodeScalars.count
        if scalars.count > Self.window {
            let start = max(0, min(caretIndex - Self.window / 2, scalars.count - Self.window))
            let end = min(scalars.count, start + Self.window)
            text =
                (start > 0 ? "…" : "") + String(String.UnicodeScalarView(scalars[start..<end]))
                + (end < scalars.count ? "…" : "")
            caretIndex = caretIndex - start + (start > 0 ? 1 : 0)
        }
        // The caret sits under the column's character; the line's own tabs keep it aligned.
        var pad = ""
        for scalar in text.unicodeScalars.prefix(caretIndex) {
            pad += scalar == "\t" ? "\t" : " "
        }
        let caret = useColor ? "\u{1B}[1;32m^\u{1B}[0m" : "^"
        return "\(text)\n\(pad)\(caret)\n"
    }

    /// Widest excerpt shown, in characters.
    static let window = 100
}
