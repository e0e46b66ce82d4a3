import Diagnostics
import Foundation
import Parallelism
import TextFormats

/// `orders.csv`: one line per order line, a million lines and more. The loop parses numbers and dates straight
/// from the bytes and resolves ids through the store's indexes.
enum OrdersLoader {
    static let required = ["order_id", "customer_id", "date", "quantity", "unit_price"]
    static let known = [
        "order_id", "customer_id", "date", "product_id", "sku", "quantity", "unit_price", "coupon", "status",
    ]

    struct References {
        var customers = IdentifierIndex(capacity: 0)
        var products = IdentifierIndex(capacity: 0)
        var productsBySKU = IdentifierIndex(capacity: 0)
        /// Ids of rows that had errors of their own.
        var rejectedProducts = Rejected()
        var rejectedCustomers = Rejected()
        /// Each customer's `created` day, by customer index (an order before it is a warning).
        var customerCreatedDay: [Int32] = []
        /// Orders after this day are in the future (a warning: the newest order sets the as-of day of segments).
        var lastPlausibleDay = Int32.max
    }

    /// The lines, and how many distinct orders they hold.
    static func load(
        _ source: SourceText, references: References, diagnostics: inout DiagnosticEngine
    ) -> (lines: [OrderLine], orderCount: Int) {
        guard let table = CSVTable(source: source, required: required, known: known, diagnostics: &diagnostics) else {
            return ([], 0)
        }
        let c = (
            order: table.column("order_id"), customer: table.column("customer_id"), date: table.column("date"),
            product: table.column("product_id"), sku: table.column("sku"), quantity: table.column("quantity"),
            price: table.column("unit_price"), coupon: table.column("coupon"), status: table.column("status")
        )
        if c.product == nil, c.sku == nil {
            diagnostics.error(
                "required column \"product_id\" (or \"sku\") is missing", at: source.location(atOffset: 0))
            return ([], 0)
        }
        // Large files are read in slices on every core; a slice's findings and lines keep file order.
        let pieces = table.split(into: Parallel.cores)
        var results = Parallel.map(pieces.count) { index in
            var piece = pieces[index]
            var findings = DiagnosticEngine()
            // The first slice's array has room for every line of the file, so the others are appended in place.
            let capacity = index == 0 ? source.lineCount : source.lineCount / pieces.count + 1
            let parsed = parse(
                &piece, columns: c, capacity: capacity, expectedOrders: source.lineCount / pieces.count / 2 + 1,
                references: references, diagnostics: &findings)
            return (parsed: parsed, findings: findings)
        }
        var lines = results[0].parsed.lines
        var rowOffsets = results[0].parsed.rowOffsets
        // Each slice's orders, looked up where they first appear; never merged into one dictionary (that meant
        // rehashing the first slice's orders and inserting every later one, serially).
        var ordersOfSlices = [results[0].parsed.orders]
        var orderCount = ordersOfSlices[0].count
        func firstHead(_ orderID: String) -> OrderHead? {
            for orders in ordersOfSlices { if let head = orders[orderID] { return head } }
            return nil
        }
        results[0].parsed = ([], [], [:])
        diagnostics.merge(results[0].findings)
        // An order may continue across a slice boundary: its later lines must agree with its first line in the
        // file, as they would in one pass. Such orders are rare; their lines are checked once all are in.
        var continued = Set<String>()
        let firstLaterLine = lines.count
        for index in 1..<results.count {
            diagnostics.merge(results[index].findings)
            lines.append(contentsOf: results[index].parsed.lines)
            rowOffsets.append(contentsOf: results[index].parsed.rowOffsets)
            let slice = results[index].parsed.orders
            results[index].parsed = ([], [], [:])
            for (orderID, head) in slice {
                if let first = firstHead(orderID) {
                    if first.customer != head.customer || first.day != head.day { continued.insert(orderID) }
                } else {
                    orderCount += 1
                }
            }
            ordersOfSlices.append(slice)
        }
        var rejected = Set<Int>()
        // Every sum of spend stays below the store's bound (one addition a line, serially: about a millisecond for
        // a million lines). Lines rejected below are counted too: they are errors anyway.
        var revenue: Int64 = 0
        for index in lines.indices where lines[index].status == .completed {
            revenue += lines[index].revenue.minorUnits
            if revenue > OrderLine.maximumStoreRevenue.minorUnits {
                let row = table.reader.record(at: rowOffsets[index])
                let offset = c.price.flatMap { $0 < row.count ? row[$0].start : nil } ?? rowOffsets[index]
                diagnostics.error(
                    "the completed orders add up to more than \(OrderLine.maximumStoreRevenue) by this line, the "
                        + "most a store's orders may add up to", at: source.location(atOffset: offset))
                rejected.formUnion(index..<lines.count)
                break
            }
        }
        guard !continued.isEmpty || !rejected.isEmpty else { return (lines, orderCount) }
        for index in firstLaterLine..<lines.count where continued.contains(lines[index].orderID) {
            let line = lines[index]
            guard let first = firstHead(line.orderID), first.rowOffset < rowOffsets[index] else { continue }
            let note = [Diagnostic.Note("first line of the order", at: source.location(atOffset: first.rowOffset))]
            let row = table.reader.record(at: rowOffsets[index])
            func fieldOffset(_ column: Int?) -> Int {
                column.flatMap { $0 < row.count ? row[$0].start : nil } ?? rowOffsets[index]
            }
            if first.customer != line.customer {
                diagnostics.error(
                    "order \"\(line.orderID)\" already belongs to another customer",
                    at: source.location(atOffset: fieldOffset(c.customer)), notes: note)
                rejected.insert(index)
            } else if first.day != Int32(truncatingIfNeeded: line.date.day) {
                diagnostics.error(
                    "order \"\(line.orderID)\" has another date on an earlier line",
                    at: source.location(atOffset: fieldOffset(c.date)), notes: note)
                rejected.insert(index)
            }
        }
        return (lines.enumerated().filter { !rejected.contains($0.offset) }.map(\.element), orderCount)
    }

