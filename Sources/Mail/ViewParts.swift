import Mustache
import Site
import Store
import Tokens

/// What every message of one view (a segment in a locale) shares, made once per plan: the template context with
/// every field that does not depend on the recipient already set, the offer's fixed fields, the roots of the links.
/// A message copies `context` and sets its own dozen fields: building the whole tree per message (strings filled,
/// coupons formatted, maps keyed) cost a tenth of composing it.
struct ViewParts: Sendable {
    /// The view's number in the plan (`segment × (locales + 1) + locale`): the card table's key, the sort key of
    /// `CampaignPlan.composingOrder`.
    let number: Int32
    let view: SegmentView
    let subject: String
    /// `BASE/<segment>/`, the store link's target.
    let home: String
    /// `BASE/<segment>/p/`, where product links start.
    let productRoot: String
    /// The template context with null in the per-recipient fields, in the order the templates' authors read it.
    let context: MustacheMap
    /// The `store` map without its (decorated) `url`.
    let store: MustacheMap
    /// The campaign's (else the segment's) coupon when valid on the send day.
    let offer: Offer?
    /// Where each per-recipient field is in `context` and `store`: a message sets its fields by position instead of
    /// finding each key in a copy of the map.
    let slots: Slots

    /// Positions in `ViewParts.context` (and `storeURL` in `ViewParts.store`).
    struct Slots: Sendable {
        let greeting: Int
        let store: Int
        let storeURL: Int
        let unsubscribe: Int
        let privacy: Int
        let pixel: Int
        let offer: Int
        let picks: Int
        let hasPicks: Int
        let pickRows: Int
        let wishlist: Int
        let hasWishlist: Int
        let wishlistURL: Int

        init(context: MustacheMap, store: MustacheMap) {
            func at(_ key: String, in map: MustacheMap = context) -> Int {
                guard let position = map.position(ofKey: key) else { preconditionFailure("no \(key) in the context") }
                return position
            }
            greeting = at("greeting")
            self.store = at("store")
            storeURL = at("url", in: store)
            unsubscribe = at("unsubscribe_url")
            privacy = at("privacy_url")
            pixel = at("pixel_url")
            offer = at("offer")
            picks = at("picks")
            hasPicks = at("has_picks")
            pickRows = at("pick_rows")
            wishlist = at("wishlist")
            hasWishlist = at("has_wishlist")
            wishlistURL = at("wishlist_url")
        }
    }

    /// A valid coupon as this view shows it; only a unique coupon's code and the decorated page differ per message.
    struct Offer: Sendable {
        let coupon: Coupon
        /// Index in `store.coupons` (a unique coupon's page token), nil when the coupon is not in the list.
        let index: Int32?
        /// The `offer` map with null in `url` (and in `code` for a unique coupon).
        let fields: MustacheMap
        /// Where `url` and `code` are in `fields`.
        let urlPosition: Int
        let codePosition: Int
        /// A segment coupon's page, undecorated, when it is this segment's own coupon.
        let segmentPage: String?
    }

    init(number: Int32, view: SegmentView, table: MustacheMap, plan: Inputs) {
        let store = plan.store
        let base = plan.baseURL
        self.number = number
        self.view = view
        home = base + "/" + view.definition.id + "/"
        productRoot = base + "/" + view.definition.id + "/p/"
        subject = plan.subject(view.locale)
        let rightToLeft = view.direction == "rtl"
        let preheader =
            plan.campaign.preheader[view.locale] ?? plan.campaign.preheader[store.settings.defaultLocale] ?? ""
        self.store = MustacheMap([
            ("name", .string(store.settings.name)), ("url", .null), ("address", .string(store.settings.postalAddress)),
        ])
        context = MustacheMap([
            ("lang", .string(view.locale)), ("dir", .string(view.direction)),
            ("align", .string(rightToLeft ? "right" : "left")), ("align_end", .string(rightToLeft ? "left" : "right")),
            ("subject", .string(subject)), ("preheader", .string(preheader)), ("greeting", .null), ("t", .map(table)),
            ("store", .null), ("reason", .string(view.text("email_reason", [("store", store.settings.name)]))),
            ("unsubscribe_url", .null), ("privacy_url", .null), ("pixel_url", .null), ("offer", .null),
            (
                "segment",
                .map(
                    MustacheMap([
                        ("id", .string(view.definition.id)),
                        ("without_vat", .bool(view.definition.pricing.pricesWithoutVAT)),
                    ]))
            ),
            ("picks", .null), ("has_picks", .null), ("pick_rows", .null), ("wishlist", .null), ("has_wishlist", .null),
            ("wishlist_url", .null),
        ])
        offer = Self.offer(view: view, plan: plan)
        slots = Slots(context: context, store: self.store)
    }

    /// The campaign's coupon, else the segment's, when valid on the send day: a unique coupon shows the customer's
    /// own code and links to its page; a segment coupon shows the shared code (nil without one: no offer).
    private static func offer(view: SegmentView, plan: Inputs) -> Offer? {
        let store = plan.store
        let segmentCoupon = view.definition.coupon.flatMap { id in store.coupons.first { $0.id == id } }
        guard let found = plan.coupon ?? segmentCoupon, plan.personal.validity(found) == .valid else { return nil }
        if found.kind == .segment && found.code == nil { return nil }
        let currency = store.settings.currency
        let fields = MustacheMap([
            ("code", found.kind == .segment ? found.code.map { .string($0) } ?? .null : .null),
            ("discount", .string(view.discount(found, currency: currency))),
            ("offer", .string(view.offer(found, currency: currency))),
            (
                "until",
                found.validUntil.map { .string(view.text("coupon_until", [("date", view.format.date($0))])) } ?? .null
            ),
            ("url", .null), ("personal", .bool(found.kind == .unique)),
        ])
        let segmentPage =
            found.kind == .segment && found.id == view.definition.coupon
            ? plan.baseURL + "/" + view.definition.id + "/coupon/" : nil
        return Offer(
            coupon: found, index: store.coupons.firstIndex(of: found).map { Int32($0) }, fields: fields,
            urlPosition: fields.position(ofKey: "url") ?? 0, codePosition: fields.position(ofKey: "code") ?? 0,
            segmentPage: segmentPage)
    }

    /// What the parts read of the plan being made (the plan itself is not complete yet).
    struct Inputs {
        let store: LoadedStore
        let baseURL: String
        let campaign: Campaign
        let coupon: Coupon?
        let personal: PersonalPlan
        let subject: (String) -> String
    }
}
