import Diagnostics
import Evaluation
import Store
import Testing
import TextFormats
import VitrineKit

/// The UCI Online Retail mapping on a few rows with each quirk of the real file.
@Suite struct OnlineRetailStoreTests {
    /// `text` mapped as the file `online_retail.csv`; the rendered diagnostics, every problem with its line.
    static func map(_ text: String) -> (
        data: OnlineRetailStore.Data, summary: OnlineRetailStore.Summary, report: String
    ) {
        var diagnostics = DiagnosticEngine()
        let source = SourceText(path: "online_retail.csv", text: text)
        diagnostics.register(source)
        let (data, summary) = OnlineRetailStore.map(source, diagnostics: &diagnostics)
        return (data, summary, DiagnosticPrinter().render(diagnostics))
    }

    static let csv = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER ,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
        536365,POST,POSTAGE,1,2010-12-01 08:26:00,18.0,17850.0,United Kingdom
        536366,22633,"HAND WARMER, UNION JACK",6,2010-12-01 08:28:00,1.85,,United Kingdom
        C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,2010-12-01 09:41:00,2.55,17850.0,United Kingdom
        536380,22633,"HAND WARMER, UNION JACK",3,2010-12-02 10:00:00,0.165,12583.0,France
        536381,22634,damaged,-5,2010-12-02 10:05:00,0,,United Kingdom
        536382,gift_0001_20,DOTCOM GIFT VOUCHER £20.00,1,2010-12-02 10:07:00,17.02,12583.0,France
        536383,85123A,WHITE HANGING HEART T-LIGHT HOLDER,2,2010-12-03 10:00:00,2.95,12583.0,France

        """

    @Test func rowsAreMappedOrDroppedByTheDocumentedRules() {
        let (data, summary, report) = Self.map(Self.csv)
        #expect(report.isEmpty)
        #expect(summary.rows == 8)
        #expect(summary.kept == 3)
        #expect(summary.withoutCustomer == 2)
        #expect(summary.cancellations == 1)
        #expect(summary.cancelledInPart == 1)
        #expect(summary.nonProduct == 2)
        #expect(data.customers.map(\.id) == ["17850", "12583"])
        #expect(data.customers.map(\.country) == ["GB", "FR"])
        #expect(data.products.map(\.id) == ["85123A", "22633"])
        #expect(data.products.map(\.name) == ["WHITE HANGING HEART T-LIGHT HOLDER", "HAND WARMER, UNION JACK"])
        #expect(data.products.map(\.topCategory) == ["HOLDER", "JACK"])
        // One of the six holders is cancelled: five kept, one cancelled line beside them.
        #expect(data.orders.map(\.orderID) == ["536365", "536365", "536380", "536383"])
        #expect(data.orders.map(\.quantity) == [5, 1, 3, 2])
        #expect(data.orders.map(\.status) == [.completed, .cancelled, .completed, .completed])
        #expect(data.orders.map(\.customer) == [0, 0, 1, 1])
        // 0.165 rounds half up to 17 pence.
        #expect(data.orders.map(\.unitPrice.minorUnits) == [255, 255, 17, 295])
        #expect(data.orders[2].date.secondsSince1970 == 1_291_284_000)
    }

    /// A, B and C buy before May; in May A buys 2 (new to A) and 4 (never sold before), and D, new, buys 1.
    static let split = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        1,10001,ONE,1,2011-01-10 10:00:00,1.00,1.0,United Kingdom
        2,10001,ONE,1,2011-02-10 10:00:00,1.00,2.0,United Kingdom
        2,10002,TWO,1,2011-02-10 10:00:00,1.00,2.0,United Kingdom
        2,10003,THREE,1,2011-02-10 10:00:00,1.00,2.0,United Kingdom
        3,10001,ONE,1,2011-03-10 10:00:00,1.00,3.0,United Kingdom
        3,10002,TWO,1,2011-03-10 10:00:00,1.00,3.0,United Kingdom
        4,10002,TWO,1,2011-05-02 10:00:00,1.00,1.0,United Kingdom
        4,10004,FOUR,1,2011-05-02 10:00:00,1.00,1.0,United Kingdom
        5,10001,ONE,1,2011-05-03 10:00:00,1.00,4.0,United Kingdom
        6,10002,TWO,1,2011-06-01 10:00:00,1.00,4.0,United Kingdom

        """

