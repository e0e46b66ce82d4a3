import Store

/// A Google Merchant Center product feed for one segment: RSS 2.0 with the `g:` namespace
/// (http://base.google.com/ns/1.0), one `item` per product, in the segment's language and at the segment's prices,
/// linking to the segment's own product pages.
///
/// Prices: `g:price` is the price before any reduction (the compare-at price, or the catalog price before the
/// segment's percent off), `g:sale_price` what the segment pays, when lower — the same two figures the product page
/// shows struck through and current. A business segment's figures are without VAT, as on its pages. Products
/// without an image are left out (Merchant Center refuses an item without `image_link`); a comment says how many.
enum MerchantFeed {
    static let namespace = "http://base.google.com/ns/1.0"
    /// Merchant Center truncates longer descriptions.
    static let descriptionLimit = 5000

    static func render(_ plan: SitePlan, segment: Int) -> [UInt8] {
        let store = plan.store
        let view = plan.segments[segment]
        let segmentID = view.definition.id
        let currency = store.settings.currency
        var out: [UInt8] = []
        out.reserveCapacity(store.products.count * 700 + 512)
        func line(_ text: String) { out += Array(text.utf8) }
        func element(_ name: String, _ value: String) {
            line("<\(name)>")
            XMLText.append(value, to: &out)
            line("</\(name)>\n")
        }
        line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        line("<rss version=\"2.0\" xmlns:g=\"\(namespace)\">\n<channel>\n")
        element("title", store.settings.name + " · " + view.definition.name)
        element("link", plan.baseURL + "/" + segmentID + "/")
        element("description", store.settings.name)
        element("language", view.locale)
        var withoutImage = 0
        for product in store.products {
            guard let image = absoluteImage(product.image, baseURL: plan.baseURL) else {
                withoutImage += 1
                continue
            }
            let price = SegmentPrice(
                product: product, pricing: view.definition.pricing, vatBasisPoints: store.settings.vatBasisPoints)
            let name = product.name(in: view.locale)
            var description = DescriptionHTML.plainText(product.description(in: view.locale))
            if description.isEmpty { description = name }
            if description.utf8.count > descriptionLimit { description = String(description.prefix(descriptionLimit)) }
            line("<item>\n")
            element("g:id", product.id)
            element("title", name)
            element("description", description)
            element("link", plan.baseURL + "/" + segmentID + "/p/" + product.slug + "/")
            element("g:image_link", image)
            element("g:availability", product.isInStock ? "in_stock" : "out_of_stock")
            element("g:condition", "new")
            if let before = price.compareAt {
                element("g:price", "\(before) \(currency)")
                element("g:sale_price", "\(price.amount) \(currency)")
            } else {
                element("g:price", "\(price.amount) \(currency)")
            }
            if let gtin = product.gtin, !gtin.isEmpty {
                element("g:gtin", gtin)
            } else {
                element("g:identifier_exists", "no")
            }
            if let sku = product.sku { element("g:mpn", sku) }
            if !product.category.isEmpty { element("g:product_type", product.category.joined(separator: " > ")) }
            line("</item>\n")
        }
        if withoutImage > 0 {
            line("<!-- \(withoutImage) products without an image left out: Merchant Center requires image_link -->\n")
        }
        line("</channel>\n</rss>\n")
        return out
    }

    /// An absolute http(s) address for the product's image, nil when it has none a shopping engine could fetch.
    static func absoluteImage(_ image: String?, baseURL: String) -> String? {
        guard let image, !image.isEmpty else { return nil }
        let lower = image.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return image }
        if image.hasPrefix("//") || image.contains(":") || image.contains("\\") { return nil }
        if image.hasPrefix("/") {
            // The host's root: the base URL's scheme and host.
            guard let scheme = baseURL.range(of: "://") else { return nil }
            let rest = baseURL[scheme.upperBound...]
            let host = rest.firstIndex(of: "/").map { baseURL[..<$0] } ?? baseURL[...]
            return host + image
        }
        return baseURL + "/" + image
    }
}
