import Foundation

/// Per locale and product, a product page's description as HTML, as plain text (JSON-LD) and shortened (the
/// social card), made on first use: the eight segments of W1 speak three languages, so each is asked for up to
/// eight times. Shared like `CardCache` (`SharedSlots`).
final class DescriptionCache: Sendable {
    final class Texts: Sendable {
        /// Nil for an empty description.
        let html: String?
        let plain: String
        let shortened: String
        init(html: String?, plain: String, shortened: String) {
            self.html = html
            self.plain = plain
            self.shortened = shortened
        }
    }

    private let locales: [String]
    private let slots: SharedSlots<Texts>

    init(locales: [String], products: Int) {
        self.locales = locales
        slots = SharedSlots(groups: locales.count, count: products)
    }

    /// The cached texts of `product` in `locale`, else `make()`'s (kept when the locale is one of the site's).
    func texts(locale: String, product: Int, make: () -> Texts) -> Texts {
        guard let position = locales.firstIndex(of: locale) else { return make() }
        return slots.value(group: position, index: product, make: make)
    }
}
