import Barcode
import Mustache
import Store

/// What the personal page templates see. Links are relative like the rest of the site; there is no canonical link
/// (a capability page has no public address), and nothing names the customer beyond their first name.
extension PersonalPlan {
    func context(_ item: Item) -> MustacheValue {
        let view = site.segments[segment(of: item)]
        let root = String(repeating: "../", count: url(item).utf8.count { $0 == 0x2F })
        var fields = site.common(Page(segment: Int32(segment(of: item)), kind: .index), view: view, root: root)
            .filter { $0.0 != "canonical" }
        fields.append(("canonical", .null))
        switch item {
        case .wishlist(let customer): fields += wishlistFields(customer, view: view, root: root)
        case .gift(let customer):
            fields = fields.filter { $0.0 != "segment" && $0.0 != "nav" }
            fields += giftFields(customer, view: view, root: root)
        case .coupon(let coupon, _), .segmentCoupon(_, let coupon):
            fields += couponFields(item, coupon: coupon, view: view)
        }
        return .map(MustacheMap(fields))
    }

    private func wishlistFields(_ customer: Int32, view: SegmentView, root: String) -> [(String, MustacheValue)] {
        let currency = store.settings.currency
        let firstName = store.customers[Int(customer)].firstName
        var shown: [MustacheValue] = []
        for index in entries[customer] ?? [] {
            let entry = store.wishlists[index]
            let product = store.products[Int(entry.product)]
            let now = SegmentPrice(
                product: product, pricing: view.definition.pricing, vatBasisPoints: store.settings.vatBasisPoints
            ).amount
            var drop = MustacheValue.null
            if let then = priceThen(entryIndex: index, view: view), then.minorUnits > now.minorUnits {
                let amount = Money(minorUnits: then.minorUnits - now.minorUnits)
                drop = .map(
                    MustacheMap([
                        ("amount", .string(view.format.money(amount, currency: currency))),
                        ("then", .string(view.format.money(then, currency: currency))),
                        (
                            "label",
                            .string(
                                view.text(
                                    "wishlist_drop",
                                    [
                                        ("amount", view.format.money(amount, currency: currency)),
                                        ("then", view.format.money(then, currency: currency)),
                                    ]))
                        ),
                    ]))
            }
            let extra = MustacheValue.map(
                MustacheMap([
                    ("added", .string(view.text("wishlist_added", [("date", view.format.date(entry.added))]))),
                    ("added_iso", .string(entry.added.isoDate)), ("drop", drop),
                    ("back_in_stock", isBackInStock(entry) ? .string(view.text("wishlist_back_in_stock")) : .null),
                ]))
            shown.append(SitePlan.merge(site.card(Int(entry.product), view: view, root: root), extra))
        }
        let picks = picks(customer).map { site.card(Int($0), view: view, root: root) }
        let heading =
            firstName.isEmpty
            ? view.text("wishlist_heading") : view.text("wishlist_heading_named", [("name", firstName)])
        let giftURL = "w/" + (tokens[.gift(customer: customer)] ?? "") + "/gift/"
        return [
            ("title", .string(view.text("wishlist_title") + " · " + store.settings.name)),
            ("heading", .string(heading)),
            ("count", .string(site.countLabel(shown.count, view: view))),
            ("items", .list(shown)), ("has_items", .bool(!shown.isEmpty)),
            ("picks", .list(picks)), ("has_picks", .bool(!picks.isEmpty)),
            ("gift_url", .string(root + giftURL)), ("gift_link", .string(site.baseURL + "/" + giftURL)),
        ]
    }

    /// The gift view: the customer's language, but the public (fallback) segment's home, categories and product
    /// pages, and no prices (a segment's prices would tell which segment the customer is in).
    private func giftFields(_ customer: Int32, view: SegmentView, root: String) -> [(String, MustacheValue)] {
        let fallbackID = store.segments[site.fallback].id
        let products: [MustacheValue] = giftProducts(customer).map { index in
            let product = store.products[Int(index)]
            let translated = product.translations[view.locale]?.name
            return .map(
                MustacheMap([
                    ("name", .string(translated ?? product.name)),
                    (
                        "name_lang",
                        translated == nil && view.locale != store.settings.defaultLocale
                            ? .string(store.settings.defaultLocale) : .null
                    ),
                    ("url", .string(root + fallbackID + "/p/" + product.slug + "/")),
                    ("image", site.imageSource(product.image, root: root)),
                    (
                        "tone",
                        .int(Int(site.categories.rootOrdinal[Int(site.categories.nodeOfProduct[Int(index)])]) % 6)
                    ),
                    ("in_stock", .bool(product.isInStock)),
                    ("stock_class", .string(product.isInStock ? "in" : "out")),
                    ("stock_label", .string(view.text(product.isInStock ? "stock_in" : "stock_out"))),
                ]))
        }
        return [
            ("title", .string(view.text("gift_title") + " · " + store.settings.name)),
            (
                "segment",
                .map(
                    MustacheMap([
                        ("id", .string(fallbackID)), ("name", .string("")), ("home", .string(root + fallbackID + "/")),
                        ("banner", .null), ("without_vat", .bool(false)),
                    ]))
            ),
            ("nav", publicNavigation(view: view)), ("gift_items", .list(products)),
            ("has_gift_items", .bool(!products.isEmpty)),
        ]
    }

