import Testing
import Tokens
import Tracking

@Suite struct LinkDecoratorTests {
    static let keyring = TrackingTokenTests.keyring

    static func decorator(consent: Bool, optedOut: Bool = false, campaign: String = "spring-sale")
        -> LinkDecorator
    {
        LinkDecorator(
            baseURL: "https://shop.example.com/", keyring: keyring, campaign: campaign, segment: "vip",
            recipient: .init(customerID: "C001", trackingConsent: consent, optedOut: optedOut), day: 19800)
    }

    static func token(in url: String) -> TrackingToken.Verification {
        let text = String(url[url.range(of: "vt=")!.upperBound...].prefix(TrackingToken.textLength))
        return TrackingTokenTests.verify(text)
    }

    @Test func withConsent() {
        let links = Self.decorator(consent: true)
        let token = "EALYBsRj3DFqPvbpL-TsTVglLRJEzPzpWw"  // pinned in TrackingTokenTests.pinnedDerivation
        #expect(
            links.link(to: "https://shop.example.com/seg/vip/p/tea/", target: "p-0012")
                == "https://shop.example.com/seg/vip/p/tea/?vt=\(token)"
                + "&utm_source=vitrine&utm_medium=email&utm_campaign=spring-sale")
        let recipient = Self.keyring.recipient("C001")
        let expected: [(String, TrackingToken.Kind, String)] = [
            (links.pixelURL!, .open, "https://shop.example.com/px.gif?vt="),
            (links.unsubscribeURL, .unsubscribe, "https://shop.example.com/unsubscribe/?vt="),
            (links.privacyURL, .optOut, "https://shop.example.com/privacy/?vt="),
        ]
        for (url, kind, prefix) in expected {
            #expect(url.hasPrefix(prefix) && url.count == prefix.count + TrackingToken.textLength, "\(url)")
            let token = TrackingToken(
                kind: kind, campaign: TrackingTags.campaignTag("spring-sale"), segment: TrackingTags.segmentTag("vip"),
                recipient: recipient, target: 0, day: 19800)
            #expect(Self.token(in: url) == .valid(token, keyID: 0))
        }
    }

    @Test(arguments: [(true, true), (false, false), (false, true)])
    func withoutConsent(consent: Bool, optedOut: Bool) {
        let links = Self.decorator(consent: consent, optedOut: optedOut)
        #expect(!links.isTracked)
        #expect(
            links.link(to: "https://shop.example.com/c/tea/", target: "p-1")
                == "https://shop.example.com/c/tea/?utm_source=vitrine&utm_medium=email&utm_campaign=spring-sale")
        #expect(links.pixelURL == nil)
        // Unsubscribing is not tracking: it works for everyone, with its own kind of token.
        if case .valid(let token, _) = Self.token(in: links.unsubscribeURL) {
            #expect(token.kind == .unsubscribe)
        } else {
            Issue.record("no valid unsubscribe token")
        }
        #expect(links.privacyURL.hasPrefix("https://shop.example.com/privacy/?vt="))
    }

    @Test(arguments: [
        ("https://s.example/a?x=1", "https://s.example/a?x=1&U"),
        ("https://s.example/a?x=1#top", "https://s.example/a?x=1&U#top"),
        ("https://s.example/a#top", "https://s.example/a?U#top"),
        ("https://s.example/a?", "https://s.example/a?U"),
        ("https://s.example/a?x=1&", "https://s.example/a?x=1&U"),
        ("https://s.example/a#frag?not-a-query", "https://s.example/a?U#frag?not-a-query"),
        // Not ASCII: the String path, same rules.
        ("https://s.example/é?x=1", "https://s.example/é?x=1&U"),
        ("https://s.example/ά#β", "https://s.example/ά?U#β"),
        ("https://s.example/ά?", "https://s.example/ά?U"),
    ])
    func existingQueryAndFragment(url: String, expected: String) {
        let utm = "utm_source=vitrine&utm_medium=email&utm_campaign=spring-sale"
        #expect(Self.decorator(consent: false).link(to: url) == expected.replacingOccurrences(of: "U", with: utm))
        let tracked = Self.decorator(consent: true).link(to: url)
        #expect(tracked.hasPrefix(String(expected.prefix { $0 != "U" }) + "vt="), "\(tracked)")
    }

    /// The shared part of a campaign and a precomputed target tag give exactly the links of the one-off path.
    @Test(arguments: [true, false])
    func sharedCampaignAndTargetTagsGiveTheSameLinks(consent: Bool) {
        let campaign = LinkDecorator.Campaign(baseURL: "https://shop.example.com/", campaign: "spring-sale")
        for customer in ["C001", "C002", "C-ά"] {
            let recipient = LinkDecorator.Recipient(customerID: customer, trackingConsent: consent)
            let oneOff = LinkDecorator(
                baseURL: "https://shop.example.com/", keyring: Self.keyring, campaign: "spring-sale", segment: "vip",
                recipient: recipient, day: 19800)
            let shared = LinkDecorator(
                campaign: campaign, segmentTag: TrackingTags.segmentTag("vip"), keyring: Self.keyring,
                recipient: recipient, day: 19800)
            #expect(shared.pixelURL == oneOff.pixelURL)
            #expect(shared.unsubscribeURL == oneOff.unsubscribeURL)
            #expect(shared.privacyURL == oneOff.privacyURL)
            for target in ["p-0012", "home", "linen-shirt"] {
                let url = "https://shop.example.com/vip/p/\(target)/"
                let expected = oneOff.link(to: url, target: target)
                #expect(shared.link(to: url, target: target) == expected)
                #expect(shared.link(to: url, targetTag: TrackingTags.targetTag(target)) == expected)
            }
            #expect(
                shared.link(to: "https://shop.example.com/", targetTag: 0)
                    == oneOff.link(to: "https://shop.example.com/"))
        }
    }

    @Test func storeWithoutOpenTracking() {
        let links = LinkDecorator(
            baseURL: "https://shop.example.com", keyring: Self.keyring, campaign: "spring-sale", segment: "vip",
            recipient: .init(customerID: "C001", trackingConsent: true), day: 19800, trackOpens: false)
        #expect(links.pixelURL == nil)
        #expect(links.isTracked)
        #expect(links.link(to: "https://shop.example.com/").contains("?vt="))
    }

    @Test func campaignIsPercentEncoded() {
        let links = Self.decorator(consent: false, campaign: "été & co/2024?#")
        #expect(
            links.link(to: "https://s.example/")
                == "https://s.example/?utm_source=vitrine&utm_medium=email&utm_campaign=%C3%A9t%C3%A9%20%26%20co%2F2024%3F%23"
        )
    }
}
