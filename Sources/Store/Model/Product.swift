import Diagnostics
import TextFormats

/// One sellable item of `products.csv` (or of an imported shop export).
public struct Product: Sendable, Hashable {
    public struct Translation: Sendable, Hashable {
        public var name: String?
        public var description: String?
    }

    public var id: String
    public var sku: String?
    public var gtin: String?
    /// The page path component; unique across the store.
    public var slug: String
    public var name: String
    /// Plain text or HTML as the shop wrote it; renderers escape or sanitise it, never emit it raw.
    public var description: String
    public var price: Money
    public var compareAtPrice: Money?
    /// `["Tea", "Green"]` for `Tea > Green`.
    public var category: [String]
    public var tags: [String]
    public var image: String?
    /// Units in stock; nil when stock is not tracked (always available).
    public var stock: Int?
    /// 0–5, nil when unrated.
    public var rating: Double?
    public var reviewCount: Int
    /// Re-bought items (tea, soap) that recommendations may offer again to people who own them.
    public var consumable: Bool
    /// Keyed by locale (`el`, `fa`).
    public var translations: [String: Translation]
    /// The product these are variants of (a Shopify handle, a WooCommerce variable product), so a theme can
    /// show sizes and colours together; nil for a stand-alone product.
    public var group: String?
    /// Where the product was defined (its row), for later diagnostics.
    public var location: SourceLocation?

    public init(
        id: String, sku: String? = nil, gtin: String? = nil, slug: String, name: String, description: String = "",
        price: Money, compareAtPrice: Money? = nil, category: [String], tags: [String] = [], image: String? = nil,
        stock: Int? = nil, rating: Double? = nil, reviewCount: Int = 0, consumable: Bool = false,
        translations: [String: Translation] = [:], group: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.sku = sku
        self.gtin = gtin
        self.slug = slug
        self.name = name
        self.description = description
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.category = category
        self.tags = tags
        self.image = image
        self.stock = stock
        self.rating = rating
        self.reviewCount = reviewCount
        self.consumable = consumable
        self.translations = translations
        self.group = group
        self.location = location
    }

    public var isInStock: Bool { stock.map { $0 > 0 } ?? true }

    /// The top-level category (`Tea` for `Tea > Green`), the unit of category affinity.
    public var topCategory: String { category.first ?? "" }

    public func name(in locale: String) -> String { translations[locale]?.name ?? name }
    public func description(in locale: String) -> String { translations[locale]?.description ?? description }
}
