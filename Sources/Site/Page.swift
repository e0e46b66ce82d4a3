/// One page of the site, as a small value: which segment, which kind, which item. Its path, fingerprint and
/// bytes come from `SitePlan`.
public struct Page: Hashable, Sendable {
    public enum Kind: UInt8, Sendable {
        /// The fallback segment's index served at the site root.
        case root
        case index
        case category
        case product
        /// `404.html` at the site root, in the fallback segment's language, when the theme has `pages/not-found`.
        case notFound
    }

    public var segment: Int32
    public var kind: Kind
    /// The product index (product pages) or the category node (listings); 0 otherwise.
    public var item: Int32
    /// The listing page number, from 1.
    public var number: Int32

    public init(segment: Int32, kind: Kind, item: Int32 = 0, number: Int32 = 1) {
        self.segment = segment
        self.kind = kind
        self.item = item
        self.number = number
    }
}
