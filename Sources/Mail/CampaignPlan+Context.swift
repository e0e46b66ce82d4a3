import Mustache
import Site
import Store

/// What the e-mail templates see. Every link is absolute and decorated for the recipient; nothing names the
/// recipient beyond their first name; the text template gets the same values, unescaped.
extension CampaignPlan {
    func context(
        _ recipient: Audience.Recipient, parts: ViewParts, links: RecipientLinks
    ) -> MustacheValue {
        let view = parts.view
        let customer = store.customers[Int(recipient.customer)]
        let firstName = customer.firstName
        let greeting =
            firstName.isEmpty ? view.text("email_greeting") : view.text("email_greeting_named", [("name", firstName)])
        let slots = parts.slots
        var storeFields = parts.store
        storeFields[at: slots.storeURL] = .string(links.link(parts.home, .home))

        var fields = parts.context
        fields[at: slots.greeting] = .string(greeting)
        fields[at: slots.store] = .map(storeFields)
        fields[at: slots.unsubscribe] = .string(links.unsubscribe)
        fields[at: slots.privacy] = .string(links.privacy)
        fields[at: slots.pixel] = links.pixel.map { .string($0) } ?? .null
        fields[at: slots.offer] = offer(recipient, parts: parts, links: links)
        // The HTML lays picks out two to a row (a table each row: what every mail client renders alike).
        let cards = productCards(recipient, parts: parts, links: links)
        fields[at: slots.picks] = .list(cards)
        fields[at: slots.hasPicks] = .bool(!cards.isEmpty)
        var rows: [MustacheValue] = []
        rows.reserveCapacity((cards.count + 1) / 2)
        for start in stride(from: 0, to: cards.count, by: 2) {
            var row = Self.pickRow
            row[at: 0] = .list(Array(cards[start..<min(cards.count, start + 2)]))
            rows.append(.map(row))
        }
        fields[at: slots.pickRows] = .list(rows)
        let wished = wishlist(recipient, parts: parts, links: links)
        fields[at: slots.wishlist] = .list(wished)
        fields[at: slots.hasWishlist] = .bool(!wished.isEmpty)
        let wishlistPage = personal.tokens[.wishlist(customer: recipient.customer)].map {
            links.link(site.baseURL + "/w/" + $0 + "/", .wishlist)
        }
        fields[at: slots.wishlistURL] = wishlistPage.map { .string($0) } ?? .null
        return .map(fields)
    }

    /// A row of `pick_rows`, its `cells` (position 0) set per row.
    static let pickRow = MustacheMap([("cells", .null)])

    /// The segment's string table (`t.email_…` in the templates).
    static func table(_ view: SegmentView) -> MustacheMap {
        MustacheMap(view.strings.sorted { $0.key < $1.key }.map { ($0.key, MustacheValue.string($0.value)) })
    }

    /// The view's offer with this recipient's parts: a unique coupon's own code and page, a segment coupon's page,
    /// each link decorated.
    func offer(_ recipient: Audience.Recipient, parts: ViewParts, links: RecipientLinks) -> MustacheValue {
        guard let offer = parts.offer else { return .null }
        var fields = offer.fields
        switch offer.coupon.kind {
        case .segment:
            if let page = offer.segmentPage { fields[at: offer.urlPosition] = .string(links.link(page, .coupon)) }
        case .unique:
            // The personal plan derived every unique code already (an HMAC each): derived again only for a
            // customer it has no page for.
            let code =
                offer.index.flatMap { personal.code(.coupon(coupon: $0, customer: recipient.customer)) }
                ?? tokens.couponCode(
                    prefix: offer.coupon.codePrefix ?? "", coupon: offer.coupon.id,
                    customer: store.customers[Int(recipient.customer)].id)
            fields[at: offer.codePosition] = .string(code)
            if let index = offer.index,
                let token = personal.tokens[.coupon(coupon: index, customer: recipient.customer)]
            {
                fields[at: offer.urlPosition] = .string(links.link(site.baseURL + "/k/" + token + "/", .coupon))
            }
        }
        return .map(fields)
    }

