import Mustache
import Site
import Store
import Tokens

/// One campaign made ready to compose: its audience's segments, the theme's `emails/<template>.html` and
/// `emails/<template>.txt`, the site it links into, the personal pages (wish lists, coupons) it can point at, each
/// recipient's picks and link decoration. Made once, then read from many threads: `compose` shares nothing mutable
/// but the table of product cards, which guards itself.
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
    /// The store (`site.store` is computed: a copy of every array's reference at each use).
    let store: LoadedStore
    /// Per product, whether it is in stock (reading the flag from `store.products` copies the whole product).
    let inStock: [Bool]
    /// Per segment, its view in each of the store's locales with what its messages share: a message is in its
    /// recipient's own language (their `locale` in customers.csv, when the store has it), with their segment's
    /// prices and offers.
    let parts: [[String: ViewParts]]
    /// Per segment, its own view: for a recipient whose locale the store does not have.
    let fallbackParts: [ViewParts]
    /// The views' product cards, made once for all workers (the one thing `compose` shares, behind a lock).
    let cards: CardTable

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
        let store = site.store
        self.store = store
        inStock = store.products.map(\.isInStock)
        cards = CardTable(productCount: store.products.count)
        let locales = store.settings.locales
        let subjects = campaign.subject
        let defaultLocale = store.settings.defaultLocale
        let made = ViewParts.Inputs(
            store: store, baseURL: site.baseURL, campaign: campaign, coupon: coupon, personal: personal,
            subject: { Self.subject(subjects, locale: $0, defaultLocale: defaultLocale) })
        let perSegment = Int32(locales.count + 1)
        var parts: [[String: ViewParts]] = []
        var fallbackParts: [ViewParts] = []
        for segment in store.segments.indices {
            var tables: [String: MustacheMap] = [:]
            var segmentParts: [String: ViewParts] = [:]
            for (number, locale) in locales.enumerated() {
                let view = site.view(segment: segment, locale: locale)
                let table = Self.table(view)
                tables[locale] = table
                segmentParts[locale] = ViewParts(
                    number: Int32(segment) * perSegment + Int32(number), view: view, table: table, plan: made)
            }
            let fallback = site.segments[segment]
            fallbackParts.append(
                ViewParts(
                    number: Int32(segment) * perSegment + perSegment - 1, view: fallback,
                    table: tables[fallback.locale] ?? Self.table(fallback), plan: made))
            parts.append(segmentParts)
        }
        self.parts = parts
        self.fallbackParts = fallbackParts
    }

    /// The view a recipient's message is composed in: their segment in their own locale, else the segment's.
    func parts(of recipient: Audience.Recipient) -> ViewParts {
        let locale = store.customers[Int(recipient.customer)].locale
        return parts[Int(recipient.segment)][locale] ?? fallbackParts[Int(recipient.segment)]
    }

    /// The positions of `recipients` grouped by the view their messages are composed in (in order within a view):
    /// composed in this order, the workers share the product cards of the view in progress, and the card table keeps
    /// only a few views.
    public func composingOrder(_ recipients: [Audience.Recipient]) -> [Int] {
        let numbers = recipients.map { parts(of: $0).number }
        var starts = [Int](repeating: 0, count: Int(numbers.max() ?? 0) + 2)
        for number in numbers { starts[Int(number) + 1] += 1 }
        for index in starts.indices.dropFirst() { starts[index] += starts[index - 1] }
        var order = [Int](repeating: 0, count: recipients.count)
        for (position, number) in numbers.enumerated() {
            order[starts[Int(number)]] = position
            starts[Int(number)] += 1
        }
        return order
    }

    /// Composes the recipient's message into `message`, reusing its buffers.
    public func compose(_ recipient: Audience.Recipient, into message: inout Newsletter) {
        let customer = store.customers[Int(recipient.customer)]
        let parts = parts(of: recipient)
        let decoration = links(recipient)
        let context = context(recipient, parts: parts, links: decoration)
        message.recipient = recipient
        message.toName =
            customer.lastName.isEmpty
            ? customer.firstName
            : customer.firstName.isEmpty ? customer.lastName : customer.firstName + " " + customer.lastName
        message.toAddress = customer.email ?? ""
        message.subject = parts.subject
        message.messageID =
            campaign.id + "." + tokens.messageIdentifier(campaign: campaign.id, customer: customer.id) + "@" + domain
        message.unsubscribeURL = decoration.unsubscribe
        message.segmentID = parts.view.definition.id
        message.html.removeAll(keepingCapacity: true)
        message.text.removeAll(keepingCapacity: true)
        htmlTemplate.render(context, library: site.theme.library, options: .lenient, into: &message.html)
        textTemplate.render(context, library: site.theme.library, options: .plainText, into: &message.text)
    }

    /// The campaign's subject in `locale`, else the store's default locale, else any.
    static func subject(_ subjects: [String: String], locale: String, defaultLocale: String) -> String {
        subjects[locale] ?? subjects[defaultLocale] ?? subjects.sorted { $0.key < $1.key }.first?.value ?? ""
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
