import Diagnostics
import TextFormats

/// `wishlists.csv`.
enum WishlistsLoader {
    static let required = ["customer_id", "product_id", "added"]
    static let known = ["customer_id", "product_id", "added"]

    static func load(
        _ source: SourceText, references: OrdersLoader.References, diagnostics: inout DiagnosticEngine
    ) -> [WishlistEntry] {
        guard var table = CSVTable(source: source, required: required, known: known, diagnostics: &diagnostics) else {
            return []
        }
        let c = (
            customer: table.column("customer_id"), product: table.column("product_id"), added: table.column("added")
        )
        var entries: [WishlistEntry] = []
        var seen: [Int64: SourceLocation] = [:]
        while table.nextRow(diagnostics: &diagnostics) {
            let errorsBefore = diagnostics.errorCount
            let customerID = table.requiredString(c.customer, "customer id", diagnostics: &diagnostics)
            let customer = customerID.flatMap { references.customers.value(for: ArraySlice($0.utf8)) }
            if let customerID, customer == nil, !references.rejectedCustomers.contains(id: customerID) {
                diagnostics.error("unknown customer id \"\(customerID)\"", at: table.location(c.customer))
            }
            let productID = table.requiredString(c.product, "product id", diagnostics: &diagnostics)
            let product = productID.flatMap { references.products.value(for: ArraySlice($0.utf8)) }
            if let productID, product == nil, !references.rejectedProducts.contains(id: productID) {
                diagnostics.error("unknown product id \"\(productID)\"", at: table.location(c.product))
            }
            let added = table.date(c.added, "added date", diagnostics: &diagnostics)
            if case .absent = added { diagnostics.error("missing added date", at: table.location(c.added)) }
            guard diagnostics.errorCount == errorsBefore, let customer, let product, let added = added.value else {
                continue
            }
            let key = Int64(customer) << 32 | Int64(product)
            if let first = seen[key] {
                diagnostics.warning(
                    "the product is already on this customer's wish list", at: table.rowLocation,
                    notes: [.init("first added here", at: first)])
                continue
            }
            seen[key] = table.rowLocation
            entries.append(
                WishlistEntry(customer: customer, product: product, added: added))
        }
        return entries
    }
}
