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
    /// The tracking tag of every link target a message names, computed once (a tag is a SHA-256, and a message has
    /// a dozen links): each product's (of its slug), by product index, and those of `home`, `wishlist`, `coupon`.
    let productTags: [UInt32]
    let pageTags: (home: UInt32, wishlist: UInt32, coupon: UInt32)
    /// What every recipient's decorator shares, and each segment's tag (index in `store.segments`).
    let shared: LinkDecorator.Campaign
    let segmentTags: [UInt16]

    init(store: LoadedStore, campaign: Campaign, keyring: TrackingKeyring, optedOut: Set<String>, day: UInt16) {
        self.store = store
        self.campaign = campaign
        self.keyring = keyring
        self.optedOut = optedOut
        self.day = day
        productTags = store.products.map { TrackingTags.targetTag($0.slug) }
        pageTags = (
            TrackingTags.targetTag(RecipientLinks.Target.home.pageName ?? ""),
            TrackingTags.targetTag(RecipientLinks.Target.wishlist.pageName ?? ""),
            TrackingTags.targetTag(RecipientLinks.Target.coupon.pageName ?? "")
        )
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
            link: { [productTags, pageTags] url, target in
                let tag =
                    switch target {
                    case .product(let product): productTags[Int(product)]
                    case .home: pageTags.home
                    case .wishlist: pageTags.wishlist
                    case .coupon: pageTags.coupon
                    }
                return decorator.link(to: url, targetTag: tag)
            },
            pixel: store.settings.privacy.trackOpens ? decorator.pixelURL : nil,
            unsubscribe: decorator.unsubscribeURL, privacy: decorator.privacyURL)
    }
}
