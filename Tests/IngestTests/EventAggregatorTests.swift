import Ingest
import Testing
import Tokens
import Tracking

/// Real-looking combined-format lines (the shapes of the ingest benchmark's generator) through the aggregator.
@Suite struct EventAggregatorTests {
    static let secret = SecretKey(text: "correct horse battery staple, 32+ characters long")!
    static let store = "https://shop.example.com"
    static let keyring = try! TrackingKeyring(current: secret, storeIdentity: store)
    static let tags = try! TrackingTags(
        campaigns: ["c240315-spring", "c240317-vip"], segments: ["vip", "new"],
        targets: ["p-linen-shirt", "p-wool-coat", "p-silk-scarf", "p-denim-jacket"])
    static let day: UInt16 = 19797  // 2024-03-15

    static func token(
        _ kind: TrackingToken.Kind, customer: String = "C001", campaign: String = "c240315-spring",
        target: String? = nil, keyring: TrackingKeyring = keyring
    ) -> String {
        TrackingToken(
            kind: kind, campaign: TrackingTags.campaignTag(campaign), segment: TrackingTags.segmentTag("vip"),
            recipient: keyring.recipient(customer), target: target.map(TrackingTags.targetTag) ?? 0, day: day
        ).text(keyring: keyring)
    }

    static let browser =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1"
    static let chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"

    static func line(
        _ address: String, _ time: String, _ method: String, _ target: String, _ status: Int, _ agent: String
    ) -> String {
        "\(address) - - [15/Mar/2024:\(time) +0100] \"\(method) \(target) HTTP/1.1\" \(status) 43 \"-\" \"\(agent)\""
    }

    static func run(_ lines: [String]) -> (IngestBatch, IngestCounters) {
        var aggregator = EventAggregator(keyring: keyring, tags: tags)
        for line in lines { CombinedLine(line).add(to: &aggregator) }
        return (aggregator.drain(), aggregator.counters)
    }

    static func classes(_ batch: IngestBatch) -> [String] {
        batch.events.map { "\($0.kind) \($0.eventClass) \($0.target ?? "-") ×\($0.count)" }
    }

    @Test func opensByWhoFetchesThePixel() {
        let pixel = "/px.gif?vt=" + Self.token(.open)
        let (batch, counters) = Self.run([
            Self.line("172.225.18.4", "10:00:01", "GET", pixel, 200, "Mozilla/5.0"),
            Self.line(
                "66.102.3.7", "10:00:02", "GET", pixel, 200,
                "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"),
            Self.line(
                "74.6.1.2", "10:00:03", "GET", pixel, 200,
                "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html"),
            Self.line(
                "81.64.2.3", "10:00:04", "GET", pixel, 200,
                "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)"),
            Self.line("81.64.2.3", "10:05:00", "HEAD", pixel, 200, Self.browser),
            Self.line("5.1.2.3", "10:06:00", "GET", pixel, 200, "Mozilla/5.0 (compatible; bingbot/2.0)"),
        ])
        #expect(Self.classes(batch).sorted() == ["open bot - ×1", "open human - ×2", "open machineOpen - ×3"])
        let human = batch.events.first { $0.eventClass == .human }!
        #expect(human.campaign == "c240315-spring" && human.segment == "vip" && human.day == Self.day)
        #expect(human.recipient == Self.keyring.recipient("C001") && human.keyID == 0)
        #expect(human.firstAt == CombinedLine.unixTime("15/Mar/2024:10:00:04 +0100"))
        #expect(human.lastAt == CombinedLine.unixTime("15/Mar/2024:10:05:00 +0100"))
        #expect(counters.opens == 6 && counters.machineOpens == 3 && counters.human == 2 && counters.bot == 1)
    }

