/// The addresses one recipient's message links to, decorated by the tracking stage: with tracking consent, each link
/// carries a signed token and there is an open pixel; without, links carry campaign-level UTM parameters only and
/// there is no pixel. Unsubscribing works either way.
public struct RecipientLinks: Sendable {
    /// `link(absoluteURL, target)`: the URL as the message shows it; `target` names what it points at (a product's
    /// slug, `home`, `wishlist`, `coupon`) for the click report.
    public var link: @Sendable (String, String) -> String
    /// The open pixel's URL; nil without tracking consent.
    public var pixel: String?
    /// The unsubscribe page (GET shows it, POST is RFC 8058's one-click).
    public var unsubscribe: String
    /// The page that turns tracking off for this recipient.
    public var privacy: String

    public init(
        link: @escaping @Sendable (String, String) -> String, pixel: String?, unsubscribe: String, privacy: String
    ) {
        self.link = link
        self.pixel = pixel
        self.unsubscribe = unsubscribe
        self.privacy = privacy
    }
}
