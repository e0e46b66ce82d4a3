import Foundation

/// The report's charts, drawn as inline SVG: no script, no font or file from elsewhere. Each chart has a `<title>`
/// and `<desc>` for screen readers, and the page puts a table with the same numbers beside it.
enum SVGChart {
    /// One group of bars (a segment) and its values, in the order of `series`.
    struct Group {
        var label: String
        var values: [Int]
    }

    /// A series of a bar chart: its name and fill.
    struct Series {
        var name: String
        var color: String
    }

    static let palette = (human: "#1d5fa6", machine: "#9aa6b2", click: "#c4561b", grid: "#d8dde3", ink: "#1f2933")

    /// Grouped vertical bars, one group per segment, with a value axis of round ticks and a legend.
    static func bars(id: String, title: String, description: String, series: [Series], groups: [Group]) -> String {
        let width = 720.0
        let height = 300.0
        let left = 56.0
        let bottom = 64.0
        let top = 36.0
        let plotHeight = height - bottom - top
        let plotWidth = width - left - 16
        let maximum = max(1, groups.flatMap(\.values).max() ?? 1)
        let step = niceStep(Double(maximum) / 4)
        let axisMax = max(step, (Double(maximum) / step).rounded(.up) * step)
        var out = open(id: id, width: width, height: height, title: title, description: description)
        var tick = 0.0
        while tick <= axisMax + step / 2 {
            let y = top + plotHeight - plotHeight * tick / axisMax
            out +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - 16))\" y2=\"\(f(y))\" stroke=\"\(palette.grid)\"/>"
            out +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"11\">\(grouped(Int(tick)))</text>"
            tick += step
        }
        let groupWidth = plotWidth / Double(max(groups.count, 1))
        let barWidth = min(28, groupWidth * 0.8 / Double(max(series.count, 1)))
        for (g, group) in groups.enumerated() {
            let start = left + groupWidth * Double(g) + (groupWidth - barWidth * Double(series.count)) / 2
            for (s, value) in group.values.enumerated() where s < series.count {
                let barHeight = plotHeight * Double(value) / axisMax
                let x = start + barWidth * Double(s)
                out += "<rect x=\"\(f(x))\" y=\"\(f(top + plotHeight - barHeight))\" width=\"\(f(barWidth - 2))\" "
                out += "height=\"\(f(barHeight))\" fill=\"\(series[s].color)\"><title>\(escape(group.label)): "
                out += "\(escape(series[s].name)) \(grouped(value))</title></rect>"
            }
            let centre = left + groupWidth * (Double(g) + 0.5)
            out += "<text x=\"\(f(centre))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">"
            out += "\(escape(truncated(group.label, to: Int(groupWidth / 6.5))))</text>"
        }
        var x = left
        for item in series {
            out += "<rect x=\"\(f(x))\" y=\"\(f(height - 24))\" width=\"12\" height=\"12\" fill=\"\(item.color)\"/>"
            out += "<text x=\"\(f(x + 16))\" y=\"\(f(height - 14))\" font-size=\"12\">\(escape(item.name))</text>"
            x += 22 + Double(item.name.count) * 6.8
        }
        return out + "</svg>"
    }

    /// The RFM grid as a heat map: recency score down (5 at the top), frequency score across, darker = more.
    static func heatMap(id: String, title: String, description: String, grid: [[Int]]) -> String {
        let cell = 64.0
        let left = 90.0
        let top = 30.0
        let width = left + cell * 5 + 20
        let height = top + cell * 5 + 56
        let maximum = max(1, grid.flatMap { $0 }.max() ?? 1)
        var out = open(id: id, width: width, height: height, title: title, description: description)
        for row in 0..<5 {
            let recency = 5 - row
            let y = top + cell * Double(row)
            out +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(y + cell / 2 + 4))\" text-anchor=\"end\" font-size=\"12\">R \(recency)</text>"
            for column in 0..<5 {
                let value = grid[recency - 1][column]
                let strength = Double(value) / Double(maximum)
                let x = left + cell * Double(column)
                out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell - 2))\" height=\"\(f(cell - 2))\" "
                out += "fill=\"\(blend(strength))\"><title>recency \(recency), frequency \(column + 1): "
                out += "\(grouped(value)) customers</title></rect>"
                // Dark cells take white figures: the contrast stays above 4.5:1 either way.
                out += "<text x=\"\(f(x + cell / 2 - 1))\" y=\"\(f(y + cell / 2 + 4))\" text-anchor=\"middle\" "
                out += "font-size=\"13\" fill=\"\(strength > 0.5 ? "#ffffff" : palette.ink)\">\(grouped(value))</text>"
            }
        }
        for column in 0..<5 {
            out += "<text x=\"\(f(left + cell * (Double(column) + 0.5) - 1))\" y=\"\(f(top + cell * 5 + 16))\" "
            out += "text-anchor=\"middle\" font-size=\"12\">F \(column + 1)</text>"
        }
        out += "<text x=\"\(f(left + cell * 2.5))\" y=\"\(f(height - 12))\" text-anchor=\"middle\" font-size=\"12\">"
        out += "frequency score (more orders →)</text>"
        out += "<text x=\"12\" y=\"\(f(top - 12))\" font-size=\"12\">recency score (recent ↑)</text>"
        return out + "</svg>"
    }

    /// The Pareto curve: share of revenue (up) against share of buyers (across), best buyers first, with the
    /// equality diagonal and the 20 % line.
    static func paretoCurve(id: String, title: String, description: String, curve: [Double], topFraction: Double)
        -> String
    {
        let size = 300.0
        let left = 56.0
        let top = 16.0
        let width = left + size + 24
        let height = top + size + 52
        var out = open(id: id, width: width, height: height, title: title, description: description)
        for tick in stride(from: 0, through: 100, by: 20) {
            let offset = size * Double(tick) / 100
            out += "<line x1=\"\(f(left))\" y1=\"\(f(top + size - offset))\" x2=\"\(f(left + size))\" "
            out += "y2=\"\(f(top + size - offset))\" stroke=\"\(palette.grid)\"/>"
            out +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(top + size - offset + 4))\" text-anchor=\"end\" font-size=\"11\">"
            out += "\(tick) %</text>"
            out +=
                "<text x=\"\(f(left + offset))\" y=\"\(f(top + size + 16))\" text-anchor=\"middle\" font-size=\"11\">"
            out += "\(tick) %</text>"
        }
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top + size))\" x2=\"\(f(left + size))\" y2=\"\(f(top))\" "
        out += "stroke=\"\(palette.machine)\" stroke-dasharray=\"4 4\"/>"
        let marker = left + size * topFraction
        out += "<line x1=\"\(f(marker))\" y1=\"\(f(top))\" x2=\"\(f(marker))\" y2=\"\(f(top + size))\" "
        out += "stroke=\"\(palette.click)\" stroke-dasharray=\"2 3\"/>"
        var points: [String] = []
        for (index, share) in curve.enumerated() {
            let x = left + size * Double(index) / Double(max(curve.count - 1, 1))
            points.append("\(f(x)),\(f(top + size - size * share))")
        }
        out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(palette.human)\" "
        out += "stroke-width=\"2.5\"/>"
        out += "<text x=\"\(f(left + size / 2))\" y=\"\(f(height - 10))\" text-anchor=\"middle\" font-size=\"12\">"
        out += "share of buyers, best first</text>"
        return out + "</svg>"
    }

    private static func open(id: String, width: Double, height: Double, title: String, description: String)
        -> String
    {
        "<svg viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" "
            + "height=\"\(f(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "font-family=\"system-ui, sans-serif\" fill=\"\(palette.ink)\">"
            + "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`: ticks a reader can add up.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 1 else { return 1 }
        let power = pow(10, floor(log10(raw)))
        for factor in [1.0, 2, 5, 10] where factor * power >= raw { return factor * power }
        return 10 * power
    }

    /// White to the human-series blue.
    static func blend(_ strength: Double) -> String {
        let s = min(max(strength, 0), 1)
        let from = (0xF4, 0xF7, 0xFA)
        let to = (0x1D, 0x5F, 0xA6)
        func channel(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * s).rounded()) }
        return String(
            format: "#%02x%02x%02x", channel(from.0, to.0), channel(from.1, to.1), channel(from.2, to.2))
    }

    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func truncated(_ text: String, to count: Int) -> String {
        text.count <= max(count, 4) ? text : String(text.prefix(max(count, 4) - 1)) + "…"
    }

    /// `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// Text for HTML and SVG: `& < > "` and `'` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
