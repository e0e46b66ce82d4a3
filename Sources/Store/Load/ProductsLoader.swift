import Diagnostics
import TextFormats

/// `products.csv` in vitrine's own format (see the README). Exports of other shops go through `ProductImport`.
enum ProductsLoader {
    static let required = ["id", "name", "price", "category"]
    static let known = [
        "id", "sku", "gtin", "slug", "name", "description", "price", "compare_at_price", "currency", "category",
        "tags", "image", "stock", "rating", "review_count", "consumable",
    ]
    static let translatable = ["name", "description"]

    /// The valid products, and the ids of rows that had errors (so references to them are not reported again).
    static func load(
        _ source: SourceText, settings: StoreSettings?, diagnostics: inout DiagnosticEngine
    ) -> (products: [Product], rejected: Rejected) {
        let locales = settings?.locales ?? []
        func isTranslation(_ column: String) -> Bool {
            guard let at = column.firstIndex(of: "@") else { return false }
            return translatable.contains(String(column[..<at]))
        }
        guard
            var table = CSVTable(
                source: source, required: required, known: known, isExtraColumn: isTranslation,
                diagnostics: &diagnostics)
        else { return ([], Rejected(everything: true)) }
        var rejected = Rejected()
        let translationColumns = table.columns(where: isTranslation).compactMap {
            column -> (field: String, locale: String, index: Int)? in
            let parts = column.name.split(separator: "@", maxSplits: 1).map(String.init)
            let locale = parts.count > 1 ? parts[1] : ""
            if settings != nil, !locales.contains(locale) {
                diagnostics.warning(
                    "column \"\(column.name)\" is ignored: \"\(locale)\" is not one of the store's locales (\(locales.joined(separator: ", ")))",
                    at: source.location(atOffset: table.record.startOffset))
                return nil
            }
            return (parts[0], locale, column.index)
        }
        let c = (
            id: table.column("id"), sku: table.column("sku"), gtin: table.column("gtin"), slug: table.column("slug"),
            name: table.column("name"), description: table.column("description"), price: table.column("price"),
            compareAt: table.column("compare_at_price"), currency: table.column("currency"),
            category: table.column("category"), tags: table.column("tags"), image: table.column("image"),
            stock: table.column("stock"), rating: table.column("rating"), reviews: table.column("review_count"),
            consumable: table.column("consumable")
        )
        var products: [Product] = []
        var ids = FirstDefinitions(source: source, expected: source.lineCount)
        var skus = FirstDefinitions(source: source, expected: source.lineCount)
        while table.nextRow(diagnostics: &diagnostics) {
            let errorsBefore = diagnostics.errorCount
            let id = table.requiredString(c.id, "product id", diagnostics: &diagnostics)
            let name = table.requiredString(c.name, "product name", diagnostics: &diagnostics)
            table.checkNoControlCharacters(c.name, "a product name", diagnostics: &diagnostics)
            let price = table.money(c.price, "price", diagnostics: &diagnostics)
            if case .absent = price { diagnostics.error("missing price", at: table.location(c.price)) }
            let compareAt = table.money(c.compareAt, "compare_at_price", diagnostics: &diagnostics).value
            if let currency = table.optionalString(c.currency), let settings, currency != settings.currency {
                diagnostics.error(
                    CurrencyCode.isKnown(currency)
                        ? "price currency \(currency) differs from the store currency \(settings.currency)"
                        : "unknown currency \"\(currency)\"",
                    at: table.location(c.currency))
            }
            let category = categoryPath(table.string(c.category))
            if category.isEmpty { diagnostics.error("missing category", at: table.location(c.category)) }
            let gtin = table.optionalString(c.gtin)
            if let gtin, let problem = GTIN.validate(gtin) {
                if problem == .spreadsheetNotation {
                    diagnostics.warning("\(problem); the GTIN is not imported", at: table.location(c.gtin))
                } else {
                    diagnostics.error("invalid GTIN \"\(gtin)\": \(problem)", at: table.location(c.gtin))
                }
            }
            let slug = table.optionalString(c.slug)
            if let slug, !Slug.isValid(slug) {
                diagnostics.error(
                    "invalid slug \"\(slug)\": use lowercase letters, digits and hyphens", at: table.location(c.slug))
            }
            let stock = table.integer(c.stock, "stock", in: 0...1_000_000_000, diagnostics: &diagnostics)
            let rating = table.money(c.rating, "rating", diagnostics: &diagnostics)
            if let value = rating.value, value.minorUnits > 500 {
                diagnostics.error("rating must be between 0 and 5", at: table.location(c.rating))
            }
            let reviews = table.integer(c.reviews, "review_count", in: 0...1_000_000_000, diagnostics: &diagnostics)
            let consumable = table.bool(c.consumable, "consumable", diagnostics: &diagnostics)
            var translations: [String: Product.Translation] = [:]
            for column in translationColumns {
                guard let text = table.optionalString(column.index) else { continue }
                if column.field == "name" {
                    translations[column.locale, default: .init()].name = text
                } else {
                    translations[column.locale, default: .init()].description = text
                }
            }
            if let id {
                ids.recordIdentifier(id, what: "product id", at: table.offset(c.id), diagnostics: &diagnostics)
            }
            if let sku = table.optionalString(c.sku) {
                skus.record(
                    sku, what: "sku", at: table.offset(c.sku), note: "first used here", diagnostics: &diagnostics)
            }
            guard diagnostics.errorCount == errorsBefore, let id, let name, let price = price.value else {
                rejected.insert(id: id, sku: table.optionalString(c.sku), category: category)
                continue
            }
            products.append(
                Product(
                    id: id, sku: table.optionalString(c.sku),
                    gtin: gtin.flatMap { GTIN.validate($0) == nil ? $0 : nil },
                    slug: slug ?? Slug.derive(name: name, id: id), name: name, description: table.string(c.description),
                    price: price, compareAtPrice: compareAt, category: category,
                    tags: list(table.string(c.tags)), image: table.optionalString(c.image),
                    stock: stock.value.map { Int($0) }, rating: rating.value.map { Double($0.minorUnits) / 100 },
                    reviewCount: Int(reviews.value ?? 0), consumable: consumable.value ?? false,
                    translations: translations, location: table.rowLocation))
        }
        return (products, rejected)
    }

    /// `Tea > Green` → `["Tea", "Green"]`.
    static func categoryPath(_ text: String) -> [String] {
        text.split(separator: ">").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// `organic|gift` → `["organic", "gift"]`.
    static func list(_ text: String) -> [String] {
        text.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