    @Test func clicksByWhoFollowsTheLink() {
        func click(_ target: String, customer: String) -> String {
            "/seg/vip/p/\(target)/?vt=\(Self.token(.click, customer: customer, target: target))"
                + "&utm_source=vitrine&utm_medium=email&utm_campaign=c240315-spring"
        }
        let (batch, counters) = Self.run([
            Self.line("81.64.2.3", "10:00:00", "GET", click("p-linen-shirt", customer: "C1"), 200, Self.browser),
            Self.line("52.18.7.9", "10:00:01", "GET", click("p-wool-coat", customer: "C2"), 200, Self.chrome),
            Self.line("3.250.1.1", "10:00:02", "HEAD", click("p-wool-coat", customer: "C3"), 200, Self.chrome),
            Self.line("2a05:d018:1:2::9", "10:00:03", "GET", click("p-silk-scarf", customer: "C4"), 200, Self.chrome),
            Self.line("81.64.2.4", "10:00:04", "GET", click("p-silk-scarf", customer: "C5"), 404, Self.browser),
            Self.line("81.64.2.5", "10:00:05", "GET", click("p-silk-scarf", customer: "C6"), 200, "curl/8.5.0"),
            Self.line("81.64.2.6", "10:00:06", "GET", click("p-silk-scarf", customer: "C7"), 304, Self.browser),
        ])
        #expect(
            Self.classes(batch).sorted() == [
                "click bot p-silk-scarf ×1", "click error p-silk-scarf ×1", "click error p-wool-coat ×1",
                "click human p-linen-shirt ×1", "click human p-silk-scarf ×1", "click scanner p-silk-scarf ×1",
                "click scanner p-wool-coat ×1",
            ])
        #expect(counters.head == 1 && counters.errors == 2 && counters.scannerClicks == 2 && counters.human == 2)
    }

    /// A security gateway follows every link of the message within seconds; a person does not.
    @Test(arguments: [false, true])
    func clickBurstIsAScanner(reversed: Bool) {
        func click(_ target: String, _ time: String, customer: String) -> String {
            Self.line(
                "81.64.2.3", time, "GET", "/p/\(target)/?vt=\(Self.token(.click, customer: customer, target: target))",
                200, Self.chrome)
        }
        var lines = [
            click("p-linen-shirt", "10:00:00", customer: "C1"), click("p-wool-coat", "10:00:03", customer: "C1"),
            click("p-silk-scarf", "10:00:07", customer: "C1"), click("p-denim-jacket", "10:00:09", customer: "C1"),
            // A person: two links within 10 s, a third a minute later.
            click("p-linen-shirt", "10:00:00", customer: "C2"), click("p-wool-coat", "10:00:05", customer: "C2"),
            click("p-silk-scarf", "10:01:05", customer: "C2"),
            // The same link three times is a person reloading, not a burst of distinct links.
            click("p-linen-shirt", "10:00:00", customer: "C3"), click("p-linen-shirt", "10:00:01", customer: "C3"),
            click("p-linen-shirt", "10:00:02", customer: "C3"),
        ]
        if reversed { lines.reverse() }
        let (batch, counters) = Self.run(lines)
        let scanner = batch.events.filter { $0.eventClass == .scanner }
        #expect(scanner.count == 4 && scanner.allSatisfy { $0.recipient == Self.keyring.recipient("C1") })
        #expect(batch.events.filter { $0.eventClass == .human }.map(\.count).reduce(0, +) == 6)
        #expect(counters.scannerClicks == 4 && counters.human == 6 && counters.clicks == 10)
    }

    /// A burst split by a drain: clicks already handed over stay as they were, later ones are the scanner's.
    @Test func burstAcrossBatches() {
        var aggregator = EventAggregator(keyring: Self.keyring, tags: Self.tags)
        func click(_ target: String, _ time: String) {
            CombinedLine(
                Self.line(
                    "81.64.2.3", time, "GET", "/p/?vt=\(Self.token(.click, target: target))", 200, Self.chrome)
            ).add(to: &aggregator)
        }
        click("p-linen-shirt", "10:00:00")
        click("p-wool-coat", "10:00:02")
        #expect(
            Self.classes(aggregator.drain()).sorted() == ["click human p-linen-shirt ×1", "click human p-wool-coat ×1"])
        click("p-silk-scarf", "10:00:04")
        #expect(Self.classes(aggregator.drain()) == ["click scanner p-silk-scarf ×1"])
        #expect(aggregator.drain().events.isEmpty)
        #expect(aggregator.counters.human == 2 && aggregator.counters.scannerClicks == 1)
    }

    /// RFC 8058: only the POST unsubscribes; a GET (a scanner, a preview, a person looking) shows the page. nginx
    /// answers 405 to a POST on a static file: still an unsubscribe.
    @Test func unsubscribeOnlyByPost() {
        let unsubscribe = "/unsubscribe/?vt=" + Self.token(.unsubscribe, customer: "C9")
        let privacy = "/privacy/?vt=" + Self.token(.optOut, customer: "C8")
        let (batch, counters) = Self.run([
            Self.line("52.1.2.3", "10:00:00", "GET", unsubscribe, 200, Self.chrome),
            Self.line("81.64.2.3", "10:00:10", "GET", unsubscribe, 200, Self.browser),
            Self.line(
                "81.64.2.3", "10:00:20", "POST", unsubscribe, 500, "Mozilla/5.0 (compatible; Google-Unsubscribe)"),
            Self.line(
                "209.85.1.1", "10:00:30", "POST", unsubscribe, 405, "Mozilla/5.0 (compatible; Google-Unsubscribe)"),
            Self.line(
                "209.85.1.1", "10:00:40", "POST", unsubscribe, 200, "Mozilla/5.0 (compatible; Google-Unsubscribe)"),
            Self.line("81.64.2.3", "10:01:00", "GET", privacy, 200, Self.browser),
            Self.line("81.64.2.3", "10:01:30", "POST", privacy, 200, Self.browser),
            // An unsubscribe token on another path, a click token posted: not what they were made for.
            Self.line("81.64.2.3", "10:02:00", "POST", "/px.gif?vt=" + Self.token(.unsubscribe), 200, Self.browser),
            Self.line("81.64.2.3", "10:02:00", "POST", "/p/?vt=" + Self.token(.click), 200, Self.browser),
            Self.line("81.64.2.3", "10:02:00", "GET", "/p/?vt=" + Self.token(.open), 200, Self.browser),
        ])
        #expect(
            Self.classes(batch).sorted() == [
                "optOut human - ×1", "unsubscribe error - ×1", "unsubscribe human - ×2", "view human - ×1",
                "view human - ×2",
            ])
        // The 500 is an error event, but the POST happened: the earliest one is the unsubscribe's time.
        let at = CombinedLine.unixTime("15/Mar/2024:10:00:20 +0100")
        #expect(
            batch.unsubscribes == [
                Suppression(recipient: Self.keyring.recipient("C9"), keyID: 0, campaign: "c240315-spring", at: at)
            ])
        #expect(batch.optOuts.map(\.recipient) == [Self.keyring.recipient("C8")])
        #expect(counters.mismatched == 3 && counters.unsubscribes == 3 && counters.views == 3)
    }

    @Test func tokensAreFoundAnywhereInTheQuery() {
        let token = Self.token(.click, target: "p-wool-coat")
        let (batch, counters) = Self.run([
            Self.line("81.64.2.3", "10:00:00", "GET", "/p/?vt=\(token)&utm_source=vitrine", 200, Self.browser),
            Self.line("81.64.2.3", "10:00:01", "GET", "/p/?utm_source=newsletter&vt=\(token)", 200, Self.browser),
            Self.line(
                "81.64.2.3", "10:00:02", "GET",
                "/p/?utm_campaign=x&utm_content=hero%20banner&vt=\(token)&gclid=EAIaIQobChMI123", 200, Self.browser),
            Self.line("81.64.2.3", "10:00:03", "GET", "/p/?xvt=\(token)", 200, Self.browser),
            Self.line("81.64.2.3", "10:00:04", "GET", "/p/vt=\(token)", 200, Self.browser),
            Self.line("81.64.2.3", "10:00:05", "GET", "/p/?a=1#vt=\(token)", 200, Self.browser),
            Self.line("81.64.2.3", "10:00:06", "GET", "/c/sale/?page=2", 200, Self.browser),
        ])
        #expect(Self.classes(batch) == ["click human p-wool-coat ×3"])
        #expect(counters.untracked == 4 && counters.lines == 7)
    }

    @Test func forgedAndMalformedTokensAreCountedAndDropped() throws {
        let good = Self.token(.click, target: "p-wool-coat")
        var tampered = Array(good.utf8)
        tampered[10] = tampered[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let otherStore = try TrackingKeyring(current: Self.secret, storeIdentity: "https://other.example.com")
        let rotated = try TrackingKeyring(current: Self.secret, currentKeyID: 5, storeIdentity: Self.store)
        let (batch, counters) = Self.run([
            Self.line(
                "81.64.2.3", "10:00:00", "GET", "/p/?vt=" + String(decoding: tampered, as: UTF8.self), 200, Self.browser
            ),
            Self.line(
                "81.64.2.3", "10:00:01", "GET", "/p/?vt=" + Self.token(.click, keyring: otherStore), 200, Self.browser),
            Self.line(
                "81.64.2.3", "10:00:02", "GET", "/p/?vt=" + Self.token(.click, keyring: rotated), 200, Self.browser),
            Self.line("81.64.2.3", "10:00:03", "GET", "/p/?vt=" + good.dropLast(), 200, Self.browser),
            Self.line("81.64.2.3", "10:00:04", "GET", "/p/?vt=6Qm0yNbiJdNf3tT1wq7r9zKx", 200, Self.browser),
            Self.line("81.64.2.3", "10:00:05", "GET", "/p/?vt=", 200, Self.browser),
        ])
        #expect(batch.events.isEmpty)
        #expect(counters.forgedTokens == 2 && counters.unknownKey == 1 && counters.malformedTokens == 3)
        #expect(counters["forged_tokens"] == 2 && counters["nonsense"] == nil)
    }

    @Test func aggregationAndDrain() {
        var aggregator = EventAggregator(keyring: Self.keyring, tags: Self.tags)
        let pixel = "/px.gif?vt=" + Self.token(.open, campaign: "c240317-vip")
        for time in ["10:00:00", "11:00:00", "09:00:00"] {
            CombinedLine(Self.line("81.64.2.3", time, "GET", pixel, 200, Self.browser)).add(to: &aggregator)
        }
        // A campaign the store no longer has: counted, its campaign unnamed.
        CombinedLine(
            Self.line(
                "81.64.2.3", "12:00:00", "GET", "/px.gif?vt=" + Self.token(.open, campaign: "gone"), 200, Self.browser)
        ).add(to: &aggregator)
        let batch = aggregator.drain()
        #expect(batch.events.count == 2)
        let event = batch.events[0]
        #expect(event.count == 3 && event.campaign == "c240317-vip")
        #expect(event.firstAt == CombinedLine.unixTime("15/Mar/2024:09:00:00 +0100"))
        #expect(event.lastAt == CombinedLine.unixTime("15/Mar/2024:11:00:00 +0100"))
        #expect(batch.events[1].campaign == nil && batch.events[1].count == 1)
        #expect(aggregator.drain().events.isEmpty)
        #expect(aggregator.counters.opens == 4 && aggregator.counters.lines == 4)
    }

    @Test func badAddressIsCountedNotDropped() {
        let (batch, counters) = Self.run([
            Self.line("unknown", "10:00:00", "GET", "/px.gif?vt=" + Self.token(.open), 200, Self.browser)
        ])
        #expect(Self.classes(batch) == ["open human - ×1"])
        #expect(counters.badAddress == 1)
    }
}
