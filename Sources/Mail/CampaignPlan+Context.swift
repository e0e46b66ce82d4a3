import Mustache
import Site
import Store

/// What the e-mail templates see. Every link is absolute and decorated for the recipient; nothing names the
/// recipient beyond their first name; the text template gets the same values, unescaped.
extension CampaignPlan {
    func context(
        _ recipient: Audience.Recipient, view: SegmentView, links: RecipientLinks, cards cache: inout CardCache
    ) -> MustacheValue {
        let store = site.store
        let customer = store.customers[Int(recipient.customer)]
        let base = site.baseURL
        let home = base + "/" + view.definition.id + "/"
        let rightToLeft = view.direction == "rtl"
        let firstName = customer.firstName
        let greeting =
            firstName.isEmpty ? view.text("email_greeting") : view.text("email_greeting_named", [("name", firstName)])
        let preheader =
            campaign.preheader[view.locale] ?? campaign.preheader[store.settings.defaultLocale] ?? ""

        let table = tables[Int(recipient.segment)][view.locale] ?? Self.table(view)
        var fields: [(String, MustacheValue)] = [
            ("lang", .string(view.locale)), ("dir", .string(view.direction)),
            ("align", .string(rightToLeft ? "right" : "left")), ("align_end", .string(rightToLeft ? "left" : "right")),
            ("subject", .string(subject(locale: view.locale))), ("preheader", .string(preheader)),
            ("greeting", .string(greeting)), ("t", .map(table)),
            (
                "store",
                .map(
                    MustacheMap([
                        ("name", .string(store.settings.name)), ("url", .string(links.link(home, "home"))),
                        ("address", .string(store.settings.postalAddress)),
                    ]))
            ),
            ("reason", .string(view.text("email_reason", [("store", store.settings.name)]))),
            ("unsubscribe_url", .string(links.unsubscribe)), ("privacy_url", .string(links.privacy)),
            ("pixel_url", links.pixel.map { .string($0) } ?? .null),
        ]
        fields.append(("offer", offer(recipient, view: view, links: links)))

        fields.append(
            (
                "segment",
                .map(
                    MustacheMap([
                        ("id", .string(view.definition.id)),
                        ("without_vat", .bool(view.definition.pricing.pricesWithoutVAT)),
                    ]))
            ))
        // The HTML lays picks out two to a row (a table each row: what every mail client renders alike).
        let cards = productCards(recipient, view: view, links: links, cache: &cache)
        fields.append(("picks", .list(cards)))
        fields.append(("has_picks", .bool(!cards.isEmpty)))
        let rows = stride(from: 0, to: cards.count, by: 2).map { start in
            MustacheValue.map(MustacheMap([("cells", .list(Array(cards[start..<min(cards.count, start + 2)])))]))
        }
        fields.append(("pick_rows", .list(rows)))
        let wished = wishlist(recipient, view: view, links: links, cache: &cache)
        fields.append(("wishlist", .list(wished)))
        fields.append(("has_wishlist", .bool(!wished.isEmpty)))
        let wishlistPage = personal.tokens[.wishlist(customer: recipient.customer)].map {
            links.link(base + "/w/" + $0 + "/", "wishlist")
        }
        fields.append(("wishlist_url", wishlistPage.map { .string($0) } ?? .null))
        return .map(MustacheMap(fields))
    }

    /// The segment's string table (`t.email_…` in the templates).
    static func table(_ view: SegmentView) -> MustacheMap {
        MustacheMap(view.strings.sorted { $0.key < $1.key }.map { ($0.key, MustacheValue.string($0.value)) })
    }

    /// The campaign's coupon, else the segment's, when valid on the send day: a unique coupon shows the customer's
    /// own code and links to its page; a segment coupon shows the shared code.
    func offer(_ recipient: Audience.Recipient, view: SegmentView, links: RecipientLinks) -> MustacheValue {
        let store = site.store
        let segmentCoupon = view.definition.coupon.flatMap { id in store.coupons.first { $0.id == id } }
        guard let found = coupon ?? segmentCoupon, personal.validity(found) == .valid else { return .null }
        let currency = store.settings.currency
        let customerID = store.customers[Int(recipient.customer)].id
        var code: String?
        var page: String?
        switch found.kind {
        case .segment:
            code = found.code
            if found.id == view.definition.coupon {
                page = links.link(site.baseURL + "/" + view.definition.id + "/coupon/", "coupon")
            }
        case .unique:
            code = tokens.couponCode(prefix: found.codePrefix ?? "", coupon: found.id, customer: customerID)
            if let index = store.coupons.firstIndex(of: found),
                let token = personal.tokens[.coupon(coupon: Int32(index), customer: recipient.customer)]
            {
                page = links.link(site.baseURL + "/k/" + token + "/", "coupon")
            }
        }
        guard let code else { return .null }
        return .map(
            MustacheMap([
                ("code", .string(code)), ("discount", .string(view.discount(found, currency: currency))),
                ("offer", .string(view.offer(found, currency: currency))),
                (
                    "until",
                    found.validUntil.map { .string(view.text("coupon_until", [("date", view.format.date($0))])) }
                        ?? .null
                ),
                ("url", page.map { .string($0) } ?? .null), ("personal", .bool(found.kind == .unique)),
            ]))
    }

