import Testing

@testable import TextFormats

@Suite("Dates, decimals and e-mail addresses")
struct ScalarFormatTests {
    @Test(
        "ISO 8601 dates and date-times",
        arguments: [
            ("1970-01-01", 0),
            ("2024-02-29", 1_709_164_800),
            ("2025-11-03T14:20:00Z", 1_762_179_600),
            ("2025-11-03 14:20", 1_762_179_600),
            ("2025-11-03T16:20:00+02:00", 1_762_179_600),
            ("2025-11-03T09:20:00-0500", 1_762_179_600),
            ("2025-11-03T14:20:00.123456Z", 1_762_179_600),
            ("1969-12-31T23:59:59Z", -1),
        ] as [(String, Int64)])
    func dates(_ text: String, _ seconds: Int64) throws {
        #expect(try ISO8601.parse(text).get() == Timestamp(secondsSince1970: seconds))
    }

    @Test(
        "impossible or malformed dates",
        arguments: [
            ("2025-02-29", ISO8601.Failure.invalidDay(day: 29, month: 2, year: 2025)),
            ("2100-02-29", .invalidDay(day: 29, month: 2, year: 2100)),
            ("2025-13-01", .invalidMonth(13)),
            ("2025-04-31", .invalidDay(day: 31, month: 4, year: 2025)),
            ("2025-1-01", .malformed(offset: 5)),
            ("25-11-03", .malformed(offset: 0)),
            ("2025-11-03T24:00", .invalidTime),
            ("2025-11-03T10:00Zjunk", .malformed(offset: 17)),
            ("03/11/2025", .malformed(offset: 0)),
        ])
    func badDates(_ text: String, _ failure: ISO8601.Failure) {
        #expect(throws: failure) { try ISO8601.parse(text).get() }
    }

    @Test("calendar round trip over four centuries")
    func civilRoundTrip() {
        for day in stride(from: Int64(-150_000), through: 150_000, by: 7) {
            let date = CivilDate.from(daysSince1970: day)
            #expect(CivilDate.daysSince1970(year: date.year, month: date.month, day: date.day) == day)
        }
        #expect(Timestamp(secondsSince1970: 1_762_179_600).isoDate == "2025-11-03")
        #expect(Timestamp(secondsSince1970: -1).day == -1)
    }

    @Test(
        "exact decimals in minor units",
        arguments: [
            ("12.90", 1290), ("12.9", 1290), ("12", 1200), (".5", 50), ("0.01", 1), ("-3.00", -300), ("+7", 700),
            ("92233720368547758.07", 9_223_372_036_854_775_807),
        ] as [(String, Int64)])
    func decimals(_ text: String, _ units: Int64) throws {
        #expect(try DecimalParser.parse(text, scale: 2).get() == units)
    }

    @Test(
        "what is not an exact decimal",
        arguments: [
            ("", DecimalParser.Failure.empty), ("12,90", .unexpectedCharacter(offset: 2)),
            ("1.2.3", .unexpectedCharacter(offset: 3)),
            ("12.905", .tooManyDecimals(allowed: 2)), ("3.65275E+11", .exponentNotation),
            ("€12", .unexpectedCharacter(offset: 0)),
            ("92233720368547758.08", .tooLarge), ("-", .unexpectedCharacter(offset: 0)),
            (".", .unexpectedCharacter(offset: 0)),
        ])
    func badDecimals(_ text: String, _ failure: DecimalParser.Failure) {
        #expect(throws: failure) { try DecimalParser.parse(text, scale: 2).get() }
    }

    @Test(
        "e-mail address syntax",
        arguments: [
            ("maria@example.org", true), ("a.b+tag@sub.example.co.uk", true), ("o'brien@example.ie", true),
            ("μαρία@παράδειγμα.ελ", true), ("maria@@example.org", false), ("maria@example", false),
            (".a@example.org", false),
            ("a..b@example.org", false), ("a@-example.org", false), ("a b@example.org", false),
            ("a@example.123", false),
            ("@example.org", false), ("maria@", false), ("a\r\nBcc: x@y.z", false),
            // Host names label by label (RFC 1035): empty, hyphenated at either end, too long, foreign bytes.
            ("a@b.c", true), ("a@123.example.org1", true), ("a@example..org", false), ("a@example.org.", false),
            ("a@example-.org", false), ("a@ex-ample.org", true), ("a@example.o_rg", false),
            ("a@\(String(repeating: "x", count: 63)).org", true), ("a@\(String(repeating: "x", count: 64)).org", false),
        ])
    func emails(_ address: String, _ valid: Bool) {
        #expect(EmailAddress.isValid(address) == valid)
    }
}
