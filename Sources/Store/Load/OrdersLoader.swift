import Diagnostics
import TextFormats

/// `orders.csv`: one line per order line, a million lines and more. The loop parses numbers and dates straight
/// from the bytes and resolves ids through the store's indexes.
enum OrdersLoader {
    static let required = ["order_id", "customer_id", "date", "quantity", "unit_price"]
    static let known = ["order_id", "customer_id", "date", "product_id", "sku", "quantity", "unit_price", "coupon", "status"]

    struct References {
        var customers: [String: Int32] = [:]
        var products: [String: Int32] = [:]
        var productsBySKU: [String: Int32] = [:]
        /// Ids of rows that had errors of their own.
        var rejectedProducts = Rejected()
        var rejectedCustomers = Rejected()
    }

    static func load(_ source: SourceText, references: References, diagnostics: inout DiagnosticEngine) -> [OrderLine] {
        guard var table = CSVTable(source: source, required: required, known: known, diagnostics: &diagnostics) else {
            return []
        }
        let c = (
            order: table.column("order_id"), customer: table.column("customer_id"), date: table.column("date"),
            product: table.column("product_id"), sku: table.column("sku"), quantity: table.column("quantity"),
            price: table.column("unit_price"), coupon: table.column("coupon"), status: table.column("status")
        )
        if c.product == nil, c.sku == nil {
            diagnostics.error(
                "required column \"product_id\" (or \"sku\") is missing", at: source.location(atOffset: 0))
            return []
        }
        var lines: [OrderLine] = []
        lines.reserveCapacity(source.bytes.count / 48)
        // Lines of one order must agree on customer and date.
        var orders: [String: (customer: Int32, date: Timestamp, location: SourceLocation?)] = [:]
        while table.nextRow(diagnostics: &diagnostics) {
            let errorsBefore = diagnostics.errorCount
            let orderID = table.requiredString(c.order, "order id", diagnostics: &diagnostics)
            let customerID = table.requiredString(c.customer, "customer id", diagnostics: &diagnostics)
            let customer = customerID.flatMap { references.customers[$0] }
            if let customerID, customer == nil, !references.rejectedCustomers.contains(id: customerID) {
                diagnostics.error("unknown customer id \"\(customerID)\"", at: table.location(c.customer))
            }
            var product: Int32?
            if let productID = table.optionalString(c.product) {
                product = references.products[productID]
                if product == nil, !references.rejectedProducts.contains(id: productID) {
                    diagnostics.error("unknown product id \"\(productID)\"", at: table.location(c.product))
                }
            } else if let sku = table.optionalString(c.sku) {
                product = references.productsBySKU[sku]
                if product == nil, !references.rejectedProducts.contains(sku: sku) {
                    diagnostics.error("unknown sku \"\(sku)\"", at: table.location(c.sku))
                }
            } else {
                diagnostics.error("missing product id", at: table.location(c.product ?? c.sku))
            }
            let date = table.date(c.date, "order date", diagnostics: &diagnostics)
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
                    "invalid status \"\(other)\": expected completed, cancelled or returned", at: table.location(c.status))
            }
            guard diagnostics.errorCount == errorsBefore, let orderID, let customer, let product,
                let date = date.value, let quantity = quantity.value, let price = price.value
            else { continue }
            if let first = orders[orderID] {
                if first.customer != customer {
                    diagnostics.error(
                        "order \"\(orderID)\" already belongs to another customer", at: table.location(c.customer),
                        notes: [.init("first line of the order", at: first.location)])
                } else if first.date.day != date.day {
                    diagnostics.error(
                        "order \"\(orderID)\" has another date on an earlier line", at: table.location(c.date),
                        notes: [.init("first line of the order", at: first.location)])
                }
            } else {
                orders[orderID] = (customer, date, table.rowLocation)
            }
            lines.append(
                OrderLine(
                    orderID: orderID, customer: customer, product: product, date: date, quantity: Int32(quantity),
                    unitPrice: price, coupon: table.optionalString(c.coupon), status: status))
        }
        return lines
    }
}
