import Foundation
import Store
import Testing
import TextFormats

@testable import Site

/// Numbers, money and dates as the default theme's string tables write them, and segment prices.
@Suite struct LocaleFormatTests {
    static func format(_ locale: String) throws -> LocaleFormat {
        let data = try Data(contentsOf: URL(fileURLWithPath: InlineStore.defaultTheme + "/locales/\(locale).json"))
        return LocaleFormat(strings: try #require(try JSONSerialization.jsonObject(with: data) as? [String: String]))
    }

    @Test(arguments: [
        ("en", 123_456_789, "€1,234,567.89", "31 December 2026", "4.8"),
        ("el", 123_456_789, "1.234.567,89 €", "31 Δεκεμβρίου 2026", "4,8"),
        ("fa", 123_456_789, "۱٬۲۳۴٬۵۶۷٫۸۹ €", "۳۱ دسامبر ۲۰۲۶", "۴٫۸"),
        ("en", 5, "€0.05", "31 December 2026", "4.8"),
    ])
    func moneyDatesAndRatings(locale: String, minor: Int64, money: String, date: String, rating: String) throws {
        let format = try Self.format(locale)
        #expect(format.money(Money(minorUnits: minor), currency: "EUR") == money)
        let day = CivilDate.daysSince1970(year: 2026, month: 12, day: 31)
        #expect(format.date(Timestamp(secondsSince1970: day * Timestamp.secondsPerDay)) == date)
        #expect(format.tenths(48) == rating)
    }

    /// (price, compare-at, percent off in basis points, without VAT) → (amount, struck price, whole percent saved).
    @Test(
        arguments: [
            (1290, nil, 0, false, 1290, nil, 0),
            (1290, nil, 1000, false, 1161, 1290, 10),
            (1290, nil, 0, true, 1040, nil, 0),
            (400, 500, 0, false, 400, 500, 20),
            (400, 500, 1000, true, 290, 403, 28),
            (5, nil, 1000, false, 4, 5, 20),
        ] as [(Int64, Int64?, Int64, Bool, Int64, Int64?, Int)])
    func segmentPrices(
        price: Int64, compareAt: Int64?, percent: Int64, withoutVAT: Bool, amount: Int64, struck: Int64?, saved: Int
    ) {
        let product = Product(
            id: "p", slug: "p", name: "P", price: Money(minorUnits: price),
            compareAtPrice: compareAt.map { Money(minorUnits: $0) }, category: ["Tea"])
        let seen = SegmentPrice(
            product: product,
            pricing: .init(percentOffBasisPoints: percent, pricesWithoutVAT: withoutVAT), vatBasisPoints: 2400)
        #expect(seen.amount.minorUnits == amount)
        #expect(seen.compareAt?.minorUnits == struck)
        #expect(seen.percentOff == saved)
    }
}
