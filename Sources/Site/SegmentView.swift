import Diagnostics
import Mustache
import Publishing
import Store
import TextFormats

/// What every page of one segment shares, made once: its locale and string table, its product order and the
/// listing of each category in that order, its navigation, its coupon on the build date, and the fingerprint of
/// all of that.
package struct SegmentView: Sendable {
    /// Its position in `segments.json`.
    package var index: Int
    package var definition: SegmentDefinition
    package var locale: String
    package var direction: String
    package var strings: [String: String]
    package var format: LocaleFormat
    /// The string table as the templates' `t`.
    var table: MustacheValue
    /// Per category node, the segment's products in it or below it, in the segment's order.
    var listings: [[Int32]]
    /// The segment's best sellers in stock (the index).
    var best: [Int32]
    /// Featured category nodes that exist.
    var featured: [Int]
    var coupon: MustacheValue
    var banner: String?
    /// The top-level categories for the header (URLs from the site root: templates prefix `root`), one list per
    /// current top-level category (0: none), made once and shared by every page.
    var navigation: [MustacheValue]
    /// Per category node, its name on this segment's pages: the string table's `category:NAME` when it has one,
    /// else the catalog's; and the language to mark it with when that is not the page's (else null).
    var categoryNames: [String]
    var categoryLanguages: [MustacheValue]
    var base: Fingerprint

    static let rightToLeft: Set<String> = ["ar", "fa", "he", "ur", "ps", "yi"]

    init(
        index: Int, inputs: SiteInputs, categories: CategoryTree, fallbackID: String, locale: String? = nil,
        diagnostics: inout DiagnosticEngine
    ) {
        let store = inputs.store
        self.index = index
        definition = store.segments[index]
        let defaultLocale = store.settings.defaultLocale
        self.locale = locale ?? definition.locale ?? defaultLocale
        let locale = self.locale
        direction = Self.rightToLeft.contains(locale) ? "rtl" : "ltr"
        // The locale's table over the default locale's over English: a missing key still says something.
        var strings = inputs.theme.strings["en"] ?? [:]
        strings.merge(inputs.theme.strings[defaultLocale] ?? [:]) { $1 }
        strings.merge(inputs.theme.strings[locale] ?? [:]) { $1 }
        self.strings = strings
        format = LocaleFormat(strings: strings)
        table = .map(MustacheMap(strings.sorted { $0.key < $1.key }.map { ($0.key, MustacheValue.string($0.value)) }))
        banner = definition.banner[locale] ?? definition.banner[defaultLocale]

        // The segment's order: its ranking first, then in-stock before out-of-stock, most reviewed first,
        // then catalog order.
        var placed = [Bool](repeating: false, count: store.products.count)
        var order: [Int32] = []
        order.reserveCapacity(store.products.count)
        if index < inputs.ranking.count {
            for product in inputs.ranking[index] where product >= 0 && Int(product) < placed.count {
                if !placed[Int(product)] {
                    placed[Int(product)] = true
                    order.append(product)
                }
            }
        }
        let rest = store.products.indices.filter { !placed[$0] }.sorted { left, right in
            let a = store.products[left]
            let b = store.products[right]
            if a.isInStock != b.isInStock { return a.isInStock }
            if a.reviewCount != b.reviewCount { return a.reviewCount > b.reviewCount }
            return left < right
        }
        order += rest.map { Int32($0) }
        var listings = [[Int32]](repeating: [], count: categories.nodes.count)
        for product in order {
            var node: Int? = Int(categories.nodeOfProduct[Int(product)])
            while let current = node {
                listings[current].append(product)
                node = categories.nodes[current].parent
            }
        }
        self.listings = listings
        best = Array(order.lazy.filter { store.products[Int($0)].isInStock }.prefix(SitePlan.bestCount))
        featured = definition.featuredCategories.compactMap { categories.node(of: $0) }
        let roots = categories.roots
        let segmentID = definition.id
        let catalogLanguage: MustacheValue = locale == defaultLocale ? .null : .string(defaultLocale)
        var categoryNames: [String] = []
        var categoryLanguages: [MustacheValue] = []
        for node in categories.nodes {
            let name = node.path.last ?? ""
            if let translated = strings["category:" + name] {
                categoryNames.append(translated)
                categoryLanguages.append(.null)
            } else {
                categoryNames.append(name)
                categoryLanguages.append(catalogLanguage)
            }
        }
        self.categoryNames = categoryNames
        self.categoryLanguages = categoryLanguages
        navigation = (0...roots.count).map { current in
            .list(
                roots.enumerated().map { ordinal, node in
                    .map(
                        MustacheMap([
                            ("name", .string(categoryNames[node])), ("name_lang", categoryLanguages[node]),
                            ("url", .string(segmentID + "/c/" + categories.nodes[node].slugPath + "/")),
                            ("current", .bool(ordinal + 1 == current)),
                        ]))
                })
        }

        // The coupon, when it exists and is valid on the build date (days inclusive).
        let format = self.format
        var couponFacts = "none"
        coupon = .null
        if let id = definition.coupon, let found = store.coupons.first(where: { $0.id == id }) {
            let day = inputs.buildDate.day
            let started = found.validFrom.map { $0.day <= day } ?? true
            let open = found.validUntil.map { day <= $0.day } ?? true
            if started && open {
                let discount = Self.discount(found, strings: strings, format: format, currency: store.settings.currency)
                var fields: [(String, MustacheValue)] = [
                    ("code", found.kind == .segment ? found.code.map { .string($0) } ?? .null : .null),
                    ("personal", .bool(found.kind == .unique)), ("discount", .string(discount)),
                ]
                let offer = Self.offer(found, strings: strings, format: format, currency: store.settings.currency)
                fields.append(("offer", .string(offer)))
                fields.append(
                    (
                        "until",
                        found.validUntil.map {
                            .string(Self.fill(strings["coupon_until"] ?? "{date}", [("date", format.date($0))]))
                        } ?? .null
                    ))
                coupon = .map(MustacheMap(fields))
                couponFacts =
                    "\(found.id)|\(found.code ?? "")|\(found.kind.rawValue)|\(discount)|"
                    + "\(found.minimumSpend?.minorUnits ?? -1)|\(found.validUntil?.isoDate ?? "")"
            }
        }

        var base = Fingerprint()
        base.add(SitePlan.formatVersion)
        let settings = store.settings
        for text in [settings.name, settings.baseURL, settings.currency, defaultLocale, fallbackID] { base.add(text) }
        base.add(Int(settings.vatBasisPoints))
        base.add(definition.id)
        base.add(definition.name)
        base.add(locale)
        base.add(Int(definition.pricing.percentOffBasisPoints))
        base.add(definition.pricing.pricesWithoutVAT ? 1 : 0)
        base.add(banner ?? "\u{0}")
        base.add(couponFacts)
        for (key, value) in strings.sorted(by: { $0.key < $1.key }) {
            base.add(key)
            base.add(value)
        }
        for node in categories.roots {
            base.add(categories.nodes[node].slugPath)
            base.add(categories.nodes[node].path.last ?? "")
        }
        for node in featured { base.add(categories.nodes[node].slugPath) }
        self.base = base
    }

    package func text(_ key: String) -> String { strings[key] ?? key }

    /// A string of the table with `{name}` placeholders filled.
    package func text(_ key: String, _ values: [(String, String)]) -> String { Self.fill(text(key), values) }

    /// A coupon's discount in this segment's words: `15%`, `5,00 €`.
    package func discount(_ coupon: Coupon, currency: String) -> String {
        Self.discount(coupon, strings: strings, format: format, currency: currency)
    }

    /// "Save 15% on orders of 40,00 € or more."
    package func offer(_ coupon: Coupon, currency: String) -> String {
        Self.offer(coupon, strings: strings, format: format, currency: currency)
    }

    static func discount(_ coupon: Coupon, strings: [String: String], format: LocaleFormat, currency: String) -> String
    {
        switch coupon.discount {
        case .percent(let basisPoints):
            (strings["percent_pattern"] ?? "{n}%").replacingAll("{n}", with: format.plain(basisPoints / 100))
        case .amount(let money): format.money(money, currency: currency)
        }
    }

    static func offer(_ coupon: Coupon, strings: [String: String], format: LocaleFormat, currency: String) -> String {
        let discount = discount(coupon, strings: strings, format: format, currency: currency)
        guard let minimum = coupon.minimumSpend.map({ format.money($0, currency: currency) }) else {
            return fill(strings["coupon_offer"] ?? "", [("discount", discount)])
        }
        return fill(strings["coupon_offer_minimum"] ?? "", [("discount", discount), ("minimum", minimum)])
    }

    static func fill(_ text: String, _ values: [(String, String)]) -> String {
        var result = text
        for (name, value) in values { result = result.replacingAll("{\(name)}", with: value) }
        return result
    }
}
