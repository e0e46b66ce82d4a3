import Diagnostics
import Foundation
import Store
import TextFormats

/// The UCI "Online Retail" transactions (`../shared/data/transactions/`, CC BY 4.0, Chen, Sain & Guo 2012) as the
/// parts of a store (customers, products, order lines), so segments and recommendations can be measured on real
/// purchases. (Parts rather than a `LoadedStore`: the settings of a store are only made by its loader.)
///
/// Mapping, row by row (`InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country`):
/// - dropped: rows without `CustomerID` (guests); rows with quantity ≤ 0 or price ≤ 0 (stock adjustments, free
///   samples); non-product stock codes — a product's code starts with a digit (`85123A`), while postage, fees and
///   vouchers do not (`POST`, `DOT`, `M`, `C2`, `S`, `D`, `BANK CHARGES`, `AMAZONFEE`, `PADS`, `gift_0001_*`,
///   `DCGS*`);
/// - cancellations (`InvoiceNo` starting with `C`, negative quantity) cancel the same customer's latest earlier
///   purchases of the same product, unit by unit: the file does not say which line a cancellation undoes, so
///   the latest is taken (the way returns are usually netted on this data set). A purchase cancelled in full
///   becomes a `cancelled` line, one cancelled in part becomes a completed line of what was kept and a
///   `cancelled` line of the rest; so spend is net of cancellations and a cancelled purchase is not a purchase
///   to the recommendations. Cancelled units whose purchase is not in the file (bought before it starts) are
///   counted as unmatched and dropped;
/// - customer: `17850.0` → id `17850`, locale `en`, the country's ISO 3166-1 alpha-2 code (`United Kingdom` →
///   `GB`, `EIRE` → `IE`, `RSA` → `ZA`; none for `Channel Islands`, `European Community` and `Unspecified`, which
///   name no one country), created on their first kept row;
/// - product: the stock code is the id; the first description seen is the name; its top-level category is the
///   description's last word that is a word (`HOLDER`, `LANTERN`; not a size such as `45CM`), the shop having no
///   categories; never out of stock;
/// - line: invoice number → order id, quantity, unit price rounded to pennies, date-time in UTC.
package enum OnlineRetailStore {
    /// What the mapping kept and dropped.
    package struct Summary: Sendable, Hashable, CustomStringConvertible {
        package var rows = 0
        package var kept = 0
        package var withoutCustomer = 0
        /// Cancellation rows with a customer (of products, postage, fees, …).
        package var cancellations = 0
        /// Cancellation rows of a product with units that match no earlier purchase in the file.
        package var unmatchedCancellations = 0
        /// Purchase lines cancelled in full and in part.
        package var cancelledInFull = 0
        package var cancelledInPart = 0
        package var notPositive = 0
        package var nonProduct = 0
        /// Rows that are not a record of the file's eight fields with an ISO 8601 date (each one reported).
        package var malformed = 0

        /// What was kept and dropped, on one line.
        package var description: String {
            "kept \(kept) lines (\(cancelledInFull) cancelled in full, \(cancelledInPart) in part by "
                + "\(cancellations) cancellation rows, \(unmatchedCancellations) of them with a purchase before the "
                + "file); dropped \(withoutCustomer) without customer, \(notPositive) with quantity or price <= 0, "
                + "\(nonProduct) non-product codes" + (malformed > 0 ? ", \(malformed) malformed rows" : "")
        }
    }

    /// The mapped data.
    package struct Data: Sendable {
        package var customers: [Customer]
        package var products: [Product]
        package var orders: [OrderLine]

        /// The completed lines dated in `from ..< until` (either end open when nil): the purchases of a period.
        package func purchases(from: Timestamp? = nil, until: Timestamp? = nil) -> [OrderLine] {
            orders.filter { line in
                line.status == .completed && from.map { line.date >= $0 } ?? true
                    && until.map { line.date < $0 } ?? true
            }
        }
    }

    /// The file at `path`, read as a store's files are (a file that cannot be read, or invalid UTF-8, is a
    /// diagnostic), then mapped; `diagnostics` holds every problem of the file, each at its line and column.
    package static func load(path: String) -> (data: Data, summary: Summary, diagnostics: DiagnosticEngine) {
        var diagnostics = DiagnosticEngine()
        guard let source = SourceFiles.read(path, diagnostics: &diagnostics) else {
            return (Data(customers: [], products: [], orders: []), Summary(), diagnostics)
        }
        let (data, summary) = map(source, diagnostics: &diagnostics)
        return (data, summary, diagnostics)
    }

    /// The store of a CSV text in the file's format, read with the project's CSV reader, decimal and ISO 8601
    /// parsers. A row the reader cannot take (a syntax error), with fewer than eight fields or without an ISO 8601
    /// date is reported and counted as malformed; blank lines are passed over.
    package static func map(
        _ source: SourceText, diagnostics: inout DiagnosticEngine
    ) -> (data: Data, summary: Summary) {
        var summary = Summary()
        var products: [Product] = []
        var productIndex: [String: Int32] = [:]
        var customers: [Customer] = []
        var customerIndex: [String: Int32] = [:]
        var orders: [OrderLine] = []
        var reader = CSVReader(source: source)
        var record = CSVRecord()
        var header = true
        // The kept lines of each (customer, product), oldest first, and the units cancelled from each line.
        var purchases: [UInt64: [Int32]] = [:]
        var cancelledUnits: [Int32] = []
        func pairKey(_ customer: Int32, _ product: Int32) -> UInt64 {
            UInt64(UInt32(customer)) << 32 | UInt64(UInt32(product))
        }
        /// Cancels `units` from the latest purchases dated no later than `date`; returns the units left unmatched.
        func cancel(_ units: Int32, customer: Int32?, product: Int32?, upTo date: Timestamp) -> Int32 {
            guard let customer, let product, let lines = purchases[pairKey(customer, product)] else { return units }
            var left = units
            for line in lines.reversed() where left > 0 && orders[Int(line)].date <= date {
                let taken = min(left, orders[Int(line)].quantity - cancelledUnits[Int(line)])
                cancelledUnits[Int(line)] += taken
                left -= taken
            }
            return left
        }
        while true {
            let errorsBefore = diagnostics.errorCount
            guard reader.next(into: &record, diagnostics: &diagnostics) else { break }
            if header {
                header = false
                continue
            }
            if record.count == 1, record[0].isEmpty, !record[0].isQuoted { continue }
            if diagnostics.errorCount > errorsBefore {
                summary.malformed += 1
                continue
            }
            guard record.count >= 8 else {
                diagnostics.error(
                    "expected 8 fields as in the header, found \(record.count)",
                    at: source.location(atOffset: record.startOffset))
                summary.malformed += 1
                continue
            }
            let date: Timestamp
            switch ISO8601.parse(reader.bytes(record[4])) {
            case .success(let parsed): date = parsed
            case .failure(let failure):
                diagnostics.error(
                    "invalid InvoiceDate \"\(reader.string(record[4]))\": \(failure)",
                    at: reader.location(of: record[4]))
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
            if customerID.hasSuffix(".0") { customerID.removeLast(2) }
            let isProduct = code.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
            if invoice.hasPrefix("C") {
                summary.cancellations += 1
                guard isProduct, let quantity = Int32(text(3)), quantity < 0 else { continue }
                let units = cancel(
                    -quantity, customer: customerIndex[customerID], product: productIndex[code], upTo: date)
                if units > 0 { summary.unmatchedCancellations += 1 }
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
            guard isProduct else {
                summary.nonProduct += 1
                continue
            }
            let customer = interned(customerID, in: &customerIndex, count: customers.count) {
                customers.append(
                    Customer(id: customerID, locale: "en", country: countryCodes[text(7)], created: date))
            }
            let product = interned(code, in: &productIndex, count: products.count) {
                let name = text(2).trimmingCharacters(in: .whitespaces)
                let category = category(ofName: name)
                products.append(
                    Product(
                        id: code, sku: code, slug: code.lowercased(), name: name,
                        price: Money(minorUnits: price), category: [category]))
            }
            purchases[pairKey(customer, product), default: []].append(Int32(orders.count))
            orders.append(
                OrderLine(
                    orderID: invoice, customer: customer, product: product, date: date, quantity: quantity,
                    unitPrice: Money(minorUnits: price)))
            cancelledUnits.append(0)
            summary.kept += 1
        }
        orders = splitCancelled(orders, cancelledUnits: cancelledUnits, summary: &summary)
        return (Data(customers: customers, products: products, orders: orders), summary)
    }

    /// The lines with their cancelled units split off as `cancelled` lines, right after what was kept.
    private static func splitCancelled(
        _ lines: [OrderLine], cancelledUnits: [Int32], summary: inout Summary
    ) -> [OrderLine] {
        var result: [OrderLine] = []
        result.reserveCapacity(lines.count)
        for (line, cancelled) in zip(lines, cancelledUnits) {
            guard cancelled > 0 else {
                result.append(line)
                continue
            }
            var kept = line
            kept.quantity -= cancelled
            var undone = line
            undone.quantity = cancelled
            undone.status = .cancelled
            if kept.quantity > 0 {
                summary.cancelledInPart += 1
                result.append(kept)
            } else {
                summary.cancelledInFull += 1
            }
            result.append(undone)
        }
        return result
    }

    /// The description's last word that names a thing: punctuation trimmed (`HEART.` → `HEART`), sizes, counts
    /// and little words skipped (`… CUSHION COVER 45CM` → `COVER`, `… LIGHTS STRING OF 10` → `STRING`); `OTHER`
    /// when there is none.
    package static func category(ofName name: String) -> String {
        for word in name.split(separator: " ").reversed() {
            let trimmed = word.trimmingCharacters(in: .punctuationCharacters).uppercased()
            let scalars = trimmed.unicodeScalars
            if scalars.contains(where: CharacterSet.letters.contains),
                !scalars.contains(where: CharacterSet.decimalDigits.contains), !littleWords.contains(trimmed)
            {
                return trimmed
            }
        }
        return "OTHER"
    }

    private static let littleWords: Set<String> = ["A", "AND", "FOR", "IN", "OF", "ON", "THE", "TO", "WITH"]

    /// ISO 3166-1 alpha-2 codes of the country names in the file; nil for what names no one country.
    static let countryCodes: [String: String] = [
        "Australia": "AU", "Austria": "AT", "Bahrain": "BH", "Belgium": "BE", "Brazil": "BR", "Canada": "CA",
        "Cyprus": "CY", "Czech Republic": "CZ", "Denmark": "DK", "EIRE": "IE", "Finland": "FI", "France": "FR",
        "Germany": "DE", "Greece": "GR", "Hong Kong": "HK", "Iceland": "IS", "Israel": "IL", "Italy": "IT",
        "Japan": "JP", "Lebanon": "LB", "Lithuania": "LT", "Malta": "MT", "Netherlands": "NL", "Norway": "NO",
        "Poland": "PL", "Portugal": "PT", "RSA": "ZA", "Saudi Arabia": "SA", "Singapore": "SG", "Spain": "ES",
        "Sweden": "SE", "Switzerland": "CH", "USA": "US", "United Arab Emirates": "AE", "United Kingdom": "GB",
    ]

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
