import Diagnostics
import TextFormats

/// The overview figures of an earlier report, read back from its `report.json`, to show how each moved.
public struct OverviewSnapshot: Sendable, Equatable {
    /// The earlier report's date (`as_of`).
    public var asOf: String
    public var customers: Int
    public var buyers: Int
    /// The share of revenue of the top 20 % of buyers, 0…1.
    public var paretoShare: Double
    /// Segment id → customers.
    public var segments: [String: Int]
    /// Stage name → customers.
    public var lifecycle: [String: Int]
    /// `rfm[r - 1][f - 1]` as in `CustomerOverview`; nil when the earlier report had no grid.
    public var rfm: [[Int]]?

    public init(
        asOf: String, customers: Int, buyers: Int, paretoShare: Double, segments: [String: Int],
        lifecycle: [String: Int], rfm: [[Int]]? = nil
    ) {
        self.asOf = asOf
        self.customers = customers
        self.buyers = buyers
        self.paretoShare = paretoShare
        self.segments = segments
        self.lifecycle = lifecycle
        self.rfm = rfm
    }

    /// The overview this report compares with, found in the `report.json` it replaces: that report's own figures
    /// when it stands on another day than `asOf`, else (the same day reported again) the figures it compared with,
    /// so that running a report twice changes nothing. Nil for anything else: a damaged or foreign file is no reason
    /// to fail a report, it is simply not compared with.
    public static func previous(inReportJSON bytes: [UInt8], asOf: String) -> OverviewSnapshot? {
        var diagnostics = DiagnosticEngine()
        guard let root = JSONParser.parse(SourceText(path: "report.json", bytes: bytes), diagnostics: &diagnostics),
            !diagnostics.hasErrors, case .string(let reportDay)? = root["as_of"]?.value,
            let overview = root["customers"]
        else { return nil }
        if reportDay != asOf { return OverviewSnapshot(overview, asOf: reportDay) }
        guard let previous = overview["previous"], case .string(let previousDay)? = previous["as_of"]?.value else {
            return nil
        }
        return OverviewSnapshot(previous, asOf: previousDay)
    }

    /// Reads `customers`, `buyers`, `pareto.revenue_share` (or `revenue_share`), `segments` (a list of
    /// `{id, customers}` or an object of id → customers), `lifecycle` and the RFM grid (`rfm.counts` or `rfm`: five
    /// rows of five, recency 5 first) of an overview object.
    init?(_ node: JSONNode, asOf: String) {
        guard let customers = Self.int(node["customers"]), let buyers = Self.int(node["buyers"]),
            let share = Self.double(node["pareto"]?["revenue_share"] ?? node["revenue_share"]),
            case .object(let stageMembers)? = node["lifecycle"]?.value
        else { return nil }
        var segments: [String: Int] = [:]
        switch node["segments"]?.value {
        case .array(let nodes)?:
            for segment in nodes {
                guard case .string(let id)? = segment["id"]?.value, let size = Self.int(segment["customers"]) else {
                    return nil
                }
                segments[id] = size
            }
        case .object(let members)?:
            for member in members {
                guard let size = Self.int(member.value) else { return nil }
                segments[member.key] = size
            }
        default: return nil
        }
        var lifecycle: [String: Int] = [:]
        for member in stageMembers {
            guard let count = Self.int(member.value) else { return nil }
            lifecycle[member.key] = count
        }
        self.init(
            asOf: asOf, customers: customers, buyers: buyers, paretoShare: share, segments: segments,
            lifecycle: lifecycle, rfm: Self.grid(node["rfm"]?["counts"] ?? node["rfm"]))
    }

    /// Five rows of five counts, recency 5 first, as `rfm[r - 1][f - 1]`; nil for anything else.
    private static func grid(_ node: JSONNode?) -> [[Int]]? {
        guard case .array(let rows)? = node?.value, rows.count == 5 else { return nil }
        var grid: [[Int]] = []
        for row in rows.reversed() {
            guard case .array(let cells) = row.value, cells.count == 5 else { return nil }
            let counts = cells.compactMap { Self.int($0) }
            guard counts.count == 5 else { return nil }
            grid.append(counts)
        }
        return grid
    }

    private static func int(_ node: JSONNode?) -> Int? {
        guard case .number(let text)? = node?.value else { return nil }
        return Int(text)
    }

    private static func double(_ node: JSONNode?) -> Double? {
        guard case .number(let text)? = node?.value else { return nil }
        return Double(text)
    }
}
