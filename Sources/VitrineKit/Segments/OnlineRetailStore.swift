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

    /// The store of a CSV text in the file's format.
    public static func map(csv bytes: [UInt8]) -> (data: Data, summary: Summary) {
        var summary = Summary()
        var products: [Product] = []
        var productIndex: [String: Int32] = [:]
        var customers: [Customer] = []
        var customerIndex: [String: Int32] = [:]
        var orders: [OrderLine] = []
        var fields: [String] = []
        var index = 0
        var header = true
        while index < bytes.count {
            index = parseRecord(bytes, from: index, into: &fields)
            if header {
                header = false
                continue
            }
            guard fields.count >= 8 else { continue }
            summary.rows += 1
            let invoice = fields[0]
            let code = fields[1]
            var customerID = fields[6]
            if customerID.isEmpty {
                summary.withoutCustomer += 1
                continue
            }
            if invoice.hasPrefix("C") {
                summary.cancellations += 1
                continue
            }
            guard let quantity = Int32(fields[3]), quantity > 0, let price = pennies(fields[5]), price > 0 else {
                summary.notPositive += 1
                continue
            }
            guard let first = code.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
                summary.nonProduct += 1
                continue
            }
            guard let date = timestamp(fields[4]) else { continue }
            if customerID.hasSuffix(".0") { customerID.removeLast(2) }
            let customer: Int32
            if let known = customerIndex[customerID] {
                customer = known
            } else {
                customer = Int32(customers.count)
                customerIndex[customerID] = customer
                customers.append(Customer(id: customerID, locale: "en", country: fields[7], created: date))
            }
            let product: Int32
            if let known = productIndex[code] {
                product = known
            } else {
                product = Int32(products.count)
                productIndex[code] = product
                let name = fields[2].trimmingCharacters(in: .whitespaces)
                let category = name.split(separator: " ").last.map(String.init) ?? "OTHER"
                products.append(
                    Product(
                        id: code, sku: code, slug: code.lowercased(), name: name, price: Money(minorUnits: price),
                        category: [category]))
            }
            orders.append(
                OrderLine(
                    orderID: invoice, customer: customer, product: product, date: date, quantity: quantity,
                    unitPrice: Money(minorUnits: price)))
            summary.kept += 1
        }
        return (Data(customers: customers, products: products, orders: orders), summary)
    }

    /// One RFC 4180 record starting at `start`; returns the offset after its line break.
    private static func parseRecord(_ bytes: [UInt8], from start: Int, into fields: inout [String]) -> Int {
        fields.removeAll(keepingCapacity: true)
        var index = start
        var field: [UInt8] = []
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: "\n") {
                index += 1
                break
            } else if byte != UInt8(ascii: "\r") {
                field.append(byte)
            }
            index += 1
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return index
    }

    /// `2.55` → 255, `0.165` → 17 (half up), `3` → 300.
    static func pennies(_ text: String) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if seenPoint {
                    guard fractionDigits < 3 else { continue }
                    fraction = fraction * 10 + Int64(byte - UInt8(ascii: "0"))
                    fractionDigits += 1
                } else {
                    whole = whole * 10 + Int64(byte - UInt8(ascii: "0"))
                }
            } else {
                return nil
            }
        }
        while fractionDigits < 3 {
            fraction *= 10
            fractionDigits += 1
        }
        return whole * 100 + (fraction + 5) / 10
    }

    /// `2010-12-01 08:26:00` in UTC.
    static func timestamp(_ text: String) -> Timestamp? {
        let b = Array(text.utf8)
        guard b.count >= 10 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                guard index < b.count, b[index] >= UInt8(ascii: "0"), b[index] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(b[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        let hour = number(11..<13) ?? 0
        let minute = number(14..<16) ?? 0
        let second = number(17..<19) ?? 0
        let days = CivilDate.daysSince1970(year: year, month: month, day: day)
        return Timestamp(secondsSince1970: days * 86_400 + hour * 3600 + minute * 60 + second)
    }
}
