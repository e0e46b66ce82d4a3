import Mustache
import Site
import Store
import Tokens

/// One campaign made ready to compose: its audience's segments, the theme's `emails/<template>.html` and
/// `emails/<template>.txt`, the site it links into, the personal pages (wish lists, coupons) it can point at, each
/// recipient's picks and link decoration. Made once, then read from many threads: `compose` shares nothing mutable.
public struct CampaignPlan: Sendable {
    public let campaign: Campaign
    let site: SitePlan
    let personal: PersonalPlan
    let tokens: CapabilityTokens
    /// Per customer (index in `store.customers`), recommended products best first; customers absent get none.
    let picks: [Int32: [Int32]]
    let links: @Sendable (Audience.Recipient) -> RecipientLinks
    let htmlTemplate: Template
    let textTemplate: Template
    /// The campaign's own coupon, else none (each segment's coupon is on its pages already, and shown too).
    let coupon: Coupon?
    /// The domain of `base_url`: the right-hand side of every Message-ID and the List-Id.
    public let domain: String
    /// Per segment, its view in each of the store's locales: a message is in its recipient's own language (their
    /// `locale` in customers.csv, when the store has it), with their segment's prices and offers.
    let views: [[String: SegmentView]]
    /// Each view's string table as templates see it (`t.…`), built once: sorting and indexing a table of a few
    /// hundred strings per message cost a tenth of composing it.
    let tables: [[String: MustacheMap]]

    /// How many picks a message shows, and how many wish-list items.
    public static let pickCount = 8
    public static let wishlistCount = 4

    public enum PlanError: Error, Equatable, CustomStringConvertible {
        case missingTemplate(String)
        case unknownCoupon(String)

        public var description: String {
            switch self {
            case .missingTemplate(let name): "the theme has no template \(name).mustache"
            case .unknownCoupon(let id): "the campaign's coupon \"\(id)\" is not in coupons.json"
            }
        }
    }

    /// The templates a campaign of `template` kind renders with.
    public static func templateNames(_ template: String) -> [String] {
        ["emails/\(template).html", "emails/\(template).txt"]
    }

    public init(
        campaign: Campaign, personal: PersonalPlan, tokens: CapabilityTokens, picks: [Int32: [Int32]],
        links: @escaping @Sendable (Audience.Recipient) -> RecipientLinks
    ) throws(PlanError) {
        let site = personal.site
        let names = Self.templateNames(campaign.template)
        guard let html = site.theme.library[names[0]] else { throw .missingTemplate(names[0]) }
        guard let text = site.theme.library[names[1]] else { throw .missingTemplate(names[1]) }
        var coupon: Coupon?
        if let id = campaign.coupon {
            guard let found = site.store.coupons.first(where: { $0.id == id }) else { throw .unknownCoupon(id) }
            coupon = found
        }
        self.campaign = campaign
        self.site = site
        self.personal = personal
        self.tokens = tokens
        self.picks = picks
        self.links = links
        htmlTemplate = html
        textTemplate = text
        self.coupon = coupon
        domain = Self.host(of: site.baseURL)
        let locales = site.store.settings.locales
        let views = site.store.segments.indices.map { segment in
            Dictionary(uniqueKeysWithValues: locales.map { ($0, site.view(segment: segment, locale: $0)) })
        }
        self.views = views
        tables = views.indices.map { segment in
            var tables = views[segment].mapValues(Self.table)
            let fallback = site.segments[segment]
            if tables[fallback.locale] == nil { tables[fallback.locale] = Self.table(fallback) }
            return tables
        }
    }

    /// The view a recipient's message is composed in: their segment in their own locale, else the segment's.
    func view(of recipient: Audience.Recipient) -> SegmentView {
        let locale = site.store.customers[Int(recipient.customer)].locale
        return views[Int(recipient.segment)][locale] ?? site.segments[Int(recipient.segment)]
    }

    /// Composes the recipient's message into `message`, reusing its buffers and its cache of product cards.
    public func compose(_ recipient: Audience.Recipient, into message: inout Newsletter) {
        let store = site.store
        let customer = store.customers[Int(recipient.customer)]
        let view = view(of: recipient)
        let decoration = links(recipient)
        let context = context(recipient, view: view, links: decoration, cards: &message.cards)
        message.recipient = recipient
        message.toName = [customer.firstName, customer.lastName].filter { !$0.isEmpty }.joined(separator: " ")
        message.toAddress = customer.email ?? ""
        message.subject = subject(locale: view.locale)
        message.messageID =
            campaign.id + "." + tokens.messageIdentifier(campaign: campaign.id, customer: customer.id) + "@" + domain
        message.unsubscribeURL = decoration.unsubscribe
        message.segmentID = view.definition.id
        message.html.removeAll(keepingCapacity: true)
        message.text.removeAll(keepingCapacity: true)
        htmlTemplate.render(context, library: site.theme.library, options: .lenient, into: &message.html)
        textTemplate.render(context, library: site.theme.library, options: .plainText, into: &message.text)
    }

    /// The campaign's subject in `locale`, else the store's default locale, else any.
    func subject(locale: String) -> String {
        campaign.subject[locale] ?? campaign.subject[site.store.settings.defaultLocale]
            ?? campaign.subject.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// `https://shop.example.com:8443/path` → `shop.example.com`.
    public static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == ":" || $0 == "?" || $0 == "#" }) {
            rest = rest[..<end]
        }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        return rest.isEmpty ? "localhost" : rest.lowercased()
    }
}
