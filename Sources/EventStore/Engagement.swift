/// One recipient's engagement as segmentation and recommendation read it: human events only (no bots, privacy
/// proxies or link scanners), up to and including the day asked for.
public struct Engagement: Equatable, Sendable {
    /// The last day (days since 1970-01-01) with an open, or nil.
    public var lastOpenDay: Int64?
    /// The last day with a click, or nil.
    public var lastClickDay: Int64?
    /// Clicks in the 30 days ending with the day asked for (that day and the 29 before).
    public var recentClicks: Int64
    /// Every target (product slug or link id) the recipient clicked.
    public var clickedTargets: Set<String>

    public init(
        lastOpenDay: Int64? = nil, lastClickDay: Int64? = nil, recentClicks: Int64 = 0,
        clickedTargets: Set<String> = []
    ) {
        self.lastOpenDay = lastOpenDay
        self.lastClickDay = lastClickDay
        self.recentClicks = recentClicks
        self.clickedTargets = clickedTargets
    }
}
