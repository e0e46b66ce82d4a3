import Mustache
import Store

/// Open Graph (ogp.me) and Twitter card fields for the `partials/social` head partial: what a link to the page
/// shows when shared. Everything here is on the page already (title, canonical address, image, description), so
/// the page's fingerprint covers it.
extension SitePlan {
    /// `og:locale` wants `language_TERRITORY`.
    static let openGraphLocales = ["en": "en_US", "el": "el_GR", "fa": "fa_IR"]
    /// Long enough for a card; cut at a word.
    static let socialDescriptionLimit = 200

    func socialFields(_ page: Page, view: SegmentView) -> MustacheValue {
        let address = canonical(page)
        var type = "website"
        var title = store.settings.name
        var description = store.settings.name
        var image: String?
        switch page.kind {
        case .product:
            let product = store.products[Int(page.item)]
            type = "product"
            title = product.name(in: view.locale)
            let texts = descriptionTexts(Int(page.item), locale: view.locale)
            if !texts.plain.isEmpty { description = texts.shortened }
            image = MerchantFeed.absoluteImage(product.image, baseURL: baseURL)
        case .category:
            let node = Int(page.item)
            title = view.categoryNames[node]
            description = title + " · " + countLabel(view.listings[node].count, view: view)
        case .root, .index, .notFound:
            break
        }
        return .map(
            MustacheMap([
                ("type", .string(type)), ("title", .string(title)), ("description", .string(description)),
                ("url", .string(address)), ("site_name", .string(store.settings.name)),
                ("locale", .string(Self.openGraphLocales[view.locale] ?? view.locale)),
                ("image", image.map { .string($0) } ?? .null),
                ("card", .string(image == nil ? "summary" : "summary_large_image")),
            ]))
    }

    /// At most `socialDescriptionLimit` characters, cut at the last space before the limit, with an ellipsis.
    static func shortened(_ text: String) -> String {
        guard text.utf8.count > socialDescriptionLimit else { return text }
        var cut = String(text.prefix(socialDescriptionLimit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }
}
