import Tracking

/// Turns access-log requests into classified, counted tracking events, bounded by distinct keys.
///
/// `add(_:)` finds the `vt=` token, verifies it, decides kind and class (docs/tracking.md has the rules and
/// their limits) and counts it under (kind, class, campaign, segment, recipient, target, day). `drain()` hands
/// over what was counted, with the unsubscribes and opt-outs, for one transaction; counting goes on after it.
public struct EventAggregator: Sendable {
    struct EventKey: Hashable, Sendable {
        var kind: EventKind
        var eventClass: EventClass
        var campaign: UInt16
        var segment: UInt16
        var recipient: UInt64
        var target: UInt32
        var day: UInt16
        var keyID: UInt8
    }

    struct Tally: Sendable {
        var count: Int
        var firstAt: Int64
        var lastAt: Int64

        mutating func add(_ time: Int64) {
            count += 1
            firstAt = min(firstAt, time)
            lastAt = max(lastAt, time)
        }
    }

    struct RecipientKey: Hashable, Sendable {
        var recipient: UInt64
        var keyID: UInt8
    }

    private let keyring: TrackingKeyring
    private let tags: TrackingTags
    private var tallies = TallyTable()
    private var bursts: [ClickBurst.Key: ClickBurst] = [:]
    private var unsubscribes: [RecipientKey: (campaign: UInt16, at: Int64)] = [:]
    private var optOuts: [RecipientKey: (campaign: UInt16, at: Int64)] = [:]
    private var latest = Int64.min
    /// What was seen and dropped so far (never reset by `drain()`).
    public private(set) var counters = IngestCounters()

    /// An aggregator verifying tokens with `keyring` and naming tags with `tags`.
    public init(keyring: TrackingKeyring, tags: TrackingTags) {
        self.keyring = keyring
        self.tags = tags
    }

    /// Classifies and counts one request; requests without a genuine token only move counters.
    public mutating func add(_ request: RequestView) {
        counters.lines += 1
        guard let token = Self.trackingParameter(in: request.target) else {
            counters.untracked += 1
            return
        }
        let verified: TrackingToken
        let keyID: UInt8
        switch TrackingToken.verify(token, keyring: keyring) {
        case .valid(let token, let id):
            verified = token
            keyID = id
        case .malformed:
            counters.malformedTokens += 1
            return
        case .unknownKey:
            counters.unknownKey += 1
            return
        case .forged:
            counters.forgedTokens += 1
            return
        }
        guard let kind = Self.kind(of: verified.kind, method: request.method, target: request.target) else {
            counters.mismatched += 1
            return
        }
        let address = AnonymizedAddress(request.address)
        if address == nil { counters.badAddress += 1 }
        let isHead = Self.equals(request.method, "HEAD")
        // nginx answers a POST to a static file with 405 (the one-click POST included): for the unsubscribe and
        // privacy pages that is the expected answer, not a failure.
        let suppressing = kind == .unsubscribe || kind == .optOut
        let failed = request.status >= 400 && !(suppressing && request.status == 405)
        var eventClass: EventClass
        if failed || (kind == .click && isHead) {
            eventClass = .error
            if kind == .click && isHead { counters.head += 1 }
        } else if kind == .open {
            eventClass =
                UserAgentTable.isMachineOpener(request.userAgent)
                ? .machineOpen : UserAgentTable.isBot(request.userAgent) ? .bot : .human
        } else if UserAgentTable.isBot(request.userAgent) {
            eventClass = .bot
        } else if kind == .click, let address, CloudNetworks.contains(address) {
            eventClass = .scanner
        } else {
            eventClass = .human
        }
        // RFC 8058 §3.2: the one-click POST comes from the mailbox provider, a machine acting for the person; it
        // is honoured whatever its user agent and whatever the static server answered: the log line is the only
        // record of the request, and honouring an unsubscribe never harms the recipient.
        if suppressing {
            let who = RecipientKey(recipient: verified.recipient, keyID: keyID)
            if kind == .unsubscribe {
                Self.remember(who, verified.campaign, request.time, in: &unsubscribes)
            } else {
                Self.remember(who, verified.campaign, request.time, in: &optOuts)
            }
        }
        let key = EventKey(
            kind: kind, eventClass: eventClass, campaign: verified.campaign, segment: verified.segment,
            recipient: verified.recipient, target: verified.target, day: verified.day, keyID: keyID)
        count(key, at: request.time)
        latest = max(latest, request.time)
        switch kind {
        case .open: counters.opens += 1
        case .click: counters.clicks += 1
        case .view: counters.views += 1
        case .unsubscribe: counters.unsubscribes += 1
        case .optOut: counters.optOuts += 1
        }
        if kind == .click, eventClass == .human { checkBurst(key, at: request.time) }
    }

