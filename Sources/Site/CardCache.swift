import Foundation
import Mustache

/// Per segment and product, what the product's card shows on every page of that segment whatever the page's depth
/// (everything but `url` and `image`, which climb back to the site root), made on first use and then shared: a
/// product is shown on its own page, its listings and its neighbours' pages, so W1 asks for each card about ten
/// times. A class, because the pages render on several threads and the cache fills as they go; one lock per
/// segment, held only to read or fill a slot, never while a card is made.
final class CardCache: @unchecked Sendable {
    /// The shared part of a card, and the page's own links below the site root, for `cardMap` to complete.
    /// A class: handing one out costs one retain, not one a field.
    final class Card: Sendable {
        let map: MustacheMap
        /// `SEGMENT/p/SLUG/`.
        let path: String
        /// The image's address when it does not depend on the page (else null, and `relativeImage` is set).
        let image: MustacheValue
        let relativeImage: String?
        init(map: MustacheMap, path: String, image: MustacheValue, relativeImage: String?) {
            self.map = map
            self.path = path
            self.image = image
            self.relativeImage = relativeImage
        }
    }

    private final class Slots: @unchecked Sendable {
        let lock = NSLock()
        var cards: [Card?]
        init(count: Int) { cards = [Card?](repeating: nil, count: count) }
    }

    private let segments: [Slots]

    init(segments: Int, products: Int) {
        self.segments = (0..<segments).map { _ in Slots(count: products) }
    }

    /// The cached card of `product` in `segment`, else `make()`'s (kept for the next page that asks).
    func card(segment: Int, product: Int, make: () -> Card) -> Card {
        let slots = segments[segment]
        slots.lock.lock()
        let cached = slots.cards[product]
        slots.lock.unlock()
        if let cached { return cached }
        // Two threads may both make it; they make the same map, and either copy will do.
        let made = make()
        slots.lock.lock()
        slots.cards[product] = made
        slots.lock.unlock()
        return made
    }
}
