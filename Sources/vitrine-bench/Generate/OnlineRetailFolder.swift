import Evaluation
import Store
import TextFormats
import VitrineKit

/// The UCI Online Retail transactions, mapped by `OnlineRetailStore`, as a store folder (`generate uci`), so that
/// the loader, `vitrine check` and `vitrine segments` run on six months of a real shop's purchases: order ids are
/// the invoice numbers, cancelled units `cancelled` lines, prices in pounds; the file has no e-mail addresses,
/// names or consent, so no one is mailed.
enum OnlineRetailFolder {
    static func makeStore(_ data: OnlineRetailStore.Data) -> StoreFolder {
        let products = data.products.map { product in
            ProductRecord(
                id: product.id, sku: product.sku ?? "", gtin: "", slug: product.slug, name: product.name,
                description: "", priceCents: Int(product.price.minorUnits), compareAtCents: nil,
                category: product.category.joined(separator: " > "), tags: [], image: "", stock: nil,
                ratingTenths: nil, reviewCount: 0, consumable: false, translations: [])
        }
        let customers = data.customers.map { customer in
            CustomerRecord(
                id: customer.id, email: "", firstName: "", lastName: "", locale: customer.locale,
                country: customer.country ?? "", created: CalendarDay(number: Int(customer.created.day)),
                consentEmail: false, consentTracking: false, tags: [])
        }
        return StoreFolder(
            currency: "GBP", translatedLocales: [], products: products, customers: customers,
            history: history(data.orders), couponCodes: [], wishLists: [],
            documents: [.init(file: "store.json", document: store), .init(file: "segments.json", document: segments)])
    }

    /// Consecutive lines of one invoice form an order.
    private static func history(_ lines: [OrderLine]) -> PurchaseHistory {
        var history = PurchaseHistory()
        for (index, line) in lines.enumerated() {
            if index == 0 || lines[index - 1].orderID != line.orderID {
                let seconds = line.date.secondsSince1970
                history.orders.append(
                    .init(
                        customer: line.customer, day: Int32(line.date.day),
                        second: Int32(seconds - line.date.day * Timestamp.secondsPerDay), firstLine: Int32(index),
                        lineCount: 0, coupon: -1, cancelled: false))
                history.orderIDs.append(line.orderID)
            }
            history.orders[history.orders.count - 1].lineCount += 1
            history.lineProduct.append(line.product)
            history.lineQuantity.append(line.quantity)
            history.lineUnitCents.append(Int32(line.unitPrice.minorUnits))
            let status: PurchaseHistory.LineStatus =
                switch line.status {
                case .completed: .completed
                case .cancelled: .cancelled
                case .returned: .returned
                }
            history.lineStatus.append(status)
        }
        return history
    }

    private static var store: JSONDocument {
        .object([
            ("name", .string("UCI Online Retail (2010-12 to 2011-05)")),
            ("base_url", .string("https://online-retail.example.com")), ("currency", .string("GBP")),
            ("default_locale", .string("en")), ("vat_percent", .string("20")),
            ("sender", .object([("address", .string("news@online-retail.example.com"))])),
            ("postal_address", .string("London, United Kingdom")),
        ])
    }

    /// Segments a marketer of a gift wholesaler would start from: the top fifth by spend that still buys, those
    /// slipping away, the lapsed, newcomers, customers abroad, and everyone else.
    private static var segments: JSONDocument {
        func segment(_ id: String, _ name: String, _ rule: String?) -> JSONDocument {
            .object([("id", .string(id)), ("name", .string(name))] + (rule.map { [("rule", .string($0))] } ?? []))
        }
        return .array([
            segment("vip", "Best customers", "monetary_rank <= 0.2 and days_since_last_order <= 90"),
            segment("at-risk", "Best customers slipping away", "monetary_rank <= 0.2"),
            segment("new", "New customers", "lifecycle == \"new\""),
            segment("lapsed", "Lapsed", "lifecycle == \"lapsed\""),
            segment("abroad", "Customers abroad", "country != \"GB\""),
            segment("everyone", "Everyone else", nil),
        ])
    }
}
