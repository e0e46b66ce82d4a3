import Delivery
import Diagnostics
import EventStore
import Foundation
import Mail
import Parallelism
import SMTP
import Store
import TextFormats

/// `vitrine send CAMPAIGN --smtp HOST:PORT`: hands the batch `vitrine mail` wrote to a relay, each message exactly
/// once (the journal in the store's state file), refusing to start while another `send` holds the campaign, or
/// while the newest ingested access log is too old for unsubscribes to be honoured in time (unless forced).
public enum SendWorkflow {
    public struct Options: Sendable {
        public var store: String
        public var output: String
        public var campaign: String
        public var smtp: String
        public var connections = 4
        public var ratePerSecond: Double?
        public var dryRun = false
        /// Send even when the newest ingested log is older than `maximumLogAge`.
        public var force = false
        /// Seconds: bulk-mail rules want unsubscribes honoured within two days.
        public var maximumLogAge: Double = 48 * 3600
        /// The store's state file; nil: `<store>/state.sqlite`.
        public var state: String?
        public var retryDelay: Duration = .seconds(60)
        public var maxAttempts = 5
        public var waitForDeferred: Duration = .seconds(900)
        public var timeouts = SMTPTimeouts()

        public init(store: String, output: String = "Output", campaign: String, smtp: String) {
            self.store = store
            self.output = output
            self.campaign = campaign
            self.smtp = smtp
        }
    }

    public struct Summary: Sendable, Equatable {
        public var campaign = ""
        public var messages = 0
        public var dryRun = false
        /// In a dry run: messages that would be handed to the relay now.
        public var toSend = 0
        public var delivery = DeliverySummary()
        public var seconds = 0.0
    }

    public struct Result: Sendable {
        public var diagnostics: DiagnosticEngine
        public var summary: Summary?
        /// The world failed (the relay, the state file), not the input.
        public var failed = false
    }

    public static func run(_ options: Options) -> Result {
        let start = Date()
        var diagnostics = DiagnosticEngine()
        let endpoint: SMTPEndpoint
        do { endpoint = try SMTPEndpoint(parsing: options.smtp) } catch {
            diagnostics.error("invalid --smtp \"\(options.smtp)\": expected HOST:PORT, e.g. 127.0.0.1:25", at: nil)
            return Result(diagnostics: diagnostics)
        }
        // The batch's manifest is read on a thread of its own while this one loads the store (W1's 100,000
        // customers and 10,000 products take a quarter of a second); its findings come after the store's.
        let folder = options.output + "/mail/" + options.campaign
        let manifest = BackgroundWork { () -> (rows: [ManifestRow]?, findings: DiagnosticEngine) in
            var findings = DiagnosticEngine()
            return (readManifest(folder: folder, diagnostics: &findings), findings)
        }
        // Consent and addresses are what a send checks: the purchase history is not read.
        let (loaded, storeDiagnostics) = StoreLoader.load(
            directory: options.store, options: .init(readsHistory: false))
        let (manifestRows, manifestFindings) = manifest.wait()
        diagnostics = storeDiagnostics
        guard let store = loaded, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }
        guard store.campaigns.contains(where: { $0.id == options.campaign }) else {
            diagnostics.error(
                "no campaign \"\(options.campaign)\" in campaigns.json"
                    + Spelling.didYouMean(options.campaign, among: store.campaigns.map(\.id)),
                at: nil)
            return Result(diagnostics: diagnostics)
        }
        diagnostics.merge(manifestFindings)
        guard let rows = manifestRows else { return Result(diagnostics: diagnostics) }

        // The state file is opened (made, when there is none) only for a store and a batch known good.
        let statePath = options.state ?? options.store + "/state.sqlite"
        let journal: EventStore
        let lock: CampaignLock
        do {
            journal = try EventStore(path: statePath)
            lock = try journal.lockCampaign(options.campaign)
        } catch {
            diagnostics.error("\(error)", at: nil)
            return Result(diagnostics: diagnostics, failed: true)
        }
        defer { lock.release() }
        if !options.force {
            let newest: Int64?
            do { newest = try journal.newestIngest() } catch {
                diagnostics.error("\(error)", at: nil)
                return Result(diagnostics: diagnostics, failed: true)
            }
            let age = newest.map { start.timeIntervalSince1970 - Double($0) }
            if age.map({ $0 > options.maximumLogAge }) ?? true {
                let limit = Int(options.maximumLogAge / 3600)
                let when =
                    age.map { "the newest ingested access log is \(Int($0 / 3600)) hours old" }
                    ?? "no access log has been ingested yet"
                diagnostics.error(
                    "\(when) (the limit is \(limit) hours): unsubscribes may not be honoured in time; run "
                        + "`vitrine ingest` on the web server's access log first, or pass --force",
                    at: nil)
                return Result(diagnostics: diagnostics)
            }
        }

