/// Counts of what ingestion saw and dropped, for the run's summary.
public struct IngestCounters: Sendable, Hashable {
    /// Requests given to `add(_:)`.
    public var lines = 0
    /// Requests with no `vt=` in the query: not tracking, skipped.
    public var untracked = 0
    /// `vt=` values that are not tokens (length, alphabet, version, kind).
    public var malformedTokens = 0
    /// Tokens whose MAC does not match: tampered or from another secret. Dropped.
    public var forgedTokens = 0
    /// Tokens signed by a key id the keyring no longer holds. Dropped.
    public var unknownKey = 0
    /// Genuine tokens on a request that does not fit their kind (an open token on a page, a POST of a click).
    public var mismatched = 0
    /// Requests whose address is not an IP address.
    public var badAddress = 0
    /// Per class, events added.
    public var human = 0
    public var bot = 0
    public var errors = 0
    /// HEAD requests of click links (counted among errors too).
    public var head = 0
    public var machineOpens = 0
    public var scannerClicks = 0
    /// Per kind, events added (any class).
    public var opens = 0
    public var clicks = 0
    public var views = 0
    public var unsubscribes = 0
    public var optOuts = 0

    public init() {}

    /// Name and value of every counter, in a fixed order, for a summary or `--json`.
    public var entries: [(name: String, value: Int)] {
        [
            ("lines", lines), ("untracked", untracked), ("malformed_tokens", malformedTokens),
            ("forged_tokens", forgedTokens), ("unknown_key", unknownKey), ("mismatched", mismatched),
            ("bad_address", badAddress), ("human", human), ("bot", bot), ("errors", errors), ("head", head),
            ("machine_opens", machineOpens), ("scanner_clicks", scannerClicks), ("opens", opens),
            ("clicks", clicks), ("views", views), ("unsubscribes", unsubscribes), ("opt_outs", optOuts),
        ]
    }

    /// The value of the counter `name` of `entries`; nil for an unknown name.
    public subscript(name: String) -> Int? { entries.first { $0.name == name }?.value }
}