    /// Up to `pickCount` recommended products in stock and not on the wish list, as product cards with absolute,
    /// decorated links.
    func productCards(
        _ recipient: Audience.Recipient, view: SegmentView, links: RecipientLinks, cache: inout CardCache
    ) -> [MustacheValue] {
        let store = site.store
        let wished = Set(personal.wishlist(recipient.customer).map(\.product))
        var cards: [MustacheValue] = []
        for product in picks[recipient.customer] ?? []
        where product >= 0 && Int(product) < store.products.count && store.products[Int(product)].isInStock
            && !wished.contains(product)
        {
            cards.append(card(Int(product), view: view, links: links, segment: recipient.segment, cache: &cache))
            if cards.count == Self.pickCount { break }
        }
        return cards
    }

    /// Up to `wishlistCount` wish-list items in stock, those that dropped in price first (the largest drop first),
    /// each with its drop and its "back in stock" mark.
    func wishlist(
        _ recipient: Audience.Recipient, view: SegmentView, links: RecipientLinks, cache: inout CardCache
    ) -> [MustacheValue] {
        let store = site.store
        let currency = store.settings.currency
        var items: [(drop: Int64, order: Int, value: MustacheValue)] = []
        for (order, index) in (personal.entries[recipient.customer] ?? []).enumerated() {
            let entry = store.wishlists[index]
            let product = store.products[Int(entry.product)]
            guard product.isInStock else { continue }
            let now = SegmentPrice(
                product: product, pricing: view.definition.pricing, vatBasisPoints: store.settings.vatBasisPoints
            ).amount
            var drop: Int64 = 0
            var label = MustacheValue.null
            if let then = personal.priceThen(entryIndex: index, view: view), then.minorUnits > now.minorUnits {
                drop = then.minorUnits - now.minorUnits
                label = .string(
                    view.text(
                        "wishlist_drop",
                        [
                            ("amount", view.format.money(Money(minorUnits: drop), currency: currency)),
                            ("then", view.format.money(then, currency: currency)),
                        ]))
            }
            let back: MustacheValue =
                personal.isBackInStock(entry) ? .string(view.text("wishlist_back_in_stock")) : .null
            let extra = MustacheValue.map(MustacheMap([("drop", label), ("back_in_stock", back)]))
            let card = card(Int(entry.product), view: view, links: links, segment: recipient.segment, cache: &cache)
            items.append((drop, order, SitePlan.merge(card, extra)))
        }
        items.sort { $0.drop != $1.drop ? $0.drop > $1.drop : $0.order < $1.order }
        return items.prefix(Self.wishlistCount).map(\.value)
    }

    /// The site's product card with an absolute, decorated link, an absolute image, and for a product without an
    /// image its initial on its category's tone (inline colours: mail clients drop style sheets). Everything but the
    /// decorated link is the same for every recipient of a view, so it comes from the worker's cache.
    func card(
        _ product: Int, view: SegmentView, links: RecipientLinks, segment: Int32, cache: inout CardCache
    ) -> MustacheValue {
        let base = site.baseURL + "/"
        let slug = site.store.products[product].slug
        let key = CardCache.Key(segment: segment, locale: view.locale, product: Int32(product))
        let shared: MustacheMap
        if let cached = cache.cards[key] {
            shared = cached
        } else {
            shared = sharedCard(product, view: view, root: base)
            if cache.cards.count >= CardCache.capacity { cache.cards.removeAll(keepingCapacity: true) }
            cache.cards[key] = shared
        }
        var card = shared
        card["url"] = .string(links.link(base + view.definition.id + "/p/" + slug + "/", slug))
        return .map(card)
    }

    /// A product card as every recipient of `view` sees it, without its decorated link.
    func sharedCard(_ product: Int, view: SegmentView, root: String) -> MustacheMap {
        let card = site.card(product, view: view, root: root)
        var tone = 0
        var initial = ""
        if case .map(let fields) = card {
            if case .int(let value)? = fields["tone"] { tone = value }
            if case .string(let name)? = fields["name"] { initial = name.first.map { String($0).uppercased() } ?? "" }
        }
        let colours = Self.tones[tone % Self.tones.count]
        let extra = MustacheValue.map(
            MustacheMap([
                ("tone_background", .string(colours.background)), ("tone_ink", .string(colours.ink)),
                ("initial", .string(initial)),
            ]))
        guard case .map(let merged) = SitePlan.merge(card, extra) else { return MustacheMap() }
        return merged
    }

    /// The theme's six category tones (`.tone-0` … `.tone-5` in app.css), as inline colours.
    static let tones: [(background: String, ink: String)] = [
        ("#e8f1f8", "#0b4f8a"), ("#f3efe2", "#6d5a12"), ("#eaf3ec", "#1f6b3a"), ("#f8ece8", "#a8391f"),
        ("#efedf6", "#4b3f8a"), ("#e9f2f2", "#1d6363"),
    ]
}
