import Diagnostics
import TextFormats

/// WooCommerce's product CSV (the built-in exporter's format). Simple, external and downloadable products become
/// products; a variable product lends its description, category and image to its variations, which become the
/// products (named with their attribute values); grouped products are containers and are left out, as are
/// drafts. The sale price, when set, is the price and the regular price the "was" price.
enum WooCommerceImport {
    static let required = ["Type", "Name", "Regular price"]

    private struct Parent {
        var name: String
        var description: String
        var category: [String]
        var tags: [String]
        var image: String?
        var id: String
    }

    static func load(_ source: SourceText, diagnostics: inout DiagnosticEngine) -> [Product] {
        guard var table = CSVTable(export: source, required: required, diagnostics: &diagnostics) else { return [] }
        let column = table.column
        let c = (
            id: column("ID"), type: column("Type"), sku: column("SKU"), name: column("Name"),
            published: column("Published"),
            short: column("Short description"), description: column("Description"), sale: column("Sale price"),
            regular: column("Regular price"), categories: column("Categories"), tags: column("Tags"),
            images: column("Images"),
            stock: column("Stock"), inStock: column("In stock?"),
            parent: column("Parent")
        )
        var parentsByReference: [String: Parent] = [:]
        var rows: [(parentReference: String?, product: Product)] = []
        while table.nextRow(diagnostics: &diagnostics) {
            let types = ProductImport.commaList(table.string(c.type).lowercased())
            let wooID = table.string(c.id)
            let sku = table.optionalString(c.sku)
            let id = ProductImport.identifier(sku ?? "wc-\(wooID)")
            let name = table.string(c.name)
            table.checkNoControlCharacters(c.name, "a product name", diagnostics: &diagnostics)
            var description = table.string(c.description)
            if description.isEmpty { description = table.string(c.short) }
            // WooCommerce writes line breaks inside descriptions as the two characters \n.
            description = description.replacingOccurrences(of: "\\n", with: "\n")
            let category =
                ProductImport.commaList(table.string(c.categories)).first.map(ProductsLoader.categoryPath) ?? []
            let image = ProductImport.commaList(table.string(c.images)).first
            if types.contains("variable") {
                let parent = Parent(
                    name: name, description: description, category: category,
                    tags: ProductImport.commaList(table.string(c.tags)), image: image, id: id)
                if !wooID.isEmpty { parentsByReference["id:\(wooID)"] = parent }
                if let sku { parentsByReference[sku] = parent }
                continue
            }
            if types.contains("grouped") { continue }
            if table.string(c.published) == "-1" || table.string(c.published) == "0" {
                diagnostics.warning("\"\(name)\" is not published; not imported", at: table.rowLocation)
                continue
            }
            let regular = ProductImport.money(
                table.string(c.regular), "Regular price", at: table.location(c.regular), diagnostics: &diagnostics)
            let sale = ProductImport.money(
                table.string(c.sale), "Sale price", at: table.location(c.sale), diagnostics: &diagnostics)
            guard let price = sale ?? regular else {
                diagnostics.warning("\"\(name)\" has no price; not imported", at: table.location(c.regular))
                continue
            }
            var stock: Int?
            if let quantity = table.integer(
                c.stock, "Stock", in: -1_000_000_000...1_000_000_000, diagnostics: &diagnostics
            ).value {
                stock = Int(max(0, quantity))
            } else if table.string(c.inStock) == "0" {
                stock = 0
            }
            rows.append(
                (
                    types.contains("variation") ? table.optionalString(c.parent) : nil,
                    Product(
                        id: id, sku: sku, slug: Slug.make(from: id), name: name, description: description, price: price,
                        compareAtPrice: sale != nil ? regular : nil, category: category,
                        tags: ProductImport.commaList(table.string(c.tags)), image: image, stock: stock,
                        location: table.rowLocation)
                ))
        }
        return rows.map { row in
            var product = row.product
            guard let reference = row.parentReference, let parent = parentsByReference[reference] else {
                if let reference = row.parentReference {
                    diagnostics.warning(
                        "variation \"\(product.id)\" names an unknown parent \"\(reference)\"; imported on its own",
                        at: product.location)
                }
                if product.category.isEmpty { product.category = ["Uncategorized"] }
                return product
            }
            if product.description.isEmpty { product.description = parent.description }
            if product.category.isEmpty { product.category = parent.category }
            if product.category.isEmpty { product.category = ["Uncategorized"] }
            if product.tags.isEmpty { product.tags = parent.tags }
            product.image = product.image ?? parent.image
            product.group = parent.id
            return product
        }
    }
}
