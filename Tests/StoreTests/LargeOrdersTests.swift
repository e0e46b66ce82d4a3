import Diagnostics
import Foundation
import Testing

@testable import Store

/// Files over a megabyte are parsed in slices on every core: the result and the findings must be those of one
/// pass from the top, including a quoted line break near a slice boundary and an order split across slices.
@Suite("Large orders files")
struct LargeOrdersTests {
    @Test("slices give the same lines and the same findings as one pass")
    func slices() throws {
        var text = "order_id,customer_id,date,product_id,sku,quantity,unit_price,coupon,status\n"
        let lineCount = 40_000
        for index in 0..<lineCount {
            let line = index + 2  // file line of this row
            let coupon = index == lineCount / 2 ? "\"A\nB\"" : ""
            let product = line == 30_001 ? "p-9" : (index % 2 == 0 ? "p-1" : "p-3")
            text += "o-\(index / 2),c-1,2025-02-01,\(product),,1,12.90,\(coupon),\n"
        }
        // The first order again at the very end, for another customer: the two lines are in different slices.
        text += "o-0,c-3,2025-02-01,p-1,,1,12.90,,\n"
        #expect(text.utf8.count > 1 << 20)
        let directory = try FixtureStore.make(files: ["orders.csv": text])
        let (store, diagnostics) = StoreLoader.load(directory: directory)
        // The quoted line break makes the file one line longer from the middle on.
        #expect(
            FixtureStore.lines(diagnostics, relativeTo: directory) == [
                "orders.csv:30002:24: error: unknown product id \"p-9\"",
                "orders.csv:40003:5: error: order \"o-0\" already belongs to another customer",
                "orders.csv:2:1: note: first line of the order",
            ])
        let orders = try #require(store?.orders)
        #expect(orders.count == lineCount - 1)
        #expect(orders[lineCount / 2].coupon == "A\nB")
        // File order, without the line of the unknown product (row 29,999) and the conflicting last line.
        let expected = (0..<lineCount).filter { $0 != 29_999 }.map { "o-\($0 / 2)" }
        #expect(orders.map(\.orderID) == expected)
    }
}
