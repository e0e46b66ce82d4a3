import Foundation
import Store

/// Everything `vitrine report` publishes: the campaigns' figures and the customer overview, with the previous
/// report's overview to compare with. Counts only, no personal data; rendered as JSON, CSV and HTML.
public struct StoreReport: Sendable, Equatable {
    /// The store's name and currency, for titles and money.
    public var storeName: String
    public var currency: String
    /// The day the figures stand on (`YYYY-MM-DD`).
    public var asOf: String
    public var campaigns: CampaignReport
    public var overview: CustomerOverview
    /// The overview of the report this one replaces, nil for the first.
    public var previous: OverviewSnapshot?

    public init(
        storeName: String, currency: String, asOf: String, campaigns: CampaignReport, overview: CustomerOverview,
        previous: OverviewSnapshot? = nil
    ) {
        self.storeName = storeName
        self.currency = currency
        self.asOf = asOf
        self.campaigns = campaigns
        self.overview = overview
        self.previous = previous
    }

    /// A ratio as JSON and CSV write it: four decimals (`0.1250`), so that a file's bytes do not depend on how a
    /// platform prints doubles.
    static func ratio(_ value: Double) -> String { String(format: "%.4f", value) }

    /// A ratio as a percentage for people: `12.5 %` (a no-break space before the sign).
    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f\u{A0}%%", value * 100)
    }
}
