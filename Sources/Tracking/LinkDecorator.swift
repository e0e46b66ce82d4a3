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

    /// What the links of every recipient of one campaign share: the store's identity, the campaign's tag (a
    /// SHA-256) and its UTM parameters, computed once instead of once a message.
    public struct Campaign: Sendable {
        let base: String
        let id: String
        let tag: UInt16
        let utm: String

        public init(baseURL: String, campaign: String) {
            base = TrackingKeyring.storeIdentity(baseURL: baseURL)
            id = campaign
            tag = TrackingTags.campaignTag(campaign)
            utm = "utm_source=vitrine&utm_medium=email&utm_campaign=" + LinkDecorator.percentEncoded(campaign)
        }
    }

    /// Links of campaign `campaign` to `recipient` in `segment`, sent on `day` (days since 1970-01-01 UTC);
    /// `trackOpens` is store.json's `privacy.track_opens` (false: no pixel for anyone).
    public init(
        baseURL: String, keyring: TrackingKeyring, campaign: String, segment: String, recipient: Recipient,
        day: UInt16, trackOpens: Bool = true
    ) {
        self.init(
            campaign: Campaign(baseURL: baseURL, campaign: campaign), segmentTag: TrackingTags.segmentTag(segment),
            keyring: keyring, recipient: recipient, day: day, trackOpens: trackOpens)
    }

    /// The same links from a campaign's shared part and the segment's tag (`TrackingTags.segmentTag`), both
    /// computed once by a caller decorating many messages.
    public init(
        campaign: Campaign, segmentTag: UInt16, keyring: TrackingKeyring, recipient: Recipient, day: UInt16,
        trackOpens: Bool = true
    ) {
        self.trackOpens = trackOpens
        base = campaign.base
        self.keyring = keyring
        self.campaign = campaign.id
        campaignTag = campaign.tag
        self.segmentTag = segmentTag
        self.recipient = keyring.recipient(recipient.customerID)
        tracked = recipient.trackingConsent && !recipient.optedOut
        self.day = day
        utm = campaign.utm
    }

    /// Whether links carry tokens and the message has an open pixel.
    public var isTracked: Bool { tracked }

    /// `url` with `vt=TOKEN` (with consent) and the UTM parameters added to its query, before any fragment.
    public func link(to url: String, target: String? = nil) -> String {
        link(to: url, targetTag: target.map(TrackingTags.targetTag) ?? 0)
    }

    /// `link(to:target:)` with the target's tag (`TrackingTags.targetTag`) computed once by the caller, who links
    /// to the same products in thousands of messages. Written in one allocation: the URL, its separator, the
    /// token and the UTM parameters copied into the result, the token encoded in place.
    public func link(to url: String, targetTag: UInt32) -> String {
        var url = url
        var utm = utm
        var token: TrackingToken?
        if tracked {
            token = TrackingToken(
                kind: .click, campaign: campaignTag, segment: segmentTag, recipient: recipient, target: targetTag,
                day: day)
        }
        let linked = url.withUTF8 { url in
            utm.withUTF8 { utm in Self.link(url, token: token, keyring: keyring, utm: utm) }
        }
        if let linked { return linked }
        // Not ASCII: the String operations' own rules for the suffix checks.
        var parameters = self.utm
        if let token { parameters = "vt=" + token.text(keyring: keyring) + "&" + parameters }
        return Self.appending(query: parameters, to: url)
    }

    /// RFC 3986 §3.4–3.5 on the bytes of an ASCII URL, as `appending(query:to:)` does; nil for any other URL.
    private static func link(
        _ url: UnsafeBufferPointer<UInt8>, token: TrackingToken?, keyring: TrackingKeyring,
        utm: UnsafeBufferPointer<UInt8>
    ) -> String? {
        var hash = url.count
        var question = false
        for (index, byte) in url.enumerated() {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "#") && hash == url.count { hash = index }
            if byte == UInt8(ascii: "?") && hash == url.count { question = true }
        }
        let separator: UInt8? =
            !question
            ? UInt8(ascii: "?")
            : hash > 0 && (url[hash - 1] == UInt8(ascii: "?") || url[hash - 1] == UInt8(ascii: "&"))
                ? nil : UInt8(ascii: "&")
        let tokenLength = token == nil ? 0 : 3 + TrackingToken.textLength + 1
        let length = url.count + (separator == nil ? 0 : 1) + tokenLength + utm.count
        return String(unsafeUninitializedCapacity: length) { out in
            let base = out.baseAddress!
            var at = 0
            func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                (base + at).update(from: source, count: bytes.count)
                at += bytes.count
            }
            copy(UnsafeBufferPointer(rebasing: url[..<hash]))
            if let separator {
                base[at] = separator
                at += 1
            }
            if let token {
                base[at] = UInt8(ascii: "v")
                base[at + 1] = UInt8(ascii: "t")
                base[at + 2] = UInt8(ascii: "=")
                token.write(keyring: keyring, into: base + at + 3)
                at += 3 + TrackingToken.textLength
                base[at] = UInt8(ascii: "&")
                at += 1
            }
            copy(utm)
            copy(UnsafeBufferPointer(rebasing: url[hash...]))
            return at
        }
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