    /// Up to `pickCount` recommended products in stock and not on the wish list, as product cards with absolute,
    /// decorated links.
    func productCards(
        _ recipient: Audience.Recipient, parts: ViewParts, links: RecipientLinks
    ) -> [MustacheValue] {
        let entries = personal.entries[recipient.customer] ?? []
        var cards: [MustacheValue] = []
        cards.reserveCapacity(Self.pickCount)
        for product in picks[recipient.customer] ?? []
        where product >= 0 && Int(product) < inStock.count && inStock[Int(product)]
            && !entries.contains(where: { store.wishlists[$0].product == product })
        {
            cards.append(card(Int(product), parts: parts, links: links))
            if cards.count == Self.pickCount { break }
        }
        return cards
    }

    /// Up to `wishlistCount` wish-list items in stock, those that dropped in price first (the largest drop first),
    /// each with its drop and its "back in stock" mark.
    func wishlist(
        _ recipient: Audience.Recipient, parts: ViewParts, links: RecipientLinks
    ) -> [MustacheValue] {
        let view = parts.view
        let currency = store.settings.currency
        var items: [(drop: Int64, order: Int, value: MustacheValue)] = []
        for (order, index) in (personal.entries[recipient.customer] ?? []).enumerated() {
            let entry = store.wishlists[index]
            guard inStock[Int(entry.product)] else { continue }
            let now = SegmentPrice(
                product: store.products[Int(entry.product)], pricing: view.definition.pricing,
                vatBasisPoints: store.settings.vatBasisPoints
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
            var card = card(Int(entry.product), parts: parts, links: links)
            // What `SitePlan.merge` would do with these (no map in them): set, without a map of them first.
            if case .map(var fields) = card {
                card = .null
                fields["drop"] = label
                fields["back_in_stock"] = back
                card = .map(fields)
            }
            items.append((drop, order, card))
        }
        items.sort { $0.drop != $1.drop ? $0.drop > $1.drop : $0.order < $1.order }
        return items.prefix(Self.wishlistCount).map(\.value)
    }

    /// The site's product card with an absolute, decorated link, an absolute image, and for a product without an
    /// image its initial on its category's tone (inline colours: mail clients drop style sheets). Everything but the
    /// decorated link is the same for every recipient of a view, so it comes from the shared card table.
    func card(_ product: Int, parts: ViewParts, links: RecipientLinks) -> MustacheValue {
        let shared: CardTable.Card
        if let found = cards.card(view: parts.number, product: Int32(product)) {
            shared = found
        } else {
            let fields = sharedCard(product, view: parts.view, root: site.baseURL + "/")
            shared = CardTable.Card(
                fields: fields, url: parts.productRoot + store.products[product].slug + "/",
                product: Int32(product), urlPosition: fields.position(ofKey: "url"))
            cards.insert(shared, view: parts.number, product: Int32(product))
        }
        var card = shared.fields
        let url = MustacheValue.string(links.link(shared.url, .product(shared.product)))
        if let position = shared.urlPosition { card[at: position] = url } else { card["url"] = url }
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
        // What `SitePlan.merge` would do with these strings: set each, without a map of them first.
        var merged = MustacheMap()
        if case .map(let fields) = card { merged = fields }
        merged["tone_background"] = .string(colours.background)
        merged["tone_ink"] = .string(colours.ink)
        merged["initial"] = .string(initial)
        return merged
    }

    /// The theme's six category tones (`.tone-0` … `.tone-5` in app.css), as inline colours.
    static let tones: [(background: String, ink: String)] = [
        ("#e8f1f8", "#0b4f8a"), ("#f3efe2", "#6d5a12"), ("#eaf3ec", "#1f6b3a"), ("#f8ece8", "#a8391f"),
        ("#efedf6", "#4b3f8a"), ("#e9f2f2", "#1d6363"),
    ]
}
