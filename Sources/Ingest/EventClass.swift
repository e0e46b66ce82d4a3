/// Who made a tracked request. Classes are kept apart in storage and reports, never summed together.
public enum EventClass: UInt8, Sendable, Hashable, CaseIterable {
    /// A person, as far as the rules can tell.
    case human = 1
    /// A crawler, monitor, script or headless browser (by user agent).
    case bot = 2
    /// Status 400 or more, or a HEAD for a click: nobody saw a page.
    case error = 3
    /// A mail provider's privacy proxy fetching the pixel (Apple MPP, Gmail, Yahoo, Outlook).
    case machineOpen = 4
    /// A mail-security gateway following links before (or instead of) the person.
    case scanner = 5
}