    /// Everything counted since the last drain, tags named by the store's ids; burst records of the last
    /// `ClickBurst.window` seconds are kept so that a burst spanning two batches is still seen.
    ///
    /// The events come ordered by kind, class, key id and recipient, then time: near the order of the store's
    /// tables, so that writing them visits each B-tree page about once. The order is taken on the integer keys,
    /// before any tag is named: sorting the named events would move and compare strings.
    public mutating func drain() -> IngestBatch {
        var ordered: [(order: UInt64, firstAt: Int64, key: EventKey, tally: Tally)] = []
        ordered.reserveCapacity(tallies.keys.count)
        tallies.forEach { key, tally in
            let kindAndClass: UInt64 = UInt64(key.kind.rawValue) << 60 | UInt64(key.eventClass.rawValue) << 56
            let recipient: UInt64 = UInt64(key.keyID & 0x0F) << 48 | key.recipient & 0xFFFF_FFFF_FFFF
            let order = kindAndClass | recipient
            ordered.append((order, tally.firstAt, key, tally))
        }
        ordered.sort { ($0.order, $0.firstAt) < ($1.order, $1.firstAt) }
        var events: [AggregatedEvent] = []
        events.reserveCapacity(ordered.count)
        for (_, _, key, tally) in ordered {
            events.append(
                AggregatedEvent(
                    kind: key.kind, eventClass: key.eventClass, campaign: tags.campaign(key.campaign),
                    segment: tags.segment(key.segment), recipient: key.recipient, keyID: key.keyID,
                    target: tags.target(key.target), day: key.day, count: tally.count, firstAt: tally.firstAt,
                    lastAt: tally.lastAt))
        }
        let batch = IngestBatch(
            events: events, unsubscribes: suppressions(unsubscribes), optOuts: suppressions(optOuts))
        tallies.removeAll()
        unsubscribes.removeAll()
        optOuts.removeAll()
        let horizon = latest == Int64.min ? Int64.min : latest - ClickBurst.window
        bursts = bursts.filter { $0.value.newest >= horizon }
        for key in bursts.keys { bursts[key]!.commit() }
        return batch
    }

    private func suppressions(_ table: [RecipientKey: (campaign: UInt16, at: Int64)]) -> [Suppression] {
        table.map {
            Suppression(
                recipient: $0.key.recipient, keyID: $0.key.keyID, campaign: tags.campaign($0.value.campaign),
                at: $0.value.at)
        }.sorted { ($0.at, $0.recipient) < ($1.at, $1.recipient) }
    }

    private static func remember(
        _ who: RecipientKey, _ campaign: UInt16, _ time: Int64,
        in table: inout [RecipientKey: (campaign: UInt16, at: Int64)]
    ) {
        if let earlier = table[who], earlier.at <= time { return }
        table[who] = (campaign, time)
    }

    private mutating func count(_ key: EventKey, at time: Int64) {
        tallies.add(key, at: time)
        switch key.eventClass {
        case .human: counters.human += 1
        case .bot: counters.bot += 1
        case .error: counters.errors += 1
        case .machineOpen: counters.machineOpens += 1
        case .scanner: counters.scannerClicks += 1
        }
    }

    /// Records a person's click; when it completes a burst (3 distinct targets within 10 s), moves the burst's
    /// clicks still in this batch from human to scanner.
    private mutating func checkBurst(_ key: EventKey, at time: Int64) {
        let burstKey = ClickBurst.Key(campaign: key.campaign, recipient: key.recipient, keyID: key.keyID)
        // Mutated in place, so the record's small array is never copied.
        let reclassified = bursts[burstKey, default: ClickBurst()].add(key, at: time)
        for (moved, at) in reclassified {
            if tallies.remove(moved) { counters.human -= 1 }
            var scanner = moved
            scanner.eventClass = .scanner
            count(scanner, at: at)
        }
    }

    /// RFC 3986 §3.4: the value of the first `vt` parameter of the query (after `?`, between `&`s, before `#`).
    static func trackingParameter(in target: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let question = target.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        var start = question + 1
        while start < target.count {
            var end = start
            while end < target.count, target[end] != UInt8(ascii: "&"), target[end] != UInt8(ascii: "#") { end += 1 }
            if end - start >= 3, target[start] == UInt8(ascii: "v"), target[start + 1] == UInt8(ascii: "t"),
                target[start + 2] == UInt8(ascii: "=")
            {
                return UnsafeBufferPointer(rebasing: target[(start + 3)..<end])
            }
            if end < target.count, target[end] == UInt8(ascii: "#") { return nil }
            start = end + 1
        }
        return nil
    }

    /// The event a token of `kind` means for this request, nil when the request does not fit the token.
    static func kind(
        of kind: TrackingToken.Kind, method: UnsafeBufferPointer<UInt8>, target: UnsafeBufferPointer<UInt8>
    ) -> EventKind? {
        let read = equals(method, "GET") || equals(method, "HEAD")
        let post = equals(method, "POST")
        let path = UnsafeBufferPointer(rebasing: target[..<(target.firstIndex(of: UInt8(ascii: "?")) ?? target.count)])
        switch kind {
        case .open: return read && hasSuffix(path, "/px.gif") ? .open : nil
        case .click, .coupon: return read ? .click : nil
        case .view: return read ? .view : nil
        // A GET of the unsubscribe or privacy page only shows it: scanners and previews issue GETs.
        case .unsubscribe:
            guard hasSuffix(path, "/unsubscribe/") else { return nil }
            return post ? .unsubscribe : read ? .view : nil
        case .optOut:
            guard hasSuffix(path, "/privacy/") else { return nil }
            return post ? .optOut : read ? .view : nil
        }
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount
            && (0..<bytes.count).allSatisfy { bytes[$0] == text.utf8Start[$0] }
    }

    static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let offset = bytes.count - count
        return (0..<count).allSatisfy { bytes[offset + $0] == text.utf8Start[$0] }
    }
}
