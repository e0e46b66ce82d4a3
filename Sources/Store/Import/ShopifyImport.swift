import Diagnostics
import TextFormats

/// Shopify's product CSV (both the 2018 column set and the current template). Rows with the same Handle form
/// one product: the first row carries title, body, type and tags; later rows add variants or only images.
/// A product with one variant becomes one vitrine product (id = handle); with several, each variant becomes a
/// product (id = handle + option values) in the handle's group, as the shop shows them. Drafts, archived and
/// unpublished products are left out.
enum ShopifyImport {
    static let required = ["Handle", "Title", "Variant Price"]

    private struct Parent {
        var title = ""
        var body = ""
        var category: [String] = []
        var tags: [String] = []
        var image: String?
        var skipped = false
    }

    static func load(_ source: SourceText, diagnostics: inout DiagnosticEngine) -> [Product] {
        guard var table = CSVTable(export: source, required: required, diagnostics: &diagnostics) else { return [] }
        let column = table.column
        let c = (
            handle: column("Handle"), title: column("Title"), body: column("Body (HTML)"), type: column("Type"),
            productCategory: column("Product Category"), tags: column("Tags"), published: column("Published"),
            status: column("Status"),
            options: [column("Option1 Value"), column("Option2 Value"), column("Option3 Value")],
            sku: column("Variant SKU"), tracker: column("Variant Inventory Tracker"),
            quantity: column("Variant Inventory Qty"),
            price: column("Variant Price"), compareAt: column("Variant Compare At Price"),
            barcode: column("Variant Barcode"),
            image: column("Image Src"), variantImage: column("Variant Image")
        )
        var parents: [String: Parent] = [:]
        var variants: [(handle: String, product: Product)] = []
        while table.nextRow(diagnostics: &diagnostics) {
            guard let handle = table.requiredString(c.handle, "Handle", diagnostics: &diagnostics) else { continue }
            var parent = parents[handle] ?? Parent()
            if parents[handle] == nil {
                parent.title = table.string(c.title)
                if parent.title.isEmpty {
                    diagnostics.error("missing Title on the first row of \"\(handle)\"", at: table.location(c.title))
                }
                table.checkNoControlCharacters(c.title, "a product title", diagnostics: &diagnostics)
                parent.body = table.string(c.body)
                let taxonomy = ProductsLoader.categoryPath(table.string(c.productCategory))
                let type = table.string(c.type)
                parent.category = !taxonomy.isEmpty ? taxonomy : [type.isEmpty ? "Uncategorized" : type]
                parent.tags = ProductImport.commaList(table.string(c.tags))
                let status = table.string(c.status).lowercased()
                let published = table.string(c.published).lowercased()
                if (!status.isEmpty && status != "active") || published == "false" {
                    parent.skipped = true
                    diagnostics.warning(
                        "\"\(handle)\" is \(status.isEmpty || status == "active" ? "unpublished" : status); not imported",
                        at: table.rowLocation)
                }
            }
            if parent.image == nil { parent.image = table.optionalString(c.image) }
            parents[handle] = parent
            // Rows without a price only add images.
            guard !parent.skipped, let priceText = table.optionalString(c.price) else { continue }
            guard
                let price = ProductImport.money(
                    priceText, "Variant Price", at: table.location(c.price), diagnostics: &diagnostics)
            else { continue }
            let compareAt = table.optionalString(c.compareAt).flatMap {
                ProductImport.money(
                    $0, "Variant Compare At Price", at: table.location(c.compareAt), diagnostics: &diagnostics)
            }
            let options = c.options.map { table.string($0) }
            let tracked = !table.string(c.tracker).isEmpty
            let stock = table.integer(
                c.quantity, "Variant Inventory Qty", in: -1_000_000_000...1_000_000_000, diagnostics: &diagnostics)
            let gtin = ProductImport.gtin(
                table.optionalString(c.barcode), at: table.location(c.barcode), diagnostics: &diagnostics)
            variants.append(
                (
                    handle,
                    Product(
                        id: handle, sku: table.optionalString(c.sku), gtin: gtin, slug: handle,
                        name: ProductImport.variantName(parent.title, options: options), description: parent.body,
                        price: price, compareAtPrice: compareAt, category: parent.category, tags: parent.tags,
                        image: table.optionalString(c.variantImage) ?? parent.image,
                        stock: tracked ? stock.value.map { Int(max(0, $0)) } : nil, location: table.rowLocation)
                ))
        }
        // Variants of one handle get ids and slugs of their own; a single variant keeps the handle.
        var countPerHandle: [String: Int] = [:]
        for variant in variants { countPerHandle[variant.handle, default: 0] += 1 }
        return variants.map { variant in
            var product = variant.product
            product.image = product.image ?? parents[variant.handle]?.image
            if countPerHandle[variant.handle, default: 0] > 1 {
                let suffix = Slug.make(from: String(product.name.dropFirst(parents[variant.handle]?.title.count ?? 0)))
                product.id = ProductImport.identifier("\(variant.handle)-\(suffix)")
                product.slug = Slug.make(from: product.id)
                product.group = variant.handle
            }
            return product
        }
    }
}
