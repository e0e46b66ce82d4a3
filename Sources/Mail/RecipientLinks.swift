/// The addresses one recipient's message links to, decorated by the tracking stage: with tracking consent, each link
/// carries a signed token and there is an open pixel; without, links carry campaign-level UTM parameters only and
/// there is no pixel. Unsubscribing works either way.
public struct RecipientLinks: Sendable {
    /// What a link points at, for the click report: a product (named by its slug there) or one of the store's pages.
    /// A product by its index, so the decorator finds its tag in an array, not by hashing the slug on every link.
    public enum Target: Sendable, Hashable {
        /// The product at this index in `store.products`.
        case product(Int32)
        case home
        case wishlist
        case coupon

        /// The store's pages a message links to, besides products (what the click report counts by name).
        public static let pages: [Target] = [.home, .wishlist, .coupon]

        /// The name of a page target in the click report; nil for a product, which the report names by its slug.
        public var pageName: String? {
            switch self {
            case .product: nil
            case .home: "home"
            case .wishlist: "wishlist"
            case .coupon: "coupon"
            }
        }
    }

    /// `link(absoluteURL, target)`: the URL as the message shows it.
    public var link: @Sendable (String, Target) -> String
    /// The open pixel's URL; nil without tracking consent.
    public var pixel: String?
    /// The unsubscribe page (GET shows it, POST is RFC 8058's one-click).
    public var unsubscribe: String
    /// The page that turns tracking off for this recipient.
    public var privacy: String

    public init(
        link: @escaping @Sendable (String, Target) -> String, pixel: String?, unsubscribe: String, privacy: String
    ) {
        self.link = link
        self.pixel = pixel
        self.unsubscribe = unsubscribe
        self.privacy = privacy
    }
}
