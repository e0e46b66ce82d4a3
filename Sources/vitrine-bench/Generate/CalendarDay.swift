import TextFormats

/// A day of the proleptic Gregorian calendar as a count of days since 1970-01-01, so that dates are integers to
/// add and compare and are printed without a formatter or the current clock.
struct CalendarDay: Comparable, Hashable {
    var number: Int

    init(number: Int) { self.number = number }

    init(year: Int, month: Int, day: Int) {
        number = Int(CivilDate.daysSince1970(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    var civil: (year: Int, month: Int, day: Int) {
        let date = CivilDate.from(daysSince1970: Int64(number))
        return (Int(date.year), Int(date.month), Int(date.day))
    }

    static func + (day: CalendarDay, days: Int) -> CalendarDay { CalendarDay(number: day.number + days) }
    static func - (day: CalendarDay, days: Int) -> CalendarDay { CalendarDay(number: day.number - days) }
    static func - (later: CalendarDay, earlier: CalendarDay) -> Int { later.number - earlier.number }
    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.number < rhs.number }

    /// `YYYY-MM-DD`.
    var iso: String {
        var sink = [UInt8]()
        ByteBuffer.appendDay(self, to: &sink)
        return String(decoding: sink, as: UTF8.self)
    }
}
