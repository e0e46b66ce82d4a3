/// The links of one newsletter to one recipient: tokened when the recipient consents to tracking, UTM-tagged always.
///
/// Without tracking consent (or after an opt-out) links carry the UTM parameters only, which name the campaign
/// and not the person, and there is no open pixel. The unsubscribe link is tokened regardless: unsubscribing is
/// not tracking, and it must work for everyone; its token has its own kind, so it cannot be replayed as a click.
public struct LinkDecorator: Sendable {
    /// Who receives the message, as far as links need to know.
    public struct Recipient: Sendable, Hashable {
        public var customerID: String
        /// `consent_tracking` of customers.csv.
        public var trackingConsent: Bool
        /// Whether the customer opted out of tracking since (a stored opt-out event).
        public var optedOut: Bool
        public init(customerID: String, trackingConsent: Bool, optedOut: Bool = false) {
            self.customerID = customerID
            self.trackingConsent = trackingConsent
            self.optedOut = optedOut
        }
    }

    private let base: String
    private let keyring: TrackingKeyring
    private let campaign: String
    private let campaignTag: UInt16
    private let segmentTag: UInt16
    private let recipient: UInt64
    private let tracked: Bool
    private let trackOpens: Bool
    private let day: UInt16
    private let utm: String

    /// Links of campaign `campaign` to `recipient` in `segment`, sent on `day` (days since 1970-01-01 UTC);
    /// `trackOpens` is store.json's `privacy.track_opens` (false: no pixel for anyone).
    public init(
        baseURL: String, keyring: TrackingKeyring, campaign: String, segment: String, recipient: Recipient,
        day: UInt16, trackOpens: Bool = true
    ) {
        self.trackOpens = trackOpens
        base = TrackingKeyring.storeIdentity(baseURL: baseURL)
        self.keyring = keyring
        self.campaign = campaign
        campaignTag = TrackingTags.campaignTag(campaign)
        segmentTag = TrackingTags.segmentTag(segment)
        self.recipient = keyring.recipient(recipient.customerID)
        tracked = recipient.trackingConsent && !recipient.optedOut
        self.day = day
        utm = "utm_source=vitrine&utm_medium=email&utm_campaign=" + Self.percentEncoded(campaign)
    }

    /// Whether links carry tokens and the message has an open pixel.
    public var isTracked: Bool { tracked }

    /// `url` with `vt=TOKEN` (with consent) and the UTM parameters added to its query, before any fragment.
    public func link(to url: String, target: String? = nil) -> String {
        var parameters = utm
        if tracked { parameters = "vt=" + token(.click, target: target) + "&" + parameters }
        return Self.appending(query: parameters, to: url)
    }

    /// The open pixel, nil without tracking consent or when the store does not track opens.
    public var pixelURL: String? {
        tracked && trackOpens ? base + "/px.gif?vt=" + token(.open, target: nil) : nil
    }

    /// The unsubscribe page and RFC 8058 one-click target: always tokened.
    public var unsubscribeURL: String { base + "/unsubscribe/?vt=" + token(.unsubscribe, target: nil) }

    /// The footer link that opts out of tracking (a POST there records the opt-out).
    public var privacyURL: String { base + "/privacy/?vt=" + token(.optOut, target: nil) }

    private func token(_ kind: TrackingToken.Kind, target: String?) -> String {
        TrackingToken(
            kind: kind, campaign: campaignTag, segment: segmentTag, recipient: recipient,
            target: target.map(TrackingTags.targetTag) ?? 0, day: day
        ).text(keyring: keyring)
    }

    /// RFC 3986 §3.4–3.5: the query follows `?` and precedes `#`; an existing query gets `&` then ours.
    static func appending(query: String, to url: String) -> String {
        var head = Substring(url)
        var fragment: Substring = ""
        if let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) {
            head = url[..<hash]
            fragment = url[hash...]
        }
        let separator: String
        if !head.utf8.contains(UInt8(ascii: "?")) {
            separator = "?"
        } else if head.hasSuffix("?") || head.hasSuffix("&") {
            separator = ""
        } else {
            separator = "&"
        }
        return head + separator + query + fragment
    }

    /// RFC 3986 §2.3: unreserved characters stay, every other byte of the UTF-8 is %XX.
    static func percentEncoded(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
