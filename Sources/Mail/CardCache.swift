import Mustache

/// A composing worker's product cards, keyed by the view they were made for (segment and locale): in a campaign,
/// the same popular products recur in thousands of messages of each view, and only their decorated link differs.
/// Each worker owns one (inside its `Newsletter`), so nothing is shared between threads.
struct CardCache: Sendable {
    struct Key: Hashable, Sendable {
        var segment: Int32
        var locale: String
        var product: Int32
    }

    /// Cards kept before the cache starts over: bounds a worker's memory (a card is under 2 KiB).
    static let capacity = 20_000

    var cards: [Key: MustacheMap] = [:]
}
