import Diagnostics
import Foundation
import Store
import TextFormats

/// The UCI "Online Retail" transactions (`../shared/data/transactions/`, CC BY 4.0, Chen, Sain & Guo 2012) as the
/// parts of a store (customers, products, order lines), so segments and recommendations can be measured on real
/// purchases. (Parts rather than a `LoadedStore`: the settings of a store are only made by its loader.)
///
/// Mapping, row by row (`InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country`):
/// - dropped: rows without `CustomerID` (guests); cancellations (`InvoiceNo` starting with `C`: dropped, not kept
///   as returns, because the file does not say which earlier line each one cancels); rows with quantity ≤ 0 or
///   price ≤ 0 (stock adjustments, free samples); non-product stock codes — a product's code starts with a digit
///   (`85123A`), while postage, fees and vouchers do not (`POST`, `DOT`, `M`, `C2`, `S`, `D`, `BANK CHARGES`,
///   `AMAZONFEE`, `PADS`, `gift_0001_*`, `DCGS*`);
/// - customer: `17850.0` → id `17850`, locale `en`, country as written, created on their first kept row;
/// - product: the stock code is the id; the first description seen is the name; its top-level category is the
///   description's last word (`HOLDER`, `LANTERN`), the shop having no categories; never out of stock;
/// - line: invoice number → order id, quantity, unit price rounded to pennies, date-time in UTC.
public enum OnlineRetailStore {
    /// What the mapping kept and dropped.
    public struct Summary: Sendable, Hashable {
        public var rows = 0
        public var kept = 0
        public var withoutCustomer = 0
        public var cancellations = 0
        public var notPositive = 0
        public var nonProduct = 0
        /// Rows the CSV reader could not take.
        public var malformed = 0
    }

    public struct ReadError: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "cannot read \(path)" }
    }

    /// The mapped data.
    public struct Data: Sendable {
        public var customers: [Customer]
        public var products: [Product]
        public var orders: [OrderLine]
    }

    public static func load(path: String) throws -> (data: Data, summary: Summary) {
        guard let bytes = FileManager.default.contents(atPath: path) else { throw ReadError(path: path) }
        return map(csv: [UInt8](bytes))
    }

    /// The store of a CSV text in the file's format, read with the project's CSV reader, decimal and ISO 8601
    /// parsers. A row the reader cannot take (a syntax error), with fewer than eight fields or without a date is
    /// counted as malformed and skipped.
    public static func map(csv bytes: [UInt8]) -> (data: Data, summary: Summary) {
        var summary = Summary()
        var products: [Product] = []
        var productIndex: [String: Int32] = [:]
        var customers: [Customer] = []
        var customerIndex: [String: Int32] = [:]
        var orders: [OrderLine] = []
        var reader = CSVReader(source: SourceText(path: "online_retail.csv", bytes: bytes))
        var record = CSVRecord()
        var findings = DiagnosticEngine()
        var header = true
        while true {
            let errorsBefore = findings.errorCount
            guard reader.next(into: &record, diagnostics: &findings) else { break }
            if header {
                header = false
                continue
            }
            if findings.errorCount > errorsBefore {
                summary.malformed += 1
                continue
            }
            guard record.count >= 8, case .success(let date) = ISO8601.parse(reader.bytes(record[4])) else {
                summary.malformed += 1
                continue
            }
            summary.rows += 1
            func text(_ column: Int) -> String { reader.string(record[column]) }
            let invoice = text(0)
            let code = text(1)
            var customerID = text(6)
            if customerID.isEmpty {
                summary.withoutCustomer += 1
                continue
            }
            if invoice.hasPrefix("C") {
                summary.cancellations += 1
                continue
            }
            // Prices have up to three decimals in the file (0.165): read at scale 3, rounded half up to pennies.
            guard let quantity = Int32(text(3)), quantity > 0,
                case .success(let milli) = DecimalParser.parse(reader.bytes(record[5]), scale: 3),
                case let price = (milli + 5) / 10, price > 0
            else {
                summary.notPositive += 1
                continue
            }
            guard let first = code.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
                summary.nonProduct += 1
                continue
            }
            if customerID.hasSuffix(".0") { customerID.removeLast(2) }
            let customer = interned(customerID, in: &customerIndex, count: customers.count) {
                customers.append(Customer(id: customerID, locale: "en", country: text(7), created: date))
            }
            let product = interned(code, in: &productIndex, count: products.count) {
                let name = text(2).trimmingCharacters(in: .whitespaces)
                let category = name.split(separator: " ").last.map(String.init) ?? "OTHER"
                products.append(
                    Product(
                        id: code, sku: code, slug: code.lowercased(), name: name,
                        price: Money(minorUnits: price), category: [category]))
            }
            orders.append(
                OrderLine(
                    orderID: invoice, customer: customer, product: product, date: date, quantity: quantity,
                    unitPrice: Money(minorUnits: price)))
            summary.kept += 1
        }
        return (Data(customers: customers, products: products, orders: orders), summary)
    }

    /// The index of `key`, made (by `create`, which appends the new entity) on its first appearance.
    private static func interned(
        _ key: String, in index: inout [String: Int32], count: Int, create: () -> Void
    ) -> Int32 {
        if let known = index[key] { return known }
        index[key] = Int32(count)
        create()
        return Int32(count)
    }
}
