import Foundation
import Mustache

/// Per segment and product, what the product's card shows on every page of that segment whatever the page's depth
/// (everything but `url` and `image`, which climb back to the site root), made on first use and then shared: a
/// product is shown on its own page, its listings and its neighbours' pages, so W1 asks for each card about ten
/// times. A class, because the pages render on several threads and the cache fills as they go (`SharedSlots`).
final class CardCache: Sendable {
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

    private let slots: SharedSlots<Card>

    init(segments: Int, products: Int) {
        slots = SharedSlots(groups: segments, count: products)
    }

    /// The cached card of `product` in `segment`, else `make()`'s (kept for the next page that asks).
    func card(segment: Int, product: Int, make: () -> Card) -> Card {
        slots.value(group: segment, index: product, make: make)
    }
}
