import Mustache

/// A composing worker's product cards, keyed by the view they were made for (segment and locale): in a campaign,
/// the same popular products recur in thousands of messages of each view, and only their decorated link differs.
/// Each worker owns one (inside its `Newsletter`), so nothing is shared between threads.
struct CardCache: Sendable {
    struct Key: Hashable, Sendable {
        /// `ViewParts.number`.
        var view: Int32
        var product: Int32
    }

    /// A card as every recipient of its view sees it, and the link each recipient's message decorates.
    struct Card: Sendable {
        var fields: MustacheMap
        /// The product page, absolute and undecorated.
        var url: String
        /// The link's target (the click report names the product by it).
        var slug: String
    }

    /// Cards kept before the cache starts over: bounds a worker's memory (a card is under 2 KiB).
    static let capacity = 20_000

    var cards: [Key: Card] = [:]
}