    /// The customer, day and place of an order's first line.
    struct OrderHead {
        var customer: Int32
        var day: Int32
        var rowOffset: Int
    }

    typealias Columns = (
        order: Int?, customer: Int?, date: Int?, product: Int?, sku: Int?, quantity: Int?, price: Int?, coupon: Int?,
        status: Int?
    )

    private static func parse(
        _ table: inout CSVTable, columns c: Columns, capacity: Int, expectedOrders: Int, references: References,
        diagnostics: inout DiagnosticEngine
    ) -> (lines: [OrderLine], rowOffsets: [Int], orders: [String: OrderHead]) {
        let source = table.source
        var lines: [OrderLine] = []
        lines.reserveCapacity(capacity)
        // Where each kept line starts, for the checks across slices (dropped after the merge).
        var rowOffsets: [Int] = []
        rowOffsets.reserveCapacity(capacity)
        // Lines of one order must agree on customer and date.
        // Sized up front (about two lines an order): growing a dictionary rehashes every key it holds.
        var orders: [String: OrderHead] = [:]
        orders.reserveCapacity(expectedOrders)
        // Lines of one order usually follow each other: the previous line's id, head and date are reused when
        // the bytes are the same, which skips a String, a dictionary lookup and a date parse per line.
        var previous: (idBytes: ArraySlice<UInt8>, orderID: String, head: OrderHead)?
        var previousDate: (bytes: ArraySlice<UInt8>, value: CSVTable.Parsed<Timestamp>)?
        while table.nextRow(diagnostics: &diagnostics) {
            let errorsBefore = diagnostics.errorCount
            let idBytes = table.bytes(c.order)
            let sameOrder = previous.map { $0.idBytes == idBytes } ?? false
            let orderID =
                sameOrder ? previous?.orderID : table.requiredString(c.order, "order id", diagnostics: &diagnostics)
            // Ids are looked up from their bytes; a String is made only for a message.
            let customerBytes = table.bytes(c.customer)
            let customer = references.customers.value(for: customerBytes)
            if customerBytes.isEmpty {
                diagnostics.error("missing customer id", at: table.location(c.customer))
            } else if customer == nil {
                let customerID = String(decoding: customerBytes, as: UTF8.self)
                if !references.rejectedCustomers.contains(id: customerID) {
                    diagnostics.error("unknown customer id \"\(customerID)\"", at: table.location(c.customer))
                }
            }
            var product: Int32?
            if case let productBytes = table.bytes(c.product), !productBytes.isEmpty {
                product = references.products.value(for: productBytes)
                if product == nil, case let productID = String(decoding: productBytes, as: UTF8.self),
                    !references.rejectedProducts.contains(id: productID)
                {
                    diagnostics.error("unknown product id \"\(productID)\"", at: table.location(c.product))
                }
            } else if case let skuBytes = table.bytes(c.sku), !skuBytes.isEmpty {
                product = references.productsBySKU.value(for: skuBytes)
                if product == nil, case let sku = String(decoding: skuBytes, as: UTF8.self),
                    !references.rejectedProducts.contains(sku: sku)
                {
                    diagnostics.error("unknown sku \"\(sku)\"", at: table.location(c.sku))
                }
            } else {
                diagnostics.error("missing product id", at: table.location(c.product ?? c.sku))
            }
            let dateBytes = table.bytes(c.date)
            let date: CSVTable.Parsed<Timestamp>
            if let previousDate, previousDate.bytes == dateBytes {
                date = previousDate.value
            } else {
                date = table.date(c.date, "order date", diagnostics: &diagnostics)
                // Only a good date is reused: a bad one is reported on every line that has it.
                previousDate = date.value == nil ? nil : (dateBytes, date)
            }
            if case .absent = date { diagnostics.error("missing order date", at: table.location(c.date)) }
            let quantity = table.integer(c.quantity, "quantity", in: 1...1_000_000, diagnostics: &diagnostics)
            if case .absent = quantity { diagnostics.error("missing quantity", at: table.location(c.quantity)) }
            let price = table.money(c.price, "unit price", diagnostics: &diagnostics)
            if case .absent = price { diagnostics.error("missing unit price", at: table.location(c.price)) }
            var status = OrderLine.Status.completed
            switch table.string(c.status) {
            case "", "completed": break
            case "cancelled", "canceled": status = .cancelled
            case "returned", "refunded": status = .returned
            case let other:
                diagnostics.error(
                    "invalid status \"\(other)\": expected completed, cancelled or returned",
                    at: table.location(c.status))
            }
            guard diagnostics.errorCount == errorsBefore, let orderID, let customer, let product,
                let date = date.value, let quantity = quantity.value, let price = price.value
            else { continue }
            let (total, overflow) = price.minorUnits.multipliedReportingOverflow(by: quantity)
            if overflow || total > OrderLine.maximumStoreRevenue.minorUnits {
                diagnostics.error(
                    "quantity × unit price is more than \(OrderLine.maximumStoreRevenue), the most a store's orders "
                        + "may add up to", at: table.location(c.price))
                continue
            }
            let day = Int32(truncatingIfNeeded: date.day)
            if day > references.lastPlausibleDay {
                diagnostics.warning(
                    "order date \(date.isoDate) is in the future; as the newest order it sets the day segments are "
                        + "computed as of", at: table.location(c.date))
            }
            if Int(customer) < references.customerCreatedDay.count, day < references.customerCreatedDay[Int(customer)] {
                diagnostics.warning(
                    "order date \(date.isoDate) is before the customer's \"created\" date", at: table.location(c.date))
            }
            if let first = sameOrder ? previous?.head : orders[orderID] {
                if first.customer != customer {
                    diagnostics.error(
                        "order \"\(orderID)\" already belongs to another customer", at: table.location(c.customer),
                        notes: [.init("first line of the order", at: source.location(atOffset: first.rowOffset))])
                } else if first.day != day {
                    diagnostics.error(
                        "order \"\(orderID)\" has another date on an earlier line", at: table.location(c.date),
                        notes: [.init("first line of the order", at: source.location(atOffset: first.rowOffset))])
                }
            } else {
                let head = OrderHead(customer: customer, day: day, rowOffset: table.record.startOffset)
                orders[orderID] = head
                previous = (idBytes, orderID, head)
            }
            rowOffsets.append(table.record.startOffset)
            lines.append(
                OrderLine(
                    orderID: orderID, customer: customer, product: product, date: date, quantity: Int32(quantity),
                    unitPrice: price, coupon: table.optionalString(c.coupon), status: status))
        }
        return (lines, rowOffsets, orders)
    }
}