    @Test func holdoutCountsNewProductsOfTheTestMonthOnly() {
        let (data, _, _) = Self.map(Self.split)
        let may = Timestamp(
            secondsSince1970: CivilDate.daysSince1970(year: 2011, month: 5, day: 1) * Timestamp.secondsPerDay)
        let june = Timestamp(
            secondsSince1970: CivilDate.daysSince1970(year: 2011, month: 6, day: 1) * Timestamp.secondsPerDay)
        var settings = RecommendationSettings()
        settings.picks.count = 1
        let outcome = OnlineRetailEvaluation.evaluate(data, testFrom: may, testUntil: june, settings: settings)
        #expect(outcome.trainLines == 6)
        #expect(outcome.testLines == 3)
        #expect(outcome.picks.customers == 2)
        #expect(outcome.coldCustomers == 1)
        // Of the three (customer, new product) pairs, one is product 4, first sold in May.
        #expect(abs(outcome.neverSoldBeforeShare - 1.0 / 3) < 1e-12)
        // Baseline (top 1 not owned): A gets 2 (two buyers), D gets 1 (three): both hit; A finds one of two.
        #expect(outcome.baseline.customersWithHit == 2)
        #expect(abs(outcome.baseline.macroRecall - 0.75) < 1e-12)
        #expect(outcome.baselineWithHistory.customers == 1)

        // The hindsight bound ranks by May's buyers: 1, 2 and 4 have one each (ties by product order).
        let hindsight = OnlineRetailEvaluation.evaluateTestPeriodPopularity(
            data, testFrom: may, testUntil: june, k: 1)
        #expect(hindsight.picks.customersWithHit == 2)
        #expect(hindsight.picks.newProducts == 3)
        #expect(hindsight.picks.newProductsFound == 2)
    }
}

extension OnlineRetailStoreTests {
    @Test func validationWindowsEndBeforeTheTestPeriod() {
        func day(_ month: Int64, _ dayOfMonth: Int64) -> Int64 {
            CivilDate.daysSince1970(year: 2011, month: month, day: dayOfMonth)
        }
        let may = Timestamp(secondsSince1970: day(5, 1) * Timestamp.secondsPerDay)
        let windows = OnlineRetailEvaluation.validationWindows(fromYear: 2011, month: 2, testFrom: may)
        #expect(windows.map(\.from.day) == [day(2, 1), day(2, 15), day(3, 1), day(3, 15), day(4, 1)])
        #expect(windows.allSatisfy { $0.until.day - $0.from.day == 30 && $0.until.day <= may.day })
        // Across a year's end.
        let february = Timestamp(
            secondsSince1970: CivilDate.daysSince1970(year: 2011, month: 2, day: 1) * Timestamp.secondsPerDay)
        let winter = OnlineRetailEvaluation.validationWindows(fromYear: 2010, month: 12, testFrom: february)
        #expect(
            winter.map(\.from.day)
                == [(2010, 12, 1), (2010, 12, 15), (2011, 1, 1)].map {
                    CivilDate.daysSince1970(year: $0.0, month: $0.1, day: $0.2)
                })
        #expect(OnlineRetailEvaluation.validationWindows(fromYear: 2011, month: 4, testFrom: may).count == 1)
    }
}

