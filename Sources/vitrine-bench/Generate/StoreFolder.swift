import Foundation
import TextFormats

/// Writes a generated store in the format of the README's "The store folder": `products.csv`,
/// `customers.csv`, `orders.csv` and `wishlists.csv` streamed row by row, then the JSON files.
struct StoreFolder {
    var currency: String
    /// The locales with `name@LOCALE` and `description@LOCALE` columns, in column order.
    var translatedLocales: [String]
    var products: [ProductRecord]
    var customers: [CustomerRecord]
    var history: PurchaseHistory
    var couponCodes: [String]
    var wishLists: [WishlistRecord]
    /// `store.json`, `segments.json`, …
    var documents: [NamedDocument]

    /// A JSON file of the store folder. (A struct, not a tuple: Swift 6.3 reports a false circular reference for
    /// a stored array of tuples holding a recursive enum.)
    struct NamedDocument {
        var file: String
        var document: JSONDocument
    }

    /// Sizes of what was written.
    struct Summary {
        var files: [(name: String, bytes: Int)] = []
        var bytes: Int { files.reduce(0) { $0 + $1.bytes } }
    }

    func write(to directory: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var summary = Summary()
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        summary.files.append(("products.csv", try writeProducts(to: path("products.csv"))))
        summary.files.append(("customers.csv", try writeCustomers(to: path("customers.csv"))))
        summary.files.append(("orders.csv", try writeOrders(to: path("orders.csv"))))
        summary.files.append(("wishlists.csv", try writeWishLists(to: path("wishlists.csv"))))
        for named in documents {
            let file = try StoreFile(path: path(named.file))
            file.write(named.document.text)
            summary.files.append((named.file, try file.close()))
        }
        return summary
    }

    private func writeProducts(to path: String) throws -> Int {
        let file = try StoreFile(path: path)
        var header = [
            "id", "sku", "gtin", "slug", "name", "description", "price", "compare_at_price", "currency", "category",
            "tags", "image", "stock", "rating", "review_count", "consumable",
        ]
        for locale in translatedLocales { header += ["name@\(locale)", "description@\(locale)"] }
        try file.row(header)
        for product in products {
            file.fieldsThenComma(product.id, product.sku, product.gtin, product.slug, product.name, product.description)
            ByteBuffer.appendCents(product.priceCents, to: &file.buffer)
            file.comma()
            if let compareAt = product.compareAtCents { ByteBuffer.appendCents(compareAt, to: &file.buffer) }
            file.comma()
            file.fieldsThenComma(currency, product.category, product.tags.joined(separator: "|"), product.image)
            if let stock = product.stock { ByteBuffer.appendInt(stock, to: &file.buffer) }
            file.comma()
            if let rating = product.ratingTenths {
                ByteBuffer.appendInt(rating / 10, to: &file.buffer)
                file.buffer.append(UInt8(ascii: "."))
                ByteBuffer.appendInt(rating % 10, to: &file.buffer)
            }
            file.comma()
            ByteBuffer.appendInt(product.reviewCount, to: &file.buffer)
            file.comma()
            file.write(product.consumable ? "true" : "false")
            for translation in product.translations {
                file.comma()
                file.field(translation.name)
                file.comma()
                file.field(translation.description)
            }
            try file.endRow()
        }
        return try file.close()
    }

    private func writeCustomers(to path: String) throws -> Int {
        let file = try StoreFile(path: path)
        try file.row([
            "id", "email", "first_name", "last_name", "locale", "country", "created", "consent_email",
            "consent_tracking", "tags",
        ])
        for customer in customers {
            file.fieldsThenComma(
                customer.id, customer.email, customer.firstName, customer.lastName, customer.locale, customer.country)
            ByteBuffer.appendDay(customer.created, to: &file.buffer)
            file.comma()
            file.write(customer.consentEmail ? "true" : "false")
            file.comma()
            file.write(customer.consentTracking ? "true" : "false")
            file.comma()
            file.field(customer.tags.joined(separator: "|"))
            try file.endRow()
        }
        return try file.close()
    }

    /// Order ids are the history's, or else follow time: `o-000001` is the oldest order.
    private func writeOrders(to path: String) throws -> Int {
        let file = try StoreFile(path: path)
        try file.row(["order_id", "customer_id", "date", "product_id", "quantity", "unit_price", "coupon", "status"])
        let width = max(6, String(history.orders.count).count)
        let customerIDs = customers.map { Array($0.id.utf8) }
        let productIDs = products.map { Array($0.id.utf8) }
        let codes = couponCodes.map { Array($0.utf8) }
        for (index, order) in history.orders.enumerated() {
            var prefix: [UInt8] = []
            if history.orderIDs.isEmpty {
                prefix.append(contentsOf: "o-".utf8)
                ByteBuffer.appendPadded(index + 1, width: width, to: &prefix)
            } else {
                CSVWriter.appendField(history.orderIDs[index], to: &prefix)
            }
            prefix.append(UInt8(ascii: ","))
            prefix.append(contentsOf: customerIDs[Int(order.customer)])
            prefix.append(UInt8(ascii: ","))
            ByteBuffer.appendDateTime(CalendarDay(number: Int(order.day)), second: Int(order.second), to: &prefix)
            prefix.append(UInt8(ascii: ","))
            for line in Int(order.firstLine)..<Int(order.firstLine + order.lineCount) {
                file.buffer.append(contentsOf: prefix)
                file.buffer.append(contentsOf: productIDs[Int(history.lineProduct[line])])
                file.comma()
                ByteBuffer.appendInt(Int(history.lineQuantity[line]), to: &file.buffer)
                file.comma()
                ByteBuffer.appendCents(Int(history.lineUnitCents[line]), to: &file.buffer)
                file.comma()
                if order.coupon >= 0 { file.buffer.append(contentsOf: codes[Int(order.coupon)]) }
                file.comma()
                switch history.lineStatus[line] {
                case .completed: break
                case .cancelled: file.write("cancelled")
                case .returned: file.write("returned")
                }
                try file.endRow()
            }
        }
        return try file.close()
    }

    private func writeWishLists(to path: String) throws -> Int {
        let file = try StoreFile(path: path)
        try file.row(["customer_id", "product_id", "added"])
        for entry in wishLists {
            file.fieldsThenComma(customers[entry.customer].id, products[entry.product].id)
            ByteBuffer.appendDay(entry.added, to: &file.buffer)
            try file.endRow()
        }
        return try file.close()
    }
}
