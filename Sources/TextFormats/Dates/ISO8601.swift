/// ISO 8601 / RFC 3339 dates and date-times, parsed from bytes.
///
/// Accepted: `YYYY-MM-DD`, and `YYYY-MM-DD` `T` (or a space) `hh:mm[:ss[.fraction]]` with an optional `Z` or
/// `±hh:mm` / `±hhmm` offset (no offset means UTC). Fractions of a second are dropped.
public enum ISO8601 {
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The text does not have the shape of a date; `offset` is the first byte that does not fit.
        case malformed(offset: Int)
        case invalidMonth(Int)
        case invalidDay(day: Int, month: Int, year: Int)
        case invalidTime

        public var description: String {
            switch self {
            case .malformed: "not an ISO 8601 date (expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)"
            case .invalidMonth(let month): "month \(month) does not exist"
            case .invalidDay(let day, let month, let year):
                "day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month)"
            case .invalidTime: "time of day out of range"
            }
        }
    }

    public static func parse(_ bytes: ArraySlice<UInt8>) -> Result<Timestamp, Failure> {
        var index = bytes.startIndex
        let end = bytes.endIndex
        func digits(_ count: Int) -> Int64? {
            guard index + count <= end else { return nil }
            var value: Int64 = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        func malformed() -> Result<Timestamp, Failure> { .failure(.malformed(offset: index - bytes.startIndex)) }

        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
            let day = digits(2)
        else { return malformed() }
        guard (1...12).contains(month) else { return .failure(.invalidMonth(Int(month))) }
        guard day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return .failure(.invalidDay(day: Int(day), month: Int(month), year: Int(year)))
        }
        var seconds = CivilDate.daysSince1970(year: year, month: month, day: day) * Timestamp.secondsPerDay
        if index == end { return .success(Timestamp(secondsSince1970: seconds)) }
        guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") else { return malformed() }
        index += 1
        guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2) else { return malformed() }
        var second: Int64 = 0
        if expect(UInt8(ascii: ":")) {
            guard let value = digits(2) else { return malformed() }
            second = value
            if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                let fractionStart = index
                while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
                if index == fractionStart { return malformed() }
            }
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return .failure(.invalidTime) }
        seconds += hour * 3600 + minute * 60 + second
        if index == end || expect(UInt8(ascii: "Z")) || expect(UInt8(ascii: "z")) {
            return index == end ? .success(Timestamp(secondsSince1970: seconds)) : malformed()
        }
        guard index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else {
            return malformed()
        }
        let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard let offsetHours = digits(2) else { return malformed() }
        _ = expect(UInt8(ascii: ":"))
        guard let offsetMinutes = digits(2), index == end else { return malformed() }
        guard offsetHours <= 23, offsetMinutes <= 59 else { return .failure(.invalidTime) }
        // Local time minus its offset is UTC.
        seconds -= sign * (offsetHours * 3600 + offsetMinutes * 60)
        return .success(Timestamp(secondsSince1970: seconds))
    }

    public static func parse(_ text: String) -> Result<Timestamp, Failure> { parse(ArraySlice(text.utf8)) }
}