    /// The top-level categories in the page's language, linking to the fallback segment's listings.
    private func publicNavigation(view: SegmentView) -> MustacheValue {
        let fallbackID = store.segments[site.fallback].id
        return .list(
            site.categories.roots.map { node in
                .map(
                    MustacheMap([
                        ("name", .string(view.categoryNames[node])), ("name_lang", view.categoryLanguages[node]),
                        ("url", .string(fallbackID + "/c/" + site.categories.nodes[node].slugPath + "/")),
                        ("current", .bool(false)),
                    ]))
            })
    }

    private func couponFields(_ item: Item, coupon: Int32, view: SegmentView) -> [(String, MustacheValue)] {
        let terms = couponTerms[Int(coupon) * site.segments.count + Int(segment(of: item))]
        let offered = terms.validity == .valid ? code(item) : nil
        var barcode = MustacheValue.null
        if let offered, let symbol = try? Code128(offered) {
            barcode = .string(
                symbol.svg(.init(label: view.text("coupon_barcode_label", [("code", offered)]))))
        }
        let fields =
            terms.fields + [
                ("code", offered.map { .string($0) } ?? .null), ("barcode", barcode),
                ("personal", .bool(item.isPersonal)),
            ]
        return [("title", terms.title), ("coupon_page", .map(MustacheMap(fields)))]
    }
}

extension PersonalPlan {
    /// One page of each kind merged (a wish list, its gift view, a coupon), for `vitrine theme check`; the store's
    /// own data where it has some, with placeholder tokens (the check needs no secret).
    public static func sampleContext(site: SitePlan) -> MustacheValue {
        let store = site.store
        var merged = MustacheValue.map(MustacheMap())
        let segment = Int32(site.fallback)
        let customers = Int32(store.customers.count)
        guard customers > 0 else { return merged }
        let segmentOfCustomer = [Int32](repeating: segment, count: Int(customers))
        let plan = PersonalPlan(site: site, inputs: PersonalInputs(tokens: nil, segmentOfCustomer: segmentOfCustomer))
        let customer = store.wishlists.first?.customer ?? 0
        var samples: [Item] = [.wishlist(customer: customer), .gift(customer: customer)]
        // A coupon valid on the build date shows every field; any coupon shows the page.
        let valid = store.coupons.indices.first {
            plan.validity(store.coupons[$0]) == .valid && store.coupons[$0].code != nil
        }
        if let coupon = valid ?? store.coupons.indices.first {
            samples.append(.segmentCoupon(segment: segment, coupon: Int32(coupon)))
        }
        for item in samples { merged = SitePlan.merge(merged, plan.context(item)) }
        return merged
    }
}

/// What a coupon's page shows whatever its code, in one segment's language and currency, on the build date.
struct CouponTerms: Sendable {
    let validity: PersonalPlan.Validity
    let title: MustacheValue
    /// Everything of `coupon_page` but the code, its barcode and whether the page is personal.
    let fields: [(String, MustacheValue)]

    init(_ coupon: Coupon, view: SegmentView, site: SitePlan) {
        let currency = site.store.settings.currency
        validity = PersonalPlan.validity(coupon, on: site.inputs.buildDate)
        title = .string(view.text("coupon_page_title") + " · " + site.store.settings.name)
        let minimum = coupon.minimumSpend.map { view.format.money($0, currency: currency) }
        var status = MustacheValue.null
        switch validity {
        case .valid: break
        case .expired:
            status = .string(
                view.text("coupon_expired", [("date", coupon.validUntil.map { view.format.date($0) } ?? "")]))
        case .notYet:
            status = .string(
                view.text("coupon_not_yet", [("date", coupon.validFrom.map { view.format.date($0) } ?? "")]))
        }
        fields = [
            ("discount", .string(view.discount(coupon, currency: currency))),
            ("offer", .string(view.offer(coupon, currency: currency))),
            ("minimum", minimum.map { .string(view.text("coupon_minimum", [("minimum", $0)])) } ?? .null),
            (
                "valid_from",
                coupon.validFrom.map { .string(view.text("coupon_from", [("date", view.format.date($0))])) } ?? .null
            ),
            (
                "valid_until",
                coupon.validUntil.map { .string(view.text("coupon_until", [("date", view.format.date($0))])) }
                    ?? .null
            ),
            ("status", status), ("valid", .bool(validity == .valid)),
        ]
    }
}
