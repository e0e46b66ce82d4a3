import Foundation
import Mustache

/// The product cards of a campaign's views, shared by the composing workers: in a campaign, the same products recur
/// in thousands of messages of each view, and only their decorated link differs. A card costs as much to make as a
/// tenth of a message, and a view of a large catalog has thousands of distinct ones, so the workers make each once
/// between them instead of once each.
///
/// Workers compose view by view (`CampaignPlan.composingOrder`), so a few views are in progress at once: the table
/// keeps `viewsKept` of them and drops the lowest-numbered (finished) view when another starts, which bounds its
/// memory to a few views' cards (under 2 KiB each).
final class CardTable: @unchecked Sendable {
    /// A card as every recipient of its view sees it, and the link each recipient's message decorates.
    struct Card: Sendable {
        var fields: MustacheMap
        /// The product page, absolute and undecorated.
        var url: String
        /// The link's target (the click report names the product by it).
        var slug: String
    }

    static let viewsKept = 3

    private let lock = NSLock()
    /// View number (`ViewParts.number`) → product index → card.
    private var views: [Int32: [Int32: Card]] = [:]

    /// The card of `product` in `view`, made by `make` the first time (outside the lock: two workers may both make
    /// it, and make the same card).
    func card(view: Int32, product: Int32, make: () -> Card) -> Card {
        lock.lock()
        let found = views[view]?[product]
        lock.unlock()
        if let found { return found }
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if views[view] == nil, views.count >= Self.viewsKept, let oldest = views.keys.min() {
            views[oldest] = nil
        }
        views[view, default: [:]][product] = made
        return made
    }
}
