import Store
import Testing
import VitrineKit

/// The UCI Online Retail mapping on a few rows with each quirk of the real file.
@Suite struct OnlineRetailStoreTests {
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
        let (data, summary) = OnlineRetailStore.map(csv: Array(Self.csv.utf8))
        #expect(summary.rows == 8)
        #expect(summary.kept == 3)
        #expect(summary.withoutCustomer == 2)
        #expect(summary.cancellations == 1)
        #expect(summary.nonProduct == 2)
        #expect(data.customers.map(\.id) == ["17850", "12583"])
        #expect(data.customers.map(\.country) == ["United Kingdom", "France"])
        #expect(data.products.map(\.id) == ["85123A", "22633"])
        #expect(data.products.map(\.name) == ["WHITE HANGING HEART T-LIGHT HOLDER", "HAND WARMER, UNION JACK"])
        #expect(data.products.map(\.topCategory) == ["HOLDER", "JACK"])
        #expect(data.orders.map(\.orderID) == ["536365", "536380", "536383"])
        #expect(data.orders.map(\.customer) == [0, 1, 1])
        // 0.165 rounds half up to 17 pence.
        #expect(data.orders.map(\.unitPrice.minorUnits) == [255, 17, 295])
        #expect(data.orders[1].date.secondsSince1970 == 1_291_284_000)
    }
}
