import Foundation
import TextFormats

extension SendWorkflow.Options {
    /// The numeric options as the command line gives them; each must be a positive number.
    public mutating func apply(
        connections: String?, rate: String?, retryDelay: String?, maxAttempts: String?, wait: String?,
        maxLogAge: String?
    ) throws(OptionError) {
        func whole(_ text: String?, _ name: String, in range: ClosedRange<Int>) throws(OptionError) -> Int? {
            guard let text else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw OptionError(
                    "invalid --\(name) \"\(text)\": a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        func seconds(_ text: String?, _ name: String) throws(OptionError) -> Double? {
            guard let text else { return nil }
            guard let value = Double(text), value.isFinite, value >= 0, value <= 1e7 else {
                throw OptionError("invalid --\(name) \"\(text)\": a number of seconds, 0 or more")
            }
            return value
        }
        guard !campaign.isEmpty else { throw OptionError("missing CAMPAIGN: the id of a campaign in campaigns.json") }
        if let value = try whole(connections, "connections", in: 1...64) { self.connections = value }
        if let rate {
            guard let value = Double(rate), value.isFinite, value > 0 else {
                throw OptionError("invalid --rate \"\(rate)\": messages per second, more than 0")
            }
            ratePerSecond = value
        }
        if let value = try seconds(retryDelay, "retry-delay") { self.retryDelay = .milliseconds(Int(value * 1000)) }
        if let value = try whole(maxAttempts, "max-attempts", in: 1...100) { self.maxAttempts = value }
        if let value = try seconds(wait, "wait") { waitForDeferred = .milliseconds(Int(value * 1000)) }
        if let value = try seconds(maxLogAge, "max-log-age") { maximumLogAge = value * 3600 }
    }
}

extension SendWorkflow.Summary {
    /// `--json`: the same figures as the summary line.
    public func renderedJSON() -> String {
        JSONOutput.object([
            ("campaign", .string(campaign)), ("messages", .int(messages)), ("dry_run", .bool(dryRun)),
            ("to_send", .int(toSend)), ("sent", .int(delivery.sent)), ("deferred", .int(delivery.deferred)),
            ("bounced", .int(delivery.bounced)), ("suppressed", .int(delivery.suppressed)),
            ("already_done", .int(delivery.alreadyDone)), ("attempts", .int(delivery.attempts)),
            ("resumed", .int(delivery.resumed)), ("seconds", .number(String(format: "%.3f", seconds))),
        ]).serialized()
    }

    /// `winter-2026: 1,204 sent, 0 deferred, 2 bounced, 3 suppressed, 0 already sent in 4.1 s`
    public func renderedLine() -> String {
        let grouped = BuildWorkflow.Summary.grouped
        if dryRun {
            return "\(campaign) (dry run): \(grouped(toSend)) to send, \(grouped(delivery.suppressed)) suppressed, "
                + "\(grouped(delivery.alreadyDone)) already done, of \(grouped(messages)) messages\n"
        }
        return "\(campaign): \(grouped(delivery.sent)) sent, \(grouped(delivery.deferred)) deferred, "
            + "\(grouped(delivery.bounced)) bounced, \(grouped(delivery.suppressed)) suppressed, "
            + "\(grouped(delivery.alreadyDone)) already done in \(String(format: "%.1f", seconds)) s\n"
    }
}
