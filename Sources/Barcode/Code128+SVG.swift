/// Drawing a symbol as inline SVG. The user units are modules, so the picture scales to any size with whole-module
/// proportions; `shape-rendering="crispEdges"` keeps bar edges on pixel boundaries; a white background keeps the
/// quiet zones light on a dark page.
extension Code128 {
    /// How the SVG is drawn, in modules.
    public struct SVGOptions: Equatable, Sendable {
        /// The light margin on each side; ISO/IEC 15417 asks for at least 10 modules, so less is raised to 10.
        public var quietZone: Int
        /// The bar height; scanners want at least 15% of the symbol's width, or 6.35 mm.
        public var barHeight: Int
        /// Whether the text is printed under the bars.
        public var humanReadable: Bool
        /// The accessible name (`aria-label`); the encoded text when nil.
        public var label: String?

        public init(quietZone: Int = 10, barHeight: Int = 60, humanReadable: Bool = false, label: String? = nil) {
            self.quietZone = quietZone
            self.barHeight = barHeight
            self.humanReadable = humanReadable
            self.label = label
        }
    }

    /// The symbol as an `<svg>` element: a background rectangle, one path with a rectangle per bar, and optionally
    /// the text under the bars.
    public func svg(_ options: SVGOptions = SVGOptions()) -> String {
        let quietZone = max(options.quietZone, 10)
        let barHeight = max(options.barHeight, 1)
        let fontSize = 10
        let width = moduleCount + 2 * quietZone
        let height = options.humanReadable ? barHeight + fontSize + 4 : barHeight

        // One buffer: about 20 bytes a bar plus the frame.
        var svg = ""
        svg.reserveCapacity(symbols.count * 3 * 20 + 400)
        svg += #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#
        svg += "\(width) \(height)\" role=\"img\" aria-label=\""
        Self.appendEscaped(options.label ?? text, to: &svg)
        svg += #"" shape-rendering="crispEdges"><rect width=""#
        svg += "\(width)\" height=\"\(height)\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        var x = quietZone
        for (index, element) in elementWidths.enumerated() {
            if index % 2 == 0 { svg += "M\(x) 0h\(element)v\(barHeight)h-\(element)z" }
            x += Int(element)
        }
        svg += "\"/>"
        if options.humanReadable {
            svg += "<text x=\"\(width / 2)\" y=\"\(barHeight + fontSize + 2)\" font-family=\"monospace\" font-size=\""
            svg += "\(fontSize)\" text-anchor=\"middle\" aria-hidden=\"true\">"
            Self.appendEscaped(text, to: &svg)
            svg += "</text>"
        }
        svg += "</svg>"
        return svg
    }

    /// XML character data and attribute values: `&`, `<`, `>`, `"` and `'` as references (set B has all five).
    static func appendEscaped(_ text: String, to output: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            // DEL is a control character, an HTML parse error even as a reference: shown as its Unicode picture.
            case "\u{7F}": output += "\u{2421}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
