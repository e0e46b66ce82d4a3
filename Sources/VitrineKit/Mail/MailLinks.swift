import Foundation
import Mail
import Store
import Tracking

/// Each recipient's link decoration for one campaign: signed tracking tokens and an open pixel for customers who
/// consent to tracking and have not opted out since (and only when the store tracks opens at all); campaign-level
/// UTM parameters only for everyone else. Unsubscribe and privacy links are tokened for everyone.
struct MailLinks: Sendable {
    let store: LoadedStore
    let campaign: Campaign
    let keyring: TrackingKeyring
    let optedOut: Set<String>
    /// The send day, days since 1970-01-01 UTC (in every token).
    let day: UInt16
    /// The tracking tag of every link target a message names (each product's slug, `home`, `wishlist`, `coupon`),
    /// computed once: a tag is a SHA-256, and a message has a dozen links.
    let targetTags: [String: UInt32]
    /// What every recipient's decorator shares, and each segment's tag (index in `store.segments`).
    let shared: LinkDecorator.Campaign
    let segmentTags: [UInt16]

    init(store: LoadedStore, campaign: Campaign, keyring: TrackingKeyring, optedOut: Set<String>, day: UInt16) {
        self.store = store
        self.campaign = campaign
        self.keyring = keyring
        self.optedOut = optedOut
        self.day = day
        var tags: [String: UInt32] = [:]
        for target in store.products.map(\.slug) + IngestWorkflow.linkTargets {
            tags[target] = TrackingTags.targetTag(target)
        }
        targetTags = tags
        shared = LinkDecorator.Campaign(baseURL: store.settings.baseURL, campaign: campaign.id)
        segmentTags = store.segments.map { TrackingTags.segmentTag($0.id) }
    }

    func recipientLinks(_ recipient: Audience.Recipient) -> RecipientLinks {
        let customer = store.customers[Int(recipient.customer)]
        let decorator = LinkDecorator(
            campaign: shared, segmentTag: segmentTags[Int(recipient.segment)], keyring: keyring,
            recipient: LinkDecorator.Recipient(
                customerID: customer.id, trackingConsent: customer.consentTracking,
                optedOut: optedOut.contains(customer.id)),
            day: day)
        return RecipientLinks(
            link: { [targetTags] url, target in
                decorator.link(to: url, targetTag: targetTags[target] ?? TrackingTags.targetTag(target))
            },
            pixel: store.settings.privacy.trackOpens ? decorator.pixelURL : nil,
            unsubscribe: decorator.unsubscribeURL, privacy: decorator.privacyURL)
    }
}
