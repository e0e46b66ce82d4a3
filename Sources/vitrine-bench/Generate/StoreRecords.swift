/// The rows of a generated store, as both profiles (W1 and the example store) produce them; `StoreFolder` writes
/// them in the format of the README's "The store folder".
struct ProductRecord {
    var id: String
    var sku: String
    var gtin: String
    var slug: String
    var name: String
    var description: String
    var priceCents: Int
    var compareAtCents: Int?
    var category: String
    var tags: [String]
    var image: String
    /// `nil`: stock not tracked (always in stock).
    var stock: Int?
    /// The rating in tenths (`46` → `4.6`); `nil` when the product has no reviews.
    var ratingTenths: Int?
    var reviewCount: Int
    var consumable: Bool
    /// Name and description per translated locale, in the order of `StoreFolder.translatedLocales`.
    var translations: [(name: String, description: String)]
}

struct CustomerRecord {
    var id: String
    var email: String
    var firstName: String
    var lastName: String
    var locale: String
    var country: String
    var created: CalendarDay
    var consentEmail: Bool
    var consentTracking: Bool
    var tags: [String]

    var isBusiness: Bool { tags.contains("b2b") }
}

struct WishlistRecord {
    var customer: Int
    var product: Int
    var added: CalendarDay
}
