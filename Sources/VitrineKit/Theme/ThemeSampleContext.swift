import Diagnostics
import Foundation
import Mail
import Mustache
import Site
import Store
import TextFormats

/// What a theme's page and e-mail templates can name, made from a store's own data, so `vitrine theme check`
/// renders every template in strict mode against real values: a misspelt `{{product.nmae}}` is an error with its
/// place, not an empty string on a live page.
///
/// Names: `store` (name, base_url, currency, locale, locales, dir), `categories` (name, path, slug),
/// `products` and `product` (id, sku, gtin, slug, url, name, description, price, compare_at_price, on_sale,
/// currency, category, category_path, tags, image, in_stock, stock, rating, review_count, consumable, group),
/// `segments` and `segment` (id, name, banner, percent_off, prices_without_vat), `coupons` (id, kind, code,
/// code_prefix, discount, minimum_spend, valid_from, valid_until), `campaigns` and `campaign` (id, subject,
/// preheader, template, coupon, send_date). Texts are in the store's default locale.
///
/// With the theme's folders, also what `vitrine build` gives page templates (`SitePlan.context`), merged over the
/// above: `lang`, `dir`, `t` (the string table), `root`, `canonical`, `stylesheet`, `title`, `nav` (name, url,
/// current), `store` (+ address), `segment` (+ home, without_vat), `coupon` (offer, code, personal, until);
/// the index's `best`, `featured` (name, url, products) and `categories` (name, url, count); a listing's
/// `category` (name, page_label), `breadcrumb` (name, url), `subcategories`, `has_subcategories`, `count`,
/// `products` and `pagination` (pages: label, url, current; previous, next); a product page's `product` (+ slug,
/// name_lang, image, price, compare_at, percent_off, stock_class, stock_label, rating: value, percent, label,
/// reviews; description as sanitised HTML, description_lang), `also_bought`, `has_also_bought` and `json_ld`.
/// Cards (`best`, `products`, `also_bought`) carry the product page's card fields.
/// And the personal pages' names (`PersonalPlan.sampleContext`, docs/personal-pages.md): a wish list's `heading`,
/// `items`, `picks`, `gift_url`; a gift view's `gift_items`; a coupon page's `coupon_page`.
public enum ThemeSampleContext {
    public static func make(_ store: LoadedStore, siteDirectories: [String]) -> MustacheValue {
        var ignored = DiagnosticEngine()
        let theme = SiteThemeLoader.load(directories: siteDirectories, diagnostics: &ignored).theme
        let inputs = SiteInputs(
            store: store, ranking: [], neighbours: [],
            buildDate: Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)), theme: theme)
        guard let plan = SitePlan.make(inputs, diagnostics: &ignored) else { return make(store) }
        let pages = SitePlan.merge(
            SitePlan.merge(make(store), plan.sampleContext()), PersonalPlan.sampleContext(site: plan))
        return SitePlan.merge(pages, CampaignPlan.sampleContext(site: plan))
    }

    public static func make(_ store: LoadedStore) -> MustacheValue {
        let locale = store.settings.defaultLocale
        let products = store.products.map { product(for: $0, locale: locale) }
        let segments = store.segments.map { segment($0, locale: locale) }
        let campaigns = store.campaigns.map { campaign($0, locale: locale) }
        var categories: [[String]] = []
        var seen = Set<[String]>()
        for product in store.products where seen.insert(product.category).inserted {
            categories.append(product.category)
        }
        return .map(
            MustacheMap([
                (
                    "store",
                    .map(
                        MustacheMap([
                            ("name", .string(store.settings.name)), ("base_url", .string(store.settings.baseURL)),
                            ("currency", .string(store.settings.currency)), ("locale", .string(locale)),
                            ("locales", .list(store.settings.locales.map { .string($0) })),
                            ("dir", .string(rightToLeftLocales.contains(locale) ? "rtl" : "ltr")),
                        ]))
                ),
                (
                    "categories",
                    .list(
                        categories.map { path in
                            .map(
                                MustacheMap([
                                    ("name", .string(path.last ?? "")),
                                    ("path", .string(path.joined(separator: " > "))),
                                    ("slug", .string(path.map(Slug.make(from:)).joined(separator: "/"))),
                                ]))
                        })
                ),
                ("products", .list(products)), ("product", products.first ?? .null),
                ("segments", .list(segments)), ("segment", segments.first ?? .null),
                ("coupons", .list(store.coupons.map(coupon))),
                ("campaigns", .list(campaigns)), ("campaign", campaigns.first ?? .null),
            ]))
    }

    /// Languages written right to left among those a store may use.
    static let rightToLeftLocales: Set<String> = ["ar", "fa", "he", "ur", "ps", "yi"]

    static func product(for product: Product, locale: String) -> MustacheValue {
        var fields: [(String, MustacheValue)] = [
            ("id", .string(product.id)), ("sku", optional(product.sku)), ("gtin", optional(product.gtin)),
            ("slug", .string(product.slug)), ("url", .string("p/\(product.slug)/")),
            ("name", .string(product.name(in: locale))),
            ("description", .string(product.description(in: locale))),
        ]
        let onSale = (product.compareAtPrice ?? .zero) > product.price
        fields += [
            ("price", .string(product.price.description)),
            ("compare_at_price", optional(product.compareAtPrice?.description)), ("on_sale", .bool(onSale)),
            ("category", .string(product.category.joined(separator: " > "))),
            ("category_path", .list(product.category.map { MustacheValue.string($0) })),
            ("tags", .list(product.tags.map { MustacheValue.string($0) })), ("image", optional(product.image)),
        ]
        let stock: MustacheValue = product.stock.map { .int($0) } ?? .null
        let rating: MustacheValue = product.rating.map { .double($0) } ?? .null
        fields += [
            ("in_stock", .bool(product.isInStock)), ("stock", stock), ("rating", rating),
            ("review_count", .int(product.reviewCount)), ("consumable", .bool(product.consumable)),
            ("group", optional(product.group)),
        ]
        return .map(MustacheMap(fields))
    }

    static func segment(_ segment: SegmentDefinition, locale: String) -> MustacheValue {
        .map(
            MustacheMap([
                ("id", .string(segment.id)), ("name", .string(segment.name)),
                ("banner", optional(segment.banner[locale])),
                ("percent_off", .double(Double(segment.pricing.percentOffBasisPoints) / 100)),
                ("prices_without_vat", .bool(segment.pricing.pricesWithoutVAT)),
            ]))
    }

    static func coupon(_ coupon: Coupon) -> MustacheValue {
        let discount: String =
            switch coupon.discount {
            case .percent(let basisPoints): "\(Double(basisPoints) / 100)%"
            case .amount(let money): money.description
            }
        return .map(
            MustacheMap([
                ("id", .string(coupon.id)), ("kind", .string(coupon.kind.rawValue)), ("code", optional(coupon.code)),
                ("code_prefix", optional(coupon.codePrefix)), ("discount", .string(discount)),
                ("minimum_spend", optional(coupon.minimumSpend?.description)),
                ("valid_from", optional(coupon.validFrom?.isoDate)),
                ("valid_until", optional(coupon.validUntil?.isoDate)),
            ]))
    }

    static func campaign(_ campaign: Campaign, locale: String) -> MustacheValue {
        .map(
            MustacheMap([
                ("id", .string(campaign.id)), ("subject", optional(campaign.subject[locale])),
                ("preheader", optional(campaign.preheader[locale])), ("template", .string(campaign.template)),
                ("coupon", optional(campaign.coupon)), ("send_date", optional(campaign.sendDate?.isoDate)),
            ]))
    }

    private static func optional(_ text: String?) -> MustacheValue { text.map { .string($0) } ?? .null }
}