        // Each recipient's address, found in one pass over the customers (the batch's 10,000 keys looked up
        // 100,000 times rather than 100,000 inserted); nil when the customer is gone, no longer consents or has no
        // valid address any more: then the message is not sent.
        var addressOf = [String: String?](minimumCapacity: rows.count)
        for row in rows { addressOf.updateValue(nil, forKey: row.recipient) }
        for customer in store.customers where addressOf[customer.id] != nil {
            let address =
                customer.consentEmail ? customer.email.flatMap { MessageWriter.isValidAddress($0) ? $0 : nil } : nil
            addressOf.updateValue(address, forKey: customer.id)
        }
        var outgoing: [Outgoing] = []
        outgoing.reserveCapacity(rows.count)
        for row in rows {
            outgoing.append(
                Outgoing(
                    customer: row.recipient, messageID: row.messageID, file: folder + "/" + row.file,
                    recipient: addressOf[row.recipient] ?? nil))
        }

        var summary = Summary()
        summary.campaign = options.campaign
        summary.messages = outgoing.count
        if options.dryRun {
            summary.dryRun = true
            do {
                let done = Dictionary(
                    try journal.journal(campaign: options.campaign).map { ($0.customer, $0.state) },
                    uniquingKeysWith: { first, _ in first })
                let suppressed = Set(try journal.suppressions().keys)
                for message in outgoing {
                    switch done[message.customer] {
                    case .sent?, .bounced?, .suppressed?: summary.delivery.alreadyDone += 1
                    default:
                        if message.recipient == nil || suppressed.contains(message.customer) {
                            summary.delivery.suppressed += 1
                        } else {
                            summary.toSend += 1
                        }
                    }
                }
            } catch {
                diagnostics.error("\(error)", at: nil)
                return Result(diagnostics: diagnostics, failed: true)
            }
            summary.seconds = Date().timeIntervalSince(start)
            return Result(diagnostics: diagnostics, summary: summary)
        }

        var settings = DeliverySettings(
            endpoint: endpoint, clientName: CampaignPlan.host(of: store.settings.baseURL),
            envelopeFrom: store.settings.sender.address)
        settings.connections = max(1, options.connections)
        settings.ratePerSecond = options.ratePerSecond
        settings.retryDelay = options.retryDelay
        settings.maxAttempts = options.maxAttempts
        settings.waitForDeferred = options.waitForDeferred
        settings.timeouts = options.timeouts
        let sender = Sender(campaign: options.campaign, settings: settings, journal: journal)
        do {
            summary.delivery = try sender.run(outgoing)
        } catch {
            diagnostics.error("send stopped: \(error)", at: nil)
            return Result(diagnostics: diagnostics, failed: true)
        }
        summary.seconds = Date().timeIntervalSince(start)
        var failed = false
        if let problem = summary.delivery.connectionProblem, summary.delivery.deferred > 0 {
            diagnostics.warning(
                "\(summary.delivery.deferred) messages wait for a later run; the relay's last problem: \(problem)",
                at: nil)
            failed = summary.delivery.sent == 0 && summary.delivery.attempts == 0
        }
        return Result(diagnostics: diagnostics, summary: summary, failed: failed)
    }

    struct ManifestRow {
        var recipient: String
        var segment: String
        var messageID: String
        var file: String
    }

    /// `manifest.csv` of a batch; nil, with the reason, when there is none or it is damaged.
    static func readManifest(folder: String, diagnostics: inout DiagnosticEngine) -> [ManifestRow]? {
        let path = folder + "/manifest.csv"
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.error(
                "no batch at \(folder): run `vitrine mail \(URL(fileURLWithPath: folder).lastPathComponent)` first",
                at: nil)
            return nil
        }
        guard let source = SourceFiles.read(path, diagnostics: &diagnostics) else { return nil }
        var reader = CSVReader(source: source)
        var record = CSVRecord()
        var rows: [ManifestRow] = []
        var first = true
        while reader.next(into: &record, diagnostics: &diagnostics) {
            let fields = record.fields.map { reader.string($0) }
            if first {
                first = false
                guard fields == ["recipient", "segment", "message_id", "file", "bytes"] else {
                    diagnostics.error(
                        "not a vitrine mail manifest (header: recipient,segment,message_id,file,bytes)",
                        at: source.location(atOffset: record.startOffset))
                    return nil
                }
                continue
            }
            guard fields.count == 5, !fields[3].contains("/"), fields[3].hasSuffix(".eml") else {
                diagnostics.error("a damaged manifest row", at: source.location(atOffset: record.startOffset))
                continue
            }
            rows.append(ManifestRow(recipient: fields[0], segment: fields[1], messageID: fields[2], file: fields[3]))
        }
        return diagnostics.hasErrors ? nil : rows
    }
}
