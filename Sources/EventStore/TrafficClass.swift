/// Who (or what) caused it, as ingest classified the request.
public enum TrafficClass: Int64, Sendable, CaseIterable {
    /// A person.
    case human = 0
    /// A crawler or other declared robot.
    case bot = 1
    /// A mail provider's privacy proxy fetching the open pixel (not the reader).
    case machineOpen = 2
    /// A security scanner following every link of a message before the reader sees it.
    case scanner = 3
    /// A request that failed (4xx/5xx).
    case error = 4
}
