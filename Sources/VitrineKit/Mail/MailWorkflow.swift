import Diagnostics
import Dispatch
import Foundation
import Mail
import Parallelism
import Publishing
import Site
import Store
import TextFormats
import Tokens
import Tracking

/// `vitrine mail CAMPAIGN`: the campaign's audience (consent, suppressions, valid addresses), one MIME message per
/// recipient composed on every core, written through the one writer to `OUTPUT/mail/<campaign>/` (one `.eml` per
/// recipient and `manifest.csv`), published atomically: a sender never sees half a batch.
public enum MailWorkflow {
    public struct Options: Sendable {
        public var store: String
        public var output: String
        public var campaign: String
        /// Segment ids of the campaign to mail (empty: all of the campaign's).
        public var segments: [String]
        public var limit: Int?
        /// The store's state file (suppressions, tracking opt-outs); nil: `<store>/state.sqlite`.
        public var state: String?
        /// The date the campaign's coupons must be valid on, and recency is counted from; default: the send date.
        public var asOf: Timestamp?
        public var durable: Bool
        /// Where the store's secret is looked up when `store.json` names a variable; nil: the process's environment.
        public var environment: [String: String]?

        public init(
            store: String, output: String = "Output", campaign: String, segments: [String] = [], limit: Int? = nil,
            state: String? = nil, asOf: Timestamp? = nil, durable: Bool = true, environment: [String: String]? = nil
        ) {
            self.store = store
            self.output = output
            self.campaign = campaign
            self.segments = segments
            self.limit = limit
            self.state = state
            self.asOf = asOf
            self.durable = durable
            self.environment = environment
        }
    }

    public struct Summary: Sendable, Equatable {
        public var campaign = ""
        public var recipients = 0
        /// Customers of the campaign's segments left out, by reason (`no consent`, `suppressed`, `invalid address`).
        public var skipped: [String: Int] = [:]
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        public var bytesWritten: Int64 = 0
        public var seconds = 0.0
    }

    public struct Result: Sendable {
        public var diagnostics: DiagnosticEngine
        public var summary: Summary?
        public var writeFailed = false
    }

    /// The manifest's header: one row per message.
    static let manifestHeader = "recipient,segment,message_id,file,bytes\n"

