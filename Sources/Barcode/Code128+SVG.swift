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

        // Bytes, not String interpolation: a coupon page has one of these, and a store has many coupon pages.
        var svg: [UInt8] = []
        svg.reserveCapacity(symbols.count * 3 * 20 + 400)
        svg += #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#.utf8
        Self.appendDecimal(width, to: &svg)
        svg.append(UInt8(ascii: " "))
        Self.appendDecimal(height, to: &svg)
        svg += #"" role="img" aria-label=""#.utf8
        Self.appendEscaped(options.label ?? text, to: &svg)
        svg += #"" shape-rendering="crispEdges"><rect width=""#.utf8
        Self.appendDecimal(width, to: &svg)
        svg += #"" height=""#.utf8
        Self.appendDecimal(height, to: &svg)
        svg += ##"" fill="#fff"/><path fill="#000" d=""##.utf8
        var x = quietZone
        for (index, element) in elementWidths.enumerated() {
            if index % 2 == 0 {
                // M x 0 h w v height h -w z: a bar of `element` modules.
                svg.append(UInt8(ascii: "M"))
                Self.appendDecimal(x, to: &svg)
                svg += " 0h".utf8
                svg.append(UInt8(ascii: "0") + element)
                svg.append(UInt8(ascii: "v"))
                Self.appendDecimal(barHeight, to: &svg)
                svg += "h-".utf8
                svg.append(UInt8(ascii: "0") + element)
                svg.append(UInt8(ascii: "z"))
            }
            x += Int(element)
        }
        svg += #""/>"#.utf8
        if options.humanReadable {
            svg += #"<text x=""#.utf8
            Self.appendDecimal(width / 2, to: &svg)
            svg += #"" y=""#.utf8
            Self.appendDecimal(barHeight + fontSize + 2, to: &svg)
            svg += #"" font-family="monospace" font-size=""#.utf8
            Self.appendDecimal(fontSize, to: &svg)
            svg += #"" text-anchor="middle" aria-hidden="true">"#.utf8
            Self.appendEscaped(text, to: &svg)
            svg += "</text>".utf8
        }
        svg += "</svg>".utf8
        return String(decoding: svg, as: UTF8.self)
    }

    /// A non-negative integer in decimal.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &output) }
        output.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// XML character data and attribute values: `&`, `<`, `>`, `"` and `'` as references (set B has all five).
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'"): output += "&#39;".utf8
            // DEL is a control character, an HTML parse error even as a reference: shown as its Unicode picture.
            case 0x7F: output += "\u{2421}".utf8
            default: output.append(byte)
            }
        }
    }
}
