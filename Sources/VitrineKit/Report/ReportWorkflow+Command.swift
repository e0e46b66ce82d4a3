import Reporting
import TextFormats

extension ReportWorkflow.Options {
    /// The options as the command line gives them: `asOf` as `YYYY-MM-DD`.
    public init(
        store: String, output: String, state: String?, campaign: String?, asOf: String?
    ) throws(OptionError) {
        let day = try OptionError.day(asOf, option: "as-of")
        self.init(store: store, output: output, state: state, campaign: campaign, asOf: day)
    }
}

extension ReportWorkflow.Summary {
    /// `--json`: the figures of `report.json`, byte for byte.
    public var renderedJSON: String { report.renderedJSON }

    /// `Output/reports: 2 campaigns, 8 segment rows as of 2026-11-30; files: 3 written, 0 unchanged, 0 removed`,
    /// then one line per campaign and the notes.
    public func renderedText(output: String) -> String {
        let campaigns = report.campaigns.campaigns
        let rows = campaigns.reduce(0) { $0 + $1.rows.count }
        var text =
            "\(output)/reports: \(campaigns.count) campaign\(campaigns.count == 1 ? "" : "s"), \(rows) segment "
            + "row\(rows == 1 ? "" : "s") as of \(report.asOf); files: \(written) written, \(unchanged) unchanged, "
            + "\(removed) removed\n"
        for campaign in campaigns {
            let total = campaign.total
            text +=
                "  \(campaign.id): \(total.delivery.sent) sent, \(total.opens.uniqueHuman) opened, "
                + "\(total.clicks.uniqueHuman) clicked, \(total.unsubscribes) unsubscribed, "
                + "\(total.orders.orders) orders (\(total.orders.revenue) \(report.currency))\n"
        }
        for note in report.campaigns.notes { text += "  note: \(note)\n" }
        return text
    }
}
