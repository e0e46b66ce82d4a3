import Foundation
import TextFormats

extension MailWorkflow.Options {
    /// The options as the command line gives them: `limit` a whole number ≥ 1, `asOf` as `YYYY-MM-DD`.
    public init(
        store: String, output: String, campaign: String, segments: [String], limit: String?, state: String?,
        asOf: String?
    ) throws(OptionError) {
        guard !campaign.isEmpty else { throw OptionError("missing CAMPAIGN: the id of a campaign in campaigns.json") }
        var count: Int?
        if let limit {
            guard let value = Int(limit), value >= 1 else {
                throw OptionError("invalid --limit \"\(limit)\": a whole number of messages, 1 or more")
            }
            count = value
        }
        let day = try OptionError.day(asOf, option: "as-of")
        self.init(
            store: store, output: output, campaign: campaign, segments: segments, limit: count, state: state,
            asOf: day)
    }
}

extension MailWorkflow.Summary {
    /// `--json`: the same figures as the summary lines.
    public func renderedJSON(output: String) -> String {
        JSONOutput.object([
            ("output", .string(output + "/mail/" + campaign)), ("recipients", .int(recipients)),
            (
                "skipped",
                .object(skipped.sorted { $0.key < $1.key }.map { ($0.key, JSONOutput.int($0.value)) })
            ),
            ("written", .int(written)), ("unchanged", .int(unchanged)), ("removed", .int(removed)),
            ("bytes_written", .number(String(bytesWritten))), ("seconds", .number(String(format: "%.3f", seconds))),
        ]).serialized()
    }

    /// `Output/mail/winter-2026: 1,204 messages; skipped: 96 no consent, 3 suppressed; files: …`
    public func renderedLines(output: String) -> String {
        let grouped = BuildWorkflow.Summary.grouped
        let reasons = skipped.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            .map { "\(grouped($0.value)) \($0.key)" }
        return "\(output)/mail/\(campaign): \(grouped(recipients)) messages; skipped: "
            + (reasons.isEmpty ? "none" : reasons.joined(separator: ", ")) + "\n"
            + "files: \(grouped(written)) written, \(grouped(unchanged)) unchanged, \(grouped(removed)) removed, "
            + "\(BuildWorkflow.Summary.megabytes(bytesWritten)) in \(String(format: "%.1f", seconds)) s\n"
    }
}
