import Mustache
import Site
import Store
import Tokens

extension CampaignPlan {
    /// What an e-mail template sees, for `vitrine theme check`: a message of the store's first campaign to a
    /// customer with a wish list (else the first customer), with a pixel, in the fallback segment; placeholder
    /// tokens (the check needs no secret). Null when the store has no customer.
    public static func sampleContext(site: SitePlan) -> MustacheValue {
        let store = site.store
        guard !store.customers.isEmpty, let key = SecretKey(text: String(repeating: "sample-", count: 6)) else {
            return .null
        }
        let tokens = CapabilityTokens(secret: key, settings: store.settings)
        let segmentOfCustomer = [Int32](repeating: Int32(site.fallback), count: store.customers.count)
        let customer = store.wishlists.first?.customer ?? 0
        // Picks: the catalog's first products; the sample needs cards, not good ones.
        let picks: [Int32: [Int32]] = [customer: (0..<Int32(min(store.products.count, 16))).map { $0 }]
        let personal = PersonalPlan(
            site: site, inputs: PersonalInputs(tokens: tokens, segmentOfCustomer: segmentOfCustomer, picks: picks))
        let campaign =
            store.campaigns.first
            ?? Campaign(id: "sample", segments: [store.segments[site.fallback].id], subject: [:])
        let base = site.baseURL
        let links: @Sendable (Audience.Recipient) -> RecipientLinks = { _ in
            RecipientLinks(
                link: { url, _ in url + "?utm_source=vitrine" }, pixel: base + "/px.gif?vt=sample",
                unsubscribe: base + "/unsubscribe/?vt=sample", privacy: base + "/privacy/?vt=sample")
        }
        guard
            let plan = try? CampaignPlan(
                campaign: campaign, personal: personal, tokens: tokens, picks: picks, links: links)
        else { return .null }
        let recipient = Audience.Recipient(customer: customer, segment: Int32(site.fallback))
        return plan.context(recipient, parts: plan.parts(of: recipient), links: links(recipient))
    }
}
