/// Appends the text forms the store files use (integers, cents, dates, CSV fields) to a byte array, with no
/// `String` made per value.
enum ByteBuffer {
    static func appendInt(_ value: Int, to sink: inout [UInt8]) {
        if value < 0 {
            sink.append(UInt8(ascii: "-"))
            appendInt(-value, to: &sink)
            return
        }
        if value >= 10 { appendInt(value / 10, to: &sink) }
        sink.append(UInt8(ascii: "0") &+ UInt8(value % 10))
    }

    /// `value` with at least `width` digits, zero-padded (`7`, width 5 → `00007`).
    static func appendPadded(_ value: Int, width: Int, to sink: inout [UInt8]) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        if digits < width { sink.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits)) }
        appendInt(value, to: &sink)
    }

    /// Integer cents as a decimal with two places: `1290` → `12.90`.
    static func appendCents(_ cents: Int, to sink: inout [UInt8]) {
        precondition(cents >= 0, "money in the store files is never negative")
        appendInt(cents / 100, to: &sink)
        sink.append(UInt8(ascii: "."))
        appendPadded(cents % 100, width: 2, to: &sink)
    }

    /// `YYYY-MM-DD`.
    static func appendDay(_ day: CalendarDay, to sink: inout [UInt8]) {
        let (year, month, dayOfMonth) = day.civil
        appendPadded(year, width: 4, to: &sink)
        sink.append(UInt8(ascii: "-"))
        appendPadded(month, width: 2, to: &sink)
        sink.append(UInt8(ascii: "-"))
        appendPadded(dayOfMonth, width: 2, to: &sink)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, `second` counted from midnight UTC.
    static func appendDateTime(_ day: CalendarDay, second: Int, to sink: inout [UInt8]) {
        appendDay(day, to: &sink)
        sink.append(UInt8(ascii: "T"))
        appendPadded(second / 3600, width: 2, to: &sink)
        sink.append(UInt8(ascii: ":"))
        appendPadded(second / 60 % 60, width: 2, to: &sink)
        sink.append(UInt8(ascii: ":"))
        appendPadded(second % 60, width: 2, to: &sink)
        sink.append(UInt8(ascii: "Z"))
    }
}
