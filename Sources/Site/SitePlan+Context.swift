import Mustache
import Store

/// The values a page template sees. Every link is relative to the page (`root` climbs back to the site root),
/// so the site works from any folder and any host; the canonical link is absolute, on the store's base URL.
extension SitePlan {
    func context(_ page: Page) -> MustacheValue {
        // Passed on borrowed: a `let` copy of the segment's view would retain each of its fields.
        context(page, view: segments[Int(page.segment)])
    }

    private func context(_ page: Page, view: SegmentView) -> MustacheValue {
        // The 404 page answers any address, so its links start at the host's root.
        let root =
            switch page.kind {
            case .root: ""
            case .notFound: "/"
            default: String(repeating: "../", count: url(page).utf8.count { $0 == 0x2F })
            }
        var fields = common(page, view: view, root: root)
        switch page.kind {
        case .root, .index: fields += indexFields(view: view, root: root)
        case .notFound:
            // Only what its fingerprint covers: the top-level categories.
            fields += [
                ("title", .string(view.text("not_found_title") + " · " + store.settings.name)),
                ("categories", topCategories(view: view, root: root)),
            ]
        case .category: fields += categoryFields(page, view: view, root: root)
        case .product: fields += productFields(page, view: view, root: root)
        }
        if page.kind != .notFound { fields.append(("og", socialFields(page, view: view))) }
        return .map(MustacheMap(fields))
    }

    func common(_ page: Page, view: SegmentView, root: String) -> [(String, MustacheValue)] {
        let segmentID = view.definition.id
        let currentTop: Int =
            switch page.kind {
            case .category: Int(categories.rootOrdinal[Int(page.item)]) + 1
            case .product: Int(categories.rootOrdinal[Int(categories.nodeOfProduct[Int(page.item)])]) + 1
            case .root, .index, .notFound: 0
            }
        let nav = view.navigation[currentTop]
        let home = root + segmentID + "/"
        let segment = MustacheValue.map(
            MustacheMap([
                ("id", .string(segmentID)), ("name", .string(view.definition.name)), ("home", .string(home)),
                ("banner", view.banner.map { .string($0) } ?? .null),
                ("without_vat", .bool(view.definition.pricing.pricesWithoutVAT)),
            ]))
        return [
            ("lang", .string(view.locale)), ("dir", .string(view.direction)), ("t", view.table),
            ("root", .string(root)), ("store", storeValue), ("segment", segment), ("nav", nav),
            ("canonical", .string(canonical(page))), ("stylesheet", .string(root + (theme.assets["app.css"] ?? ""))),
            ("icon", theme.assets["icon.svg"].map { .string(root + $0) } ?? .null),
            ("coupon", view.coupon), ("search_label", .string(view.text("search"))),
        ]
    }

    package var baseURL: String { Self.baseURL(of: store) }

