import Foundation
import Mustache

/// The product cards of a campaign's views, shared by the composing workers: in a campaign, the same products recur
/// in thousands of messages of each view, and only their decorated link differs. A card costs as much to make as a
/// tenth of a message, and a view of a large catalog has thousands of distinct ones, so the workers make each once
/// between them instead of once each.
///
/// Workers compose view by view (`CampaignPlan.composingOrder`), so a few views are in progress at once: the table
/// keeps `viewsKept` of them and drops the lowest-numbered (finished) view when another starts, which bounds its
/// memory to a few views' cards (under 2 KiB each). Lookups and insertions are separate calls, so the caller makes a
/// missing card outside the lock (and without a closure, which would copy the plan it captures on every lookup).
final class CardTable: @unchecked Sendable {
    /// A card as every recipient of its view sees it, and the link each recipient's message decorates.
    struct Card: Sendable {
        var fields: MustacheMap
        /// The product page, absolute and undecorated.
        var url: String
        /// The product (index in `store.products`): the link's target.
        var product: Int32
        /// Where `url` is in `fields`, found once: each message sets its decorated link there.
        var urlPosition: Int?
    }

    static let viewsKept = 3

    private let lock = NSLock()
    private let productCount: Int
    /// The views kept, each with a slot per product.
    private var views: [(number: Int32, cards: [Card?])] = []

    init(productCount: Int) { self.productCount = productCount }

    /// The card of `product` (an index in `store.products`) in the view numbered `view`, if a worker made it.
    func card(view: Int32, product: Int32) -> Card? {
        lock.lock()
        defer { lock.unlock() }
        for entry in views.indices where views[entry].number == view { return views[entry].cards[Int(product)] }
        return nil
    }

    /// Keeps a card a worker made (two may make the same card; either is kept).
    func insert(_ card: Card, view: Int32, product: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if let entry = views.firstIndex(where: { $0.number == view }) {
            views[entry].cards[Int(product)] = card
            return
        }
        if views.count >= Self.viewsKept, let oldest = views.indices.min(by: { views[$0].number < views[$1].number }) {
            views.remove(at: oldest)
        }
        var cards = [Card?](repeating: nil, count: productCount)
        cards[Int(product)] = card
        views.append((view, cards))
    }
}
