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
            let line = source.lineRange(location.line)
        else { return "" }
        let caret = min(line.lowerBound + max(0, location.column - 1), line.upperBound)
        // Only a window of bytes around the column is ever decoded: a 500 MB line costs what a short one does.
        var start = max(line.lowerBound, caret - Self.window * 2)
        let end = min(line.upperBound, caret + Self.window * 2)
        // Start on a character, not inside one (continuation bytes are 10xxxxxx).
        while start < caret, source.bytes[start] & 0xC0 == 0x80 { start += 1 }
        var pieces = Self.pieces(source.bytes[start..<end])
        // The caret's piece: the first that starts at or after the column.
        var caretPiece = pieces.firstIndex { $0.offset >= caret } ?? pieces.count
        // Cut to `window` characters around the caret, marked with "…".
        let first = max(0, min(caretPiece - Self.window / 2, pieces.count - Self.window))
        let last = min(pieces.count, first + Self.window)
        let cutBefore = first > 0 || start > line.lowerBound
        let cutAfter = last < pieces.count || end < line.upperBound
        pieces = Array(pieces[first..<last])
        caretPiece -= first
        var text = cutBefore ? "…" : ""
        var pad = cutBefore ? " " : ""
        for (index, piece) in pieces.enumerated() {
            text += piece.text
            // The caret sits under the column's character; the line's own tabs keep it aligned.
            if index < caretPiece { pad += piece.text == "\t" ? "\t" : String(repeating: " ", count: piece.width) }
        }
        if cutAfter { text += "…" }
        let mark = useColor ? "\u{1B}[1;32m^\u{1B}[0m" : "^"
        return "\(text)\n\(pad)\(mark)\n"
    }

    /// The characters of some bytes as they are shown: control characters and invalid bytes escaped (`\x1B`,
    /// `\xFF`), so that a file cannot drive the terminal, each with its byte offset and width in columns.
    static func pieces(_ bytes: ArraySlice<UInt8>) -> [(offset: Int, text: String, width: Int)] {
        var pieces: [(offset: Int, text: String, width: Int)] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length =
                switch lead {
                case 0xC2...0xDF: 2
                case 0xE0...0xEF: 3
                case 0xF0...0xF4: 4
                default: 1
                }
            if lead < 0x80 {
                let scalar = Unicode.Scalar(lead)
                let text = Diagnostic.isControl(scalar) ? Diagnostic.escaped(scalar) : String(Character(scalar))
                pieces.append((index, text, text.count))
                index += 1
                continue
            }
            if length > 1, index + length <= bytes.endIndex {
                var decoded = ""
                var valid = true
                let sequence = bytes[index..<index + length]
                valid = sequence.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
                if valid, let scalar = String(validating: sequence, as: UTF8.self)?.unicodeScalars.first {
                    decoded = Diagnostic.isControl(scalar) ? Diagnostic.escaped(scalar) : String(scalar)
                    let width = Diagnostic.isControl(scalar) ? decoded.count : 1
                    pieces.append((index, decoded, width))
                    index += length
                    continue
                }
            }
            let hex = String(lead, radix: 16, uppercase: true)
            pieces.append((index, "\\x" + hex, 4))
            index += 1
        }
        return pieces
    }

    /// Widest excerpt shown, in characters.
    static let window = 100
}