    static func baseURL(of store: LoadedStore) -> String {
        var base = store.settings.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The one public address of what this page shows: the fallback segment's copy (its index is the site root).
    func canonical(_ page: Page) -> String {
        switch page.kind {
        case .root, .index: return baseURL + "/"
        case .notFound: return ""
        case .category, .product:
            var same = page
            same.segment = Int32(fallback)
            return baseURL + "/" + url(same)
        }
    }

    // MARK: - Index

    private func indexFields(view: SegmentView, root: String) -> [(String, MustacheValue)] {
        let featured: [MustacheValue] = view.featured.map { node in
            .map(
                MustacheMap([
                    ("name", .string(categories.lineage(node).map { view.categoryNames[$0] }.joined(separator: " › "))),
                    ("name_lang", view.categoryLanguages[node]),
                    ("url", .string(root + listingURL(segment: view.definition.id, node: node, number: 1))),
                    (
                        "products",
                        .list(
                            view.listings[node].prefix(Self.featuredCount).map { card(Int($0), view: view, root: root) }
                        )
                    ),
                ]))
        }
        return [
            ("title", .string(store.settings.name)),
            ("best", .list(view.best.map { card(Int($0), view: view, root: root) })),
            ("featured", .list(featured)), ("categories", topCategories(view: view, root: root)),
        ]
    }

    /// Every top-level category with its count in this segment.
    private func topCategories(view: SegmentView, root: String) -> MustacheValue {
        .list(
            categories.roots.map { node in
                .map(
                    MustacheMap([
                        ("name", .string(view.categoryNames[node])), ("name_lang", view.categoryLanguages[node]),
                        ("url", .string(root + listingURL(segment: view.definition.id, node: node, number: 1))),
                        ("count", .string(countLabel(view.listings[node].count, view: view))),
                    ]))
            })
    }

    func countLabel(_ count: Int, view: SegmentView) -> String {
        view.text(count == 1 ? "products_one" : "products_many", [("count", view.format.integer(Int64(count)))])
    }

    // MARK: - Listings

    private func categoryFields(_ page: Page, view: SegmentView, root: String) -> [(String, MustacheValue)] {
        let node = Int(page.item)
        let number = Int(page.number)
        let segmentID = view.definition.id
        let listing = view.listings[node]
        let pageCount = max(1, (listing.count + theme.pageSize - 1) / theme.pageSize)
        let name = view.categoryNames[node]
        var crumbs = [crumb(view.text("home"), root + segmentID + "/", language: .null)]
        for ancestor in categories.lineage(node).dropLast() {
            crumbs.append(
                crumb(
                    view.categoryNames[ancestor], root + listingURL(segment: segmentID, node: ancestor, number: 1),
                    language: view.categoryLanguages[ancestor]))
        }
        let children: [MustacheValue] = categories.nodes[node].children.map { child in
            .map(
                MustacheMap([
                    ("name", .string(view.categoryNames[child])), ("name_lang", view.categoryLanguages[child]),
                    ("url", .string(root + listingURL(segment: segmentID, node: child, number: 1))),
                    ("count", .string(countLabel(view.listings[child].count, view: view))),
                ]))
        }
        var pagination = MustacheValue.null
        if pageCount > 1 {
            let link = { (target: Int) in root + listingURL(segment: segmentID, node: node, number: target) }
            // The first and last pages and two on either side of this one; a gap marks what is left out.
            var pages: [MustacheValue] = []
            var previousShown = 0
            for target in 1...pageCount where target == 1 || target == pageCount || abs(target - number) <= 2 {
                if target > previousShown + 1 { pages.append(.map(MustacheMap([("gap", .bool(true))]))) }
                previousShown = target
                pages.append(
                    .map(
                        MustacheMap([
                            ("label", .string(view.format.plain(Int64(target)))), ("url", .string(link(target))),
                            ("current", .bool(target == number)), ("gap", .bool(false)),
                        ])))
            }
            pagination = .map(
                MustacheMap([
                    ("pages", .list(pages)),
                    ("previous", number > 1 ? .string(link(number - 1)) : .null),
                    ("next", number < pageCount ? .string(link(number + 1)) : .null),
                ]))
        }
        let pageLabel =
            number > 1
            ? view.text(
                "page_of", [("page", view.format.plain(Int64(number))), ("pages", view.format.plain(Int64(pageCount)))])
            : ""
        return [
            (
                "title",
                .string(
                    number > 1 ? "\(name) · \(pageLabel) · \(store.settings.name)" : "\(name) · \(store.settings.name)")
            ),
            (
                "category",
                .map(
                    MustacheMap([
                        ("name", .string(name)), ("name_lang", view.categoryLanguages[node]),
                        ("page_label", .string(pageLabel)),
                    ]))
            ),
            ("breadcrumb", .list(crumbs)), ("subcategories", .list(children)),
            ("has_subcategories", .bool(!children.isEmpty)),
            ("count", .string(countLabel(listing.count, view: view))),
            ("products", .list(pageSlice(listing, number: number).map { card(Int($0), view: view, root: root) })),
            ("pagination", pagination),
        ]
    }

    private func crumb(_ name: String, _ url: String, language: MustacheValue) -> MustacheValue {
        .map(MustacheMap([("name", .string(name)), ("url", .string(url)), ("name_lang", language)]))
    }

    // MARK: - Products

    private func productFields(_ page: Page, view: SegmentView, root: String) -> [(String, MustacheValue)] {
        let index = Int(page.item)
        let product = store.products[index]
        let segmentID = view.definition.id
        var crumbs = [crumb(view.text("home"), root + segmentID + "/", language: .null)]
        for ancestor in categories.lineage(Int(categories.nodeOfProduct[index])) {
            crumbs.append(
                crumb(
                    view.categoryNames[ancestor], root + listingURL(segment: segmentID, node: ancestor, number: 1),
                    language: view.categoryLanguages[ancestor]))
        }
        var fields = cardMap(index, view: view, root: root)
        let description = product.translations[view.locale]?.description
        let texts = descriptionTexts(index, locale: view.locale)
        for (key, value) in [
            ("sku", product.sku.map { .string($0) } ?? .null),
            ("description", texts.html.map { .string($0) } ?? .null),
            (
                "description_lang",
                description == nil && view.locale != store.settings.defaultLocale
                    ? .string(store.settings.defaultLocale) : .null
            ),
            ("tags", .list(product.tags.map { .string($0) })),
        ] as [(String, MustacheValue)] {
            fields[key] = value
        }
        let name = product.name(in: view.locale)
        let price = SegmentPrice(
            product: product, pricing: view.definition.pricing, vatBasisPoints: store.settings.vatBasisPoints)
        var offer: [(String, ScriptJSON.Value)] = [
            ("@type", .string("Offer")), ("price", .string(price.amount.description)),
            ("priceCurrency", .string(store.settings.currency)),
            (
                "availability",
                .string(product.isInStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock")
            ),
        ]
        // The offer is this page's: its segment's price, so its own address, not the canonical one.
        offer.append(("url", .string(baseURL + "/" + url(page))))
        if view.definition.pricing.pricesWithoutVAT {
            offer.append(
                (
                    "priceSpecification",
                    .object([
                        ("@type", .string("UnitPriceSpecification")), ("price", .string(price.amount.description)),
                        ("priceCurrency", .string(store.settings.currency)),
                        ("valueAddedTaxIncluded", .number("false")),
                    ])
                ))
        }
        var jsonLD: [(String, ScriptJSON.Value)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("Product")), ("name", .string(name)),
        ]
        if let sku = product.sku { jsonLD.append(("sku", .string(sku))) }
        if let gtin = product.gtin { jsonLD.append(("gtin", .string(gtin))) }
        if let image = MerchantFeed.absoluteImage(product.image, baseURL: baseURL) {
            jsonLD.append(("image", .string(image)))
        }
        jsonLD.append(("description", .string(texts.plain)))
        if let rating = product.rating, product.reviewCount > 0 {
            jsonLD.append(
                (
                    "aggregateRating",
                    .object([
                        ("@type", .string("AggregateRating")),
                        ("ratingValue", .number(String(Double(Int((rating * 10).rounded())) / 10))),
                        ("reviewCount", .number(String(product.reviewCount))),
                    ])
                ))
        }
        jsonLD.append(("offers", .object(offer)))
        let neighbours = alsoBought(index).map { card(Int($0), view: view, root: root) }
        return [
            ("title", .string("\(name) · \(store.settings.name)")), ("product", .map(fields)),
            ("breadcrumb", .list(crumbs)),
            ("also_bought", .list(neighbours)), ("has_also_bought", .bool(!neighbours.isEmpty)),
            ("json_ld", .string(ScriptJSON.serialize(.object(jsonLD)))),
        ]
    }

    /// A product's description in `locale` as its page shows it (HTML, JSON-LD, social card), made once a locale.
    func descriptionTexts(_ index: Int, locale: String) -> DescriptionCache.Texts {
        descriptions.texts(locale: locale, product: index) {
            let text = store.products[index].description(in: locale)
            let plain = DescriptionHTML.plainText(text)
            return DescriptionCache.Texts(
                html: text.isEmpty ? nil : DescriptionHTML.render(text), plain: plain, shortened: Self.shortened(plain))
        }
    }

    /// What a product card shows, as this segment sees it.
    package func card(_ index: Int, view: SegmentView, root: String) -> MustacheValue {
        .map(cardMap(index, view: view, root: root))
    }

    /// The card's map: the segment's shared part (cached when `view` is the segment's own) with this page's links.
    private func cardMap(_ index: Int, view: SegmentView, root: String) -> MustacheMap {
        let card =
            if segments.indices.contains(view.index) && segments[view.index].locale == view.locale {
                cards.card(segment: view.index, product: index) { sharedCard(index, view: view) }
            } else {
                sharedCard(index, view: view)
            }
        // Both keys are in the shared part already: setting them keeps the card's field order.
        var map = card.map
        map["url"] = .string(root + card.path)
        map["image"] = card.relativeImage.map { .string(root + $0) } ?? card.image
        return map
    }

    private func sharedCard(_ index: Int, view: SegmentView) -> CardCache.Card {
        let product = store.products[index]
        var image = MustacheValue.null
        var relativeImage: String?
        switch Self.imageLink(product.image) {
        case .none: break
        case .fixed(let address): image = .string(address)
        case .belowRoot(let path): relativeImage = path
        }
        return CardCache.Card(
            map: cardBase(index, view: view), path: view.definition.id + "/p/" + product.slug + "/", image: image,
            relativeImage: relativeImage)
    }

    /// What a card shows in a segment on any page: `url` and `image` are placeholders (see `cardMap`).
    private func cardBase(_ index: Int, view: SegmentView) -> MustacheMap {
        let product = store.products[index]
        let currency = store.settings.currency
        let translated = product.translations[view.locale]?.name
        let price = SegmentPrice(
            product: product, pricing: view.definition.pricing, vatBasisPoints: store.settings.vatBasisPoints)
        let percent = view.strings["percent_pattern"] ?? "{n}%"
        let stockClass: String
        let stockLabel: String
        switch product.stock {
        case .some(0):
            (stockClass, stockLabel) = ("out", view.text("stock_out"))
        case .some(let count) where count <= theme.lowStock:
            (stockClass, stockLabel) = ("low", view.text("stock_low", [("count", view.format.integer(Int64(count)))]))
        default:
            (stockClass, stockLabel) = ("in", view.text("stock_in"))
        }
        var rating = MustacheValue.null
        if let value = product.rating, product.reviewCount > 0 {
            let tenths = Int64((value * 10).rounded())
            rating = .map(
                MustacheMap([
                    ("value", .string(view.format.tenths(tenths))),
                    ("percent", .int(Int(tenths * 2))),
                    ("label", .string(view.text("rating_label", [("rating", view.format.tenths(tenths))]))),
                    (
                        "reviews",
                        .string(
                            view.text(
                                product.reviewCount == 1 ? "reviews_one" : "reviews_many",
                                [("count", view.format.integer(Int64(product.reviewCount)))]))
                    ),
                ]))
        }
        return MustacheMap([
            ("name", .string(translated ?? product.name)),
            (
                "name_lang",
                translated == nil && view.locale != store.settings.defaultLocale
                    ? .string(store.settings.defaultLocale) : .null
            ),
            ("url", .null), ("slug", .string(product.slug)),
            ("tone", .int(Int(categories.rootOrdinal[Int(categories.nodeOfProduct[index])]) % 6)), ("image", .null),
            ("price", .string(view.format.money(price.amount, currency: currency))),
            ("compare_at", price.compareAt.map { .string(view.format.money($0, currency: currency)) } ?? .null),
            (
                "percent_off",
                price.percentOff > 0
                    ? .string(percent.replacingAll("{n}", with: view.format.plain(Int64(price.percentOff)))) : .null
            ),
            ("in_stock", .bool(product.isInStock)), ("stock_class", .string(stockClass)),
            ("stock_label", .string(stockLabel)), ("rating", rating),
        ])
    }

    /// An image address a page may load: http(s), or a path on the site; anything else (`javascript:`,
    /// `data:`) is dropped.
    func imageSource(_ image: String?, root: String) -> MustacheValue {
        switch Self.imageLink(image) {
        case .none: .null
        case .fixed(let address): .string(address)
        case .belowRoot(let path): .string(root + path)
        }
    }

    /// What `imageSource` makes of an image: nothing, an address any page uses as is, or one below the site root.
    enum ImageLink {
        case none
        case fixed(String)
        case belowRoot(String)
    }

    static func imageLink(_ image: String?) -> ImageLink {
        guard let image, !image.isEmpty else { return .none }
        let lower = image.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return .fixed(image) }
        if image.hasPrefix("//") || image.contains(":") || image.contains("\\") { return .none }
        if image.hasPrefix("/") { return .fixed(image) }
        return .belowRoot(image)
    }
}
