/// The date-time of RFC 5322 §3.3, `Sun, 06 Dec 2026 06:20:01 +0000`, from Unix seconds with integer arithmetic.
enum DateTime {
    static let days: [UInt8] = Array("SunMonTueWedThuFriSat".utf8)
    static let months: [UInt8] = Array("JanFebMarAprMayJunJulAugSepOctNovDec".utf8)

    static func append(seconds: Int64, utcOffsetMinutes: Int, into output: inout [UInt8]) throws(MIMEError) {
        guard (-1439...1439).contains(utcOffsetMinutes) else {
            throw MIMEError(field: "Date", reason: .dateOutOfRange)
        }
        let (local, overflow) = seconds.addingReportingOverflow(Int64(utcOffsetMinutes) * 60)
        // 1900-01-01 is day -25567, 9999-12-31 is day 2932896.
        guard !overflow, local >= -25567 * 86400, local < 2_932_897 * 86400 else {
            throw MIMEError(field: "Date", reason: .dateOutOfRange)
        }
        let day = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let second = Int(local - day * 86400)
        // 1970-01-01 was a Thursday.
        let weekday = Int((day % 7 + 11) % 7)
        // Civil date from a day count (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let dayOfMonth = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)

        output.append(contentsOf: days[(weekday * 3)..<(weekday * 3 + 3)])
        output.append(UInt8(ascii: ","))
        output.append(0x20)
        appendDigits(dayOfMonth, count: 2, into: &output)
        output.append(0x20)
        output.append(contentsOf: months[((month - 1) * 3)..<(month * 3)])
        output.append(0x20)
        appendDigits(year, count: 4, into: &output)
        output.append(0x20)
        appendDigits(second / 3600, count: 2, into: &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(second / 60 % 60, count: 2, into: &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(second % 60, count: 2, into: &output)
        output.append(0x20)
        output.append(utcOffsetMinutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let offset = abs(utcOffsetMinutes)
        appendDigits(offset / 60, count: 2, into: &output)
        appendDigits(offset % 60, count: 2, into: &output)
    }

    static func appendDigits(_ value: Int, count: Int, into output: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