extension OnlineRetailStoreTests {
    @Test func malformedRowsAreCountedAndSkipped() {
        let csv = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            1,10001,ONE,1,2011-01-10 10:00:00,1.00,1.0,United Kingdom
            2,10002,"TWO"X,1,2011-01-11 10:00:00,1.00,1.0,United Kingdom
            3,10003,THREE,2,2011-01-12 10:00:00,0.005,2.0,United Kingdom

            4,10004,FOUR,1,2011-01-12
            5,10005,FIVE,1,12/01/2011 10:00,1.00,2.0,United Kingdom

            """
        let (data, summary, report) = Self.map(csv)
        // The reader's syntax error, the short row and the row without an ISO 8601 date, each at its place; the
        // blank line is passed over.
        #expect(summary.malformed == 3)
        #expect(
            report.split(separator: "\n").filter { $0.hasPrefix("online_retail.csv:") }
                == [
                    "online_retail.csv:3:14: error: unexpected character after a closing quote",
                    "online_retail.csv:6:1: error: expected 8 fields as in the header, found 5",
                    "online_retail.csv:7:16: error: invalid InvoiceDate \"12/01/2011 10:00\": not an ISO 8601 date "
                        + "(expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)",
                ])
        #expect(summary.rows == 2)
        #expect(summary.kept == 2)
        #expect(data.products.map(\.id) == ["10001", "10003"])
        // 0.005 rounds half up to one penny.
        #expect(data.orders.map(\.unitPrice.minorUnits) == [100, 1])
    }
}

extension OnlineRetailStoreTests {
    /// Customer 1 buys product 10001 three times, cancels four units, then three when only two are left; customer
    /// 2 cancels two of seven; a purchase dated after a cancellation is not touched by it.
    static let cancellations = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        C500,10001,ONE,-2,2011-01-01 09:00:00,1.00,1.0,United Kingdom
        1,10001,ONE,2,2011-01-10 10:00:00,1.00,1.0,United Kingdom
        2,10001,ONE,3,2011-01-11 10:00:00,1.00,1.0,United Kingdom
        3,10001,ONE,1,2011-01-12 10:00:00,1.00,1.0,United Kingdom
        4,10001,ONE,7,2011-01-12 11:00:00,1.00,2.0,United Kingdom
        C501,10001,ONE,-4,2011-01-13 10:00:00,1.00,1.0,United Kingdom
        C502,D,Discount,-1,2011-01-13 10:00:00,5.00,1.0,United Kingdom
        5,10001,ONE,6,2011-01-20 10:00:00,1.00,1.0,United Kingdom
        C503,10001,ONE,-3,2011-01-14 10:00:00,1.00,1.0,United Kingdom
        C504,10001,ONE,-2,2011-01-14 10:00:00,1.00,2.0,United Kingdom
        6,10002,TWO,1,2011-01-20 10:00:00,1.00,3.0,Channel Islands

        """

    @Test func cancellationsUndoTheLatestEarlierPurchasesOfTheSameCustomerAndProduct() {
        let (data, summary, report) = Self.map(Self.cancellations)
        #expect(report.isEmpty)
        #expect(summary.cancellations == 5)
        // C500 comes before any purchase; C503 finds two units left (invoice 1's) of the three it cancels.
        #expect(summary.unmatchedCancellations == 2)
        #expect(summary.cancelledInFull == 3)
        #expect(summary.cancelledInPart == 1)
        let lines = data.orders.map { "\($0.orderID) \($0.customer) \($0.quantity) \($0.status)" }
        #expect(
            lines == [
                // C501 takes invoice 3's unit and invoice 2's three, C503 invoice 1's two, C504 two of invoice 4.
                "1 0 2 cancelled", "2 0 3 cancelled", "3 0 1 cancelled", "4 1 5 completed", "4 1 2 cancelled",
                "5 0 6 completed", "6 2 1 completed",
            ])
        // Only completed lines are purchases; no country code stands for the Channel Islands.
        #expect(data.purchases().map(\.orderID) == ["4", "5", "6"])
        #expect(data.customers.map(\.country) == ["GB", "GB", nil])
        let january20 = Timestamp(
            secondsSince1970: CivilDate.daysSince1970(year: 2011, month: 1, day: 20) * Timestamp.secondsPerDay)
        #expect(data.purchases(until: january20).map(\.orderID) == ["4"])
        #expect(data.purchases(from: january20).map(\.orderID) == ["5", "6"])
    }
}

extension OnlineRetailStoreTests {
    @Test(arguments: [
        ("WHITE HANGING HEART T-LIGHT HOLDER ", "HOLDER"), ("HAND WARMER, UNION JACK", "JACK"),
        ("SWEETHEART CERAMIC TRINKET BOX.", "BOX"), ("RED RETROSPOT CUSHION COVER 45CM", "COVER"),
        ("BABUSHKA LIGHTS STRING OF 10", "STRING"), ("PACK OF 12 (LONDON) TISSUES", "TISSUES"),
        ("glass cake cover and plate", "PLATE"), ("SET 2 TEA TOWELS I LOVE LONDON ", "LONDON"), ("3 4 5", "OTHER"),
    ])
    func categoryIsTheLastWordThatNamesAThing(description: String, category: String) {
        #expect(OnlineRetailStore.category(ofName: description) == category)
    }
}