    public static func run(_ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result {
        let start = DispatchTime.now()
        let mailOutput = options.output + "/mail"
        let stampedInputs = inputsFingerprint(options)
        if let stamp = Publisher.stamp(output: mailOutput, tree: options.campaign), stamp.inputs == stampedInputs.hex {
            var summary = Self.summary(of: stamp, campaign: options.campaign)
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return Result(diagnostics: DiagnosticEngine(), summary: summary)
        }
        var (loaded, diagnostics) = StoreLoader.load(directory: options.store)
        guard let store = loaded, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }
        guard let campaign = store.campaigns.first(where: { $0.id == options.campaign }) else {
            diagnostics.error(
                "no campaign \"\(options.campaign)\" in campaigns.json"
                    + Spelling.didYouMean(options.campaign, among: store.campaigns.map(\.id)),
                at: nil)
            return Result(diagnostics: diagnostics)
        }
        for id in options.segments where !campaign.segments.contains(id) {
            diagnostics.error(
                "campaign \"\(campaign.id)\" does not go to segment \"\(id)\" (its segments: "
                    + campaign.segments.joined(separator: ", ") + ")",
                at: nil)
        }
        let asOf = options.asOf ?? campaign.sendDate
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }
        // The neighbour tables need the store alone: made on every core while the customers are segmented (mostly
        // one core's work) beside them.
        let segmenting = BackgroundWork {
            var findings = DiagnosticEngine()
            let report = SegmentsWorkflow.run(
                store, storeFolder: options.store, state: options.state, asOf: asOf,
                environment: options.environment, diagnostics: &findings)
            return (report, findings)
        }
        let found = PurchaseNeighbours(store)
        let segmented = segmenting.wait()
        diagnostics.merge(segmented.1)
        guard let report = segmented.0, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }

        let key: SecretKey
        do {
            key = try SecretResolver.resolve(
                store.settings.secret, storeFolder: options.store,
                environment: options.environment ?? ProcessInfo.processInfo.environment)
        } catch {
            diagnostics.error(
                "mail needs the store's secret (message ids, unsubscribe links, coupons): \(error)", at: nil)
            return Result(diagnostics: diagnostics)
        }
        let state: MailState
        do { state = try MailState.read(path: options.state ?? options.store + "/state.sqlite") } catch {
            diagnostics.error("\(error)", at: nil)
            return Result(diagnostics: diagnostics, writeFailed: true)
        }

        let segmentOfCustomer = report.assignment.segmentOfCustomer
        let audience = Audience(
            store: store, campaign: campaign, segmentOfCustomer: segmentOfCustomer, suppressed: state.suppressed,
            onlySegments: options.segments.isEmpty ? nil : Set(options.segments), limit: options.limit,
            isValidAddress: MessageWriter.isValidAddress)

        let directories = ThemeLocation.searchPath(theme: store.settings.theme, store: options.store)
        let loadedTheme = SiteThemeLoader.load(directories: directories, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }
        let today = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
        // The site's plan (the rankings, then mostly one core's work) beside the recipients' picks (every core).
        let planning = BackgroundWork {
            let (ranking, neighbours) = BuildWorkflow.recommendations(store, report: report, neighbours: found)
            let inputs = SiteInputs(
                store: store, ranking: ranking, neighbours: neighbours, buildDate: asOf ?? today,
                theme: loadedTheme.theme)
            var findings = DiagnosticEngine()
            let site = SitePlan.make(inputs, diagnostics: &findings)
            return (site, findings)
        }
        let picks = BuildWorkflow.picks(
            store, report: report,
            customers: audience.recipients.map { Int($0.customer) } + store.wishlists.map { Int($0.customer) },
            neighbours: found)
        let planned = planning.wait()
        diagnostics.merge(planned.1)
        guard let site = planned.0, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }
        let tokens = CapabilityTokens(secret: key, settings: store.settings)
        let personal = PersonalPlan(
            site: site,
            inputs: PersonalInputs(
                tokens: tokens, segmentOfCustomer: segmentOfCustomer, picks: picks,
                onlyRecipients: audience.recipients.map(\.customer)))
        let keyring: TrackingKeyring
        do {
            keyring = try TrackingKeyring(
                settings: store.settings, storeFolder: options.store,
                environment: options.environment ?? ProcessInfo.processInfo.environment)
        } catch {
            diagnostics.error("mail needs the store's tracking keys: \(error)", at: nil)
            return Result(diagnostics: diagnostics)
        }
        let sendDay = (asOf ?? today).secondsSince1970 / Timestamp.secondsPerDay
        let links = MailLinks(
            store: store, campaign: campaign, keyring: keyring, optedOut: state.optedOut,
            day: UInt16(clamping: max(0, sendDay)))
        let plan: CampaignPlan
        do {
            plan = try CampaignPlan(
                campaign: campaign, personal: personal, tokens: tokens, picks: picks, links: links.recipientLinks)
        } catch {
            diagnostics.error("\(error)", at: campaign.location)
            return Result(diagnostics: diagnostics)
        }
        let writer: MessageWriter
        do {
            writer = try MessageWriter(settings: store.settings, campaign: campaign, date: asOf ?? today)
        } catch {
            diagnostics.error("\(error)", at: nil)
            return Result(diagnostics: diagnostics)
        }

        var summary = Summary()
        summary.campaign = campaign.id
        summary.recipients = audience.recipients.count
        for (reason, count) in audience.skipped { summary.skipped[reason.rawValue] = count }
        // From here the campaign's folder may change: the previous run's stamp no longer describes it.
        Publisher.forgetStamp(output: mailOutput, tree: campaign.id)
        do {
            let published = try write(
                audience.recipients, plan: plan, writer: writer, store: store, options: options, progress: progress)
            summary.written = published.written
            summary.unchanged = published.unchanged
            summary.removed = published.removed
            summary.bytesWritten = published.bytesWritten
        } catch {
            diagnostics.error("\(error)", at: nil)
            return Result(diagnostics: diagnostics, writeFailed: true)
        }
        // The stamp, so that the next run with no change composes nothing: none when the date was the clock's, nor
        // when an input changed while this run read them (the folder may hold some of each).
        if asOf != nil, inputsFingerprint(options) == stampedInputs {
            try? Publisher.record(
                BuildStamp(
                    inputs: stampedInputs, pages: summary.recipients,
                    files: summary.written + summary.unchanged, figures: summary.skipped),
                output: mailOutput, tree: campaign.id)
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Result(diagnostics: diagnostics, summary: summary)
    }

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// Composes and writes every message on every core, in chunks of 64 (grouped by view), each worker with its own
    /// buffers; then the manifest, then one atomic switch.
    static func write(
        _ recipients: [Audience.Recipient], plan: CampaignPlan, writer: MessageWriter, store: LoadedStore,
        options: Options, progress: (@Sendable (Int, Int) -> Void)?
    ) throws -> PublishSummary {
        let publisher = try Publisher(
            output: options.output + "/mail", tree: plan.campaign.id, durable: options.durable)
        let rows = UnsafeMutableBufferPointer<ManifestRow>.allocate(capacity: recipients.count)
        rows.initialize(repeating: ManifestRow())
        defer {
            rows.deinitialize()
            rows.deallocate()
        }
        let slots = DisjointSlots(rows)
        // Composed view by view (each message still lands in its own row): the workers share the view's cards.
        let order = plan.composingOrder(recipients)
        let failure = BuildWorkflow.Failure()
        // One worker per core: a third, composing while the others wait in `openat` on the folder's lock, made W1
        // slower, with more user and system time (docs/benchmarks.md).
        let counter = BuildWorkflow.Counter(total: recipients.count, workers: Parallel.cores)
        DispatchQueue.concurrentPerform(iterations: Parallel.cores) { worker in
            var message = Newsletter()
            var bytes: [UInt8] = []
            bytes.reserveCapacity(64 << 10)
            while failure.message == nil, let range = counter.next(64, worker: worker) {
                for position in range {
                    let index = order[position]
                    let recipient = recipients[index]
                    plan.compose(recipient, into: &message)
                    bytes.removeAll(keepingCapacity: true)
                    let customerID = store.customers[Int(recipient.customer)].id
                    do { try writer.write(message, into: &bytes) } catch {
                        // The message names the field, never its value (personal data).
                        failure.record("cannot write the message of customer \(customerID): \(error)")
                        return
                    }
                    let file = customerID + ".eml"
                    guard let path = OutputPath(file) else {
                        failure.record("customer id \(customerID) cannot be a file name")
                        return
                    }
                    // A message is its own fingerprint: hashed once, and kept when it equals the previous file.
                    let published = bytes.withUnsafeBytes { buffer -> PublishError? in
                        do throws(PublishError) {
                            try publisher.publish(path, content: buffer)
                            return nil
                        } catch { return error }
                    }
                    if let published {
                        failure.record("cannot write \(file): \(published.reason)")
                        return
                    }
                    slots.write(
                        ManifestRow(
                            recipient: customerID, segment: message.segmentID, messageID: message.messageID,
                            file: file, bytes: bytes.count),
                        at: index)
                }
                progress?(counter.finished(range.count), recipients.count)
            }
        }
        if let message = failure.message { throw WriteError(description: message) }
        var manifest = Array(manifestHeader.utf8)
        for row in rows {
            for (position, field) in [row.recipient, row.segment, row.messageID, row.file, String(row.bytes)]
                .enumerated()
            {
                if position > 0 { manifest.append(UInt8(ascii: ",")) }
                CSVWriter.appendField(field, to: &manifest)
            }
            manifest.append(UInt8(ascii: "\n"))
        }
        var fingerprint = Fingerprint()
        fingerprint.add(manifest)
        if let path = OutputPath("manifest.csv"), !publisher.reuse(path, fingerprint: fingerprint) {
            try publisher.publish(path, bytes: manifest, fingerprint: fingerprint)
        }
        return try publisher.commit()
    }

    struct ManifestRow {
        var recipient = ""
        var segment = ""
        var messageID = ""
        var file = ""
        var bytes = 0
    }
}
