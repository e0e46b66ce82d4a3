/// The three time variables of nginx as Unix seconds UTC, by integer arithmetic on bytes.
enum Timestamp {
    /// `$time_local`: `06/Dec/2026:06:20:01 +0100` (exactly 26 bytes); the offset is subtracted to give UTC.
    static func parseLocal(_ value: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard value.count == 26, let p = value.baseAddress else { return nil }
        guard p[2] == UInt8(ascii: "/"), p[6] == UInt8(ascii: "/"), p[11] == UInt8(ascii: ":"),
            p[14] == UInt8(ascii: ":"), p[17] == UInt8(ascii: ":"), p[20] == UInt8(ascii: " ")
        else { return nil }
        guard let day = digits(p, 0, 2), let month = month(p[3], p[4], p[5]), let year = digits(p, 7, 4),
            let hour = digits(p, 12, 2), let minute = digits(p, 15, 2), let second = digits(p, 18, 2),
            let offsetHours = digits(p, 22, 2), let offsetMinutes = digits(p, 24, 2)
        else { return nil }
        let sign: Int64
        switch p[21] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        guard let local = epoch(year, month, day, hour, minute, second) else { return nil }
        return local - sign * (offsetHours * 3600 + offsetMinutes * 60)
    }

    /// `$time_iso8601`: `2026-12-06T06:20:01+01:00` (or `Z` for the offset).
    static func parseISO8601(_ value: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard value.count == 25 || value.count == 20, let p = value.baseAddress else { return nil }
        guard p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"), p[10] == UInt8(ascii: "T"),
            p[13] == UInt8(ascii: ":"), p[16] == UInt8(ascii: ":")
        else { return nil }
        guard let year = digits(p, 0, 4), let month = digits(p, 5, 2), let day = digits(p, 8, 2),
            let hour = digits(p, 11, 2), let minute = digits(p, 14, 2), let second = digits(p, 17, 2),
            let local = epoch(year, month, day, hour, minute, second)
        else { return nil }
        if value.count == 20 { return p[19] == UInt8(ascii: "Z") ? local : nil }
        guard p[22] == UInt8(ascii: ":"), let offsetHours = digits(p, 20, 2), let offsetMinutes = digits(p, 23, 2)
        else { return nil }
        let offset = offsetHours * 3600 + offsetMinutes * 60
        switch p[19] {
        case UInt8(ascii: "+"): return local - offset
        case UInt8(ascii: "-"): return local + offset
        default: return nil
        }
    }

    /// `$msec`: seconds with a fraction, `1733466001.123`; the fraction is dropped.
    static func parseMsec(_ value: UnsafeBufferPointer<UInt8>) -> Int64? {
        var seconds: Int64 = 0
        var index = 0
        while index < value.count, index < 18, value[index] &- UInt8(ascii: "0") < 10 {
            seconds = seconds * 10 + Int64(value[index] &- UInt8(ascii: "0"))
            index += 1
        }
        guard index > 0 else { return nil }
        if index == value.count { return seconds }
        guard value[index] == UInt8(ascii: ".") else { return nil }
        for byte in value[(index + 1)...] where byte &- UInt8(ascii: "0") >= 10 { return nil }
        return seconds
    }

    @inline(__always)
    private static func digits(_ p: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Int64? {
        var value: Int64 = 0
        for index in start..<(start + count) {
            let digit = p[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    /// The month of nginx's `%b` (English abbreviations), by a switch on the three bytes.
    @inline(__always)
    private static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int64? {
        switch (a, b, c) {
        case (UInt8(ascii: "J"), UInt8(ascii: "a"), UInt8(ascii: "n")): return 1
        case (UInt8(ascii: "F"), UInt8(ascii: "e"), UInt8(ascii: "b")): return 2
        case (UInt8(ascii: "M"), UInt8(ascii: "a"), UInt8(ascii: "r")): return 3
        case (UInt8(ascii: "A"), UInt8(ascii: "p"), UInt8(ascii: "r")): return 4
        case (UInt8(ascii: "M"), UInt8(ascii: "a"), UInt8(ascii: "y")): return 5
        case (UInt8(ascii: "J"), UInt8(ascii: "u"), UInt8(ascii: "n")): return 6
        case (UInt8(ascii: "J"), UInt8(ascii: "u"), UInt8(ascii: "l")): return 7
        case (UInt8(ascii: "A"), UInt8(ascii: "u"), UInt8(ascii: "g")): return 8
        case (UInt8(ascii: "S"), UInt8(ascii: "e"), UInt8(ascii: "p")): return 9
        case (UInt8(ascii: "O"), UInt8(ascii: "c"), UInt8(ascii: "t")): return 10
        case (UInt8(ascii: "N"), UInt8(ascii: "o"), UInt8(ascii: "v")): return 11
        case (UInt8(ascii: "D"), UInt8(ascii: "e"), UInt8(ascii: "c")): return 12
        default: return nil
        }
    }

    /// Seconds since 1970-01-01 of a civil date and time (proleptic Gregorian), by Howard Hinnant's
    /// days_from_civil; nil for a field out of range (a leap second's 60 is allowed, as in nginx's input).
    static func epoch(
        _ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64, _ minute: Int64, _ second: Int64
    ) -> Int64? {
        guard (1...12).contains(month), day >= 1, hour < 24, minute < 60, second <= 60 else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays: Int64 =
            month == 2 ? (isLeap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
        guard day <= monthDays else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }
}
