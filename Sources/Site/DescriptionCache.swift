import Foundation

/// Per locale and product, a product page's description as HTML, as plain text (JSON-LD) and shortened (the
/// social card), made on first use: the eight segments of W1 speak three languages, so each is asked for up to
/// eight times. Same locking as `CardCache`.
final class DescriptionCache: @unchecked Sendable {
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

    private final class Slots: @unchecked Sendable {
        let lock = NSLock()
        var texts: [Texts?]
        init(count: Int) { texts = [Texts?](repeating: nil, count: count) }
    }

    private let locales: [String]
    private let slots: [Slots]

    init(locales: [String], products: Int) {
        self.locales = locales
        slots = locales.map { _ in Slots(count: products) }
    }

    /// The cached texts of `product` in `locale`, else `make()`'s (kept when the locale is one of the site's).
    func texts(locale: String, product: Int, make: () -> Texts) -> Texts {
        guard let position = locales.firstIndex(of: locale) else { return make() }
        let slots = slots[position]
        slots.lock.lock()
        let cached = slots.texts[product]
        slots.lock.unlock()
        if let cached { return cached }
        let made = make()
        slots.lock.lock()
        slots.texts[product] = made
        slots.lock.unlock()
        return made
    }
}
