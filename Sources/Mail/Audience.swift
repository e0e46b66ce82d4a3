import Store

/// Who a campaign goes to: every customer of its segments who gave e-mail consent, has a well-formed address and is
/// not suppressed (unsubscribed, bounced, complained), in customer-file order; and how many were left out, by reason.
/// Customers outside the campaign's segments are not counted anywhere.
public struct Audience: Sendable {
    public struct Recipient: Sendable, Hashable {
        /// Index in `store.customers`.
        public var customer: Int32
        /// Index in `store.segments`.
        public var segment: Int32
    }

    /// Why a customer of the campaign's segments gets no message; the first reason that applies, in this order.
    public enum Skip: String, CaseIterable, Sendable, Comparable {
        case noConsent = "no consent"
        case suppressed
        case invalidAddress = "invalid address"

        public static func < (left: Skip, right: Skip) -> Bool {
            allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
        }
    }

    public var recipients: [Recipient]
    public var skipped: [Skip: Int]

    /// - Parameters:
    ///   - segmentOfCustomer: per customer, the index of their segment (first match of `segments.json`).
    ///   - suppressed: customer ids never to mail.
    ///   - onlySegments: a subset of the campaign's segments (`--segment`); nil: all of them.
    ///   - limit: at most this many recipients (`--limit`), the first in customer-file order.
    ///   - isValidAddress: the address check of the message writer.
    public init(
        store: LoadedStore, campaign: Campaign, segmentOfCustomer: [Int32], suppressed: Set<String>,
        onlySegments: Set<String>? = nil, limit: Int? = nil, isValidAddress: (String) -> Bool
    ) {
        let chosen = Set(campaign.segments).intersection(onlySegments ?? Set(campaign.segments))
        let included = store.segments.map { chosen.contains($0.id) }
        var recipients: [Recipient] = []
        var skipped: [Skip: Int] = [:]
        for (index, customer) in store.customers.enumerated() {
            guard index < segmentOfCustomer.count else { break }
            let segment = Int(segmentOfCustomer[index])
            guard segment >= 0, segment < included.count, included[segment] else { continue }
            if let limit, recipients.count >= limit { break }
            let reason: Skip? =
                if !customer.consentEmail {
                    .noConsent
                } else if suppressed.contains(customer.id) {
                    .suppressed
                } else if !(customer.email.map(isValidAddress) ?? false) {
                    .invalidAddress
                } else {
                    nil
                }
            if let reason {
                skipped[reason, default: 0] += 1
            } else {
                recipients.append(Recipient(customer: Int32(index), segment: Int32(segment)))
            }
        }
        self.recipients = recipients
        self.skipped = skipped
    }
}
