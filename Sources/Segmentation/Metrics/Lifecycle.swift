/// Where a customer stands in their relationship with the shop, from the dates of their orders.
///
/// Thresholds (days before `asOf`), fixed so that a build is reproducible and a rule reads the same in every store:
/// - `new`: first order at most `newWithinDays` (30) days ago; a customer without orders created that recently.
/// - `active`: last order at most `activeWithinDays` (90) days ago.
/// - `atRisk`: last order at most `atRiskWithinDays` (180) days ago.
/// - `lapsed`: everyone else, including customers created long ago who never bought.
public enum Lifecycle: UInt8, Sendable, Hashable, CaseIterable {
    case new, active, atRisk, lapsed

    public static let newWithinDays: Int32 = 30
    public static let activeWithinDays: Int32 = 90
    public static let atRiskWithinDays: Int32 = 180

    /// The spelling of the rule language and of reports.
    public var name: String {
        switch self {
        case .new: "new"
        case .active: "active"
        case .atRisk: "at_risk"
        case .lapsed: "lapsed"
        }
    }

    /// The stage of a customer; `tenureDays`/`recencyDays` are nil without orders.
    public static func classify(tenureDays: Int32?, recencyDays: Int32?, daysSinceCreated: Int32) -> Lifecycle {
        guard let tenureDays, let recencyDays else { return daysSinceCreated <= newWithinDays ? .new : .lapsed }
        if tenureDays <= newWithinDays { return .new }
        if recencyDays <= activeWithinDays { return .active }
        if recencyDays <= atRiskWithinDays { return .atRisk }
        return .lapsed
    }
}
