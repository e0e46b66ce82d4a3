import Store
import TextFormats

/// Number spellings shared by the segment report's renderings: fixed decimals without a formatter per value.
enum ReportFormat {
    /// Up to 4 decimals, trailing zeros dropped: `0.2`, `27.5`, `3`.
    static func number(_ value: Double) -> String {
        fixed(value, decimals: 4, trim: true)
    }

    /// `value` rounded half away from zero to `decimals` places.
    static func fixed(_ value: Double, decimals: Int, trim: Bool = false) -> String {
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        var fraction = String(units % Int64(scale))
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        if trim { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let sign = value < 0 && units != 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Minor units as `123.45`.
    static func money(_ minorUnits: Int64) -> String { Money(minorUnits: minorUnits).description }

    /// A share as `45.5%`.
    static func percent(_ share: Double) -> String { fixed(share * 100, decimals: 1) + "%" }

    /// Left-aligned in `width` characters.
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// Right-aligned in `width` characters.
    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
