import Diagnostics
import EventStore
import Foundation

extension SendWorkflow {
    /// The side of a send that needs no store: the batch's manifest, the state file and the campaign's lock, the
    /// age of the newest ingested log and, unless it is a dry run, the batch's entries in the journal (queued;
    /// entries already there keep their state), read back for the sender. Its findings are reported after the
    /// store's, in this order.
    struct Batch {
        var rows: [ManifestRow] = []
        /// The campaign's journal once the batch is in it (not read for a dry run).
        var entries: [JournalEntry]?
        var diagnostics = DiagnosticEngine()
        /// Nil when something above failed.
        var journal: EventStore?
        var lock: CampaignLock?
        /// The world failed (the state file), not the input.
        var failed = false

        static func prepare(_ options: Options, at now: Double) -> Batch {
            var batch = Batch()
            let folder = options.output + "/mail/" + options.campaign
            guard let rows = readManifest(folder: folder, diagnostics: &batch.diagnostics) else { return batch }
            batch.rows = rows
            let journal: EventStore
            do {
                journal = try EventStore(path: options.state ?? options.store + "/state.sqlite")
                batch.lock = try journal.lockCampaign(options.campaign)
            } catch {
                batch.diagnostics.error("\(error)", at: nil)
                batch.failed = true
                return batch
            }
            if !options.force {
                let newest: Int64?
                do { newest = try journal.newestIngest() } catch {
                    batch.diagnostics.error("\(error)", at: nil)
                    batch.failed = true
                    return batch
                }
                let age = newest.map { now - Double($0) }
                if age.map({ $0 > options.maximumLogAge }) ?? true {
                    let limit = Int(options.maximumLogAge / 3600)
                    let when =
                        age.map { "the newest ingested access log is \(Int($0 / 3600)) hours old" }
                        ?? "no access log has been ingested yet"
                    batch.diagnostics.error(
                        "\(when) (the limit is \(limit) hours): unsubscribes may not be honoured in time; run "
                            + "`vitrine ingest` on the web server's access log first, or pass --force",
                        at: nil)
                    return batch
                }
            }
            if !options.dryRun {
                do {
                    try journal.enqueue(
                        campaign: options.campaign, messages: rows.map { ($0.recipient, $0.messageID) }, at: Int64(now))
                    batch.entries = try journal.journal(campaign: options.campaign)
                } catch {
                    batch.diagnostics.error("\(error)", at: nil)
                    batch.failed = true
                    return batch
                }
            }
            batch.journal = journal
            return batch
        }
    }
}
