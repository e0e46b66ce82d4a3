import Diagnostics
import EventStore
import Foundation
import Publishing
import Reporting
import Segmentation
import Store
import TextFormats
import Tokens
import Tracking

/// `vitrine report`: reads the store, its state file (send journal, aggregated events) and the previous report,
/// hands them as values to the Reporting stage, and publishes `index.html`, `report.csv` and `report.json` through
/// the one writer to `OUTPUT/reports/`. Reads the state file only: a store without one reports zeros.
public enum ReportWorkflow {
    public struct Options: Sendable {
        public var store: String
        public var output: String
        /// The state file; nil: `<store>/state.sqlite`.
        public var state: String?
        /// Report this campaign only; nil: every campaign of `campaigns.json`.
        public var campaign: String?
        /// The day the figures stand on: later orders are left out; nil: the newest order.
        public var asOf: Timestamp?
        /// Where the store's secret is looked up; nil: the process's environment.
        public var environment: [String: String]?
        /// Flush to disk before publishing (off in tests).
        public var durable: Bool

        public init(
            store: String, output: String = "Output", state: String? = nil, campaign: String? = nil,
            asOf: Timestamp? = nil, environment: [String: String]? = nil, durable: Bool = true
        ) {
            self.store = store
            self.output = output
            self.state = state
            self.campaign = campaign
            self.asOf = asOf
            self.environment = environment
            self.durable = durable
        }
    }

    public struct Summary: Sendable {
        public var report: StoreReport
        /// Files of `OUTPUT/reports/` written, kept and removed.
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public struct Result: Sendable {
        public var diagnostics: DiagnosticEngine
        /// Nil when nothing was reported (errors in the store, the state file or the output).
        public var summary: Summary?
        /// A failure of the world, not of the input: the state file could not be read, or the report written.
        public var ioFailed = false
    }

    public static func run(_ options: Options) -> Result {
        var (loaded, diagnostics) = StoreLoader.load(directory: options.store)
        guard let store = loaded, !diagnostics.hasErrors,
            let segments = SegmentsWorkflow.run(store, asOf: options.asOf, diagnostics: &diagnostics)
        else { return Result(diagnostics: diagnostics) }
        var campaigns = store.campaigns
        if let id = options.campaign {
            campaigns = campaigns.filter { $0.id == id }
            if campaigns.isEmpty {
                diagnostics.error(
                    "no campaign \"\(id)\" in campaigns.json (campaigns: "
                        + store.campaigns.map(\.id).joined(separator: ", ") + ")", at: nil)
                return Result(diagnostics: diagnostics)
            }
        }
        let statePath = options.state ?? options.store + "/state.sqlite"
        if options.state != nil, !FileManager.default.fileExists(atPath: statePath) {
            diagnostics.error("no state file at \(statePath)", at: nil)
            return Result(diagnostics: diagnostics)
        }
        let state: StateRead
        do {
            state = try StateRead.read(path: statePath, campaigns: Set(campaigns.map(\.id)))
        } catch {
            diagnostics.error("cannot read the state file: \(error)", at: nil)
            return Result(diagnostics: diagnostics, ioFailed: true)
        }
        let environment = options.environment ?? ProcessInfo.processInfo.environment
        let secret = try? SecretResolver.resolve(
            store.settings.secret, storeFolder: options.store, environment: environment)
        let keyring = try? TrackingKeyring(
            settings: store.settings, storeFolder: options.store, environment: environment)

        let inputs = Self.inputs(
            store: store, campaigns: campaigns, segments: segments, state: state, output: options.output,
            tokens: secret.map { CapabilityTokens(secret: $0, settings: store.settings) }, keyring: keyring,
            asOf: options.asOf)
        let campaignReport = CampaignReport(inputs)
        let asOf = segments.asOf.isoDate
        let overview = CustomerOverview(
            metrics: segments.context.metrics, segments: segments.rows, pareto: segments.pareto)
        var summary: Summary
        do {
            // The publisher holds the tree's lock from here: the previous report read next is the one replaced.
            let publisher = try Publisher(output: options.output, tree: "reports", durable: options.durable)
            let previous = FileManager.default.contents(atPath: options.output + "/reports/report.json").flatMap {
                OverviewSnapshot.previous(inReportJSON: Array($0), asOf: asOf)
            }
            let report = StoreReport(
                storeName: store.settings.name, currency: store.settings.currency, asOf: asOf,
                campaigns: campaignReport, overview: overview, previous: previous)
            summary = Summary(report: report)
            for (name, text) in [
                ("index.html", report.renderedHTML), ("report.csv", report.renderedCSV),
                ("report.json", report.renderedJSON),
            ] {
                let bytes = Array(text.utf8)
                var fingerprint = Fingerprint()
                fingerprint.add(bytes)
                let path = OutputPath(name)!
                if publisher.reuse(path, fingerprint: fingerprint) { continue }
                try publisher.publish(path, bytes: bytes, fingerprint: fingerprint)
            }
            let published = try publisher.commit()
            summary.written = published.written
            summary.unchanged = published.unchanged
            summary.removed = published.removed
        } catch {
            diagnostics.error("cannot write \(options.output)/reports: \(error)", at: nil)
            return Result(diagnostics: diagnostics, summary: nil, ioFailed: true)
        }
        return Result(diagnostics: diagnostics, summary: summary)
    }

    /// What the report reads of the state file: nothing when there is none yet.
    struct StateRead {
        var journal: [JournalEntry] = []
        var events: [EventCount] = []

        static func read(path: String, campaigns: Set<String>) throws -> StateRead {
            guard FileManager.default.fileExists(atPath: path) else { return StateRead() }
            let store = try EventStore(path: path)
            var state = StateRead()
            for campaign in campaigns.sorted() { state.journal += try store.journal(campaign: campaign) }
            try store.exportEvents { event in
                if campaigns.contains(event.campaign) { state.events.append(event) }
            }
            return state
        }
    }

    /// The stage's values: campaigns with their segments' coupons, journal rows with their segments, events,
    /// resolved clickers and orders.
    static func inputs(
        store: LoadedStore, campaigns: [Campaign], segments: SegmentReport, state: StateRead, output: String,
        tokens: CapabilityTokens?, keyring: TrackingKeyring?, asOf: Timestamp?
    ) -> ReportInputs {
        var customerIndex: [String: Int32] = [:]
        customerIndex.reserveCapacity(store.customers.count)
        for (index, customer) in store.customers.enumerated() { customerIndex[customer.id] = Int32(index) }
        let segmentIDs = segments.segments.segments.map(\.id)
        var messages: [ReportInputs.Message] = []
        // Campaign → segment → the customers its messages went to: the only ones whose unique codes are derived.
        var journalCustomers: [String: [String: [Int32]]] = [:]
        let manifests = Dictionary(
            uniqueKeysWithValues: campaigns.map { ($0.id, Self.manifestSegments(output: output, campaign: $0.id)) })
        for entry in state.journal {
            let index = customerIndex[entry.customer]
            // The segment the message was composed for (the mail manifest), else the customer's segment now.
            let segment =
                manifests[entry.campaign]??[entry.customer]
                ?? index.map { segmentIDs[Int(segments.assignment.segmentOfCustomer[Int($0)])] } ?? "unknown"
            messages.append(
                ReportInputs.Message(
                    campaign: entry.campaign, segment: segment, customer: index ?? -1, state: entry.state,
                    updated: entry.updated))
            if let index { journalCustomers[entry.campaign, default: [:]][segment, default: []].append(index) }
        }
        var plans: [ReportInputs.CampaignPlan] = []
        for campaign in campaigns {
            var segmentPlans: [ReportInputs.SegmentPlan] = []
            for id in campaign.segments {
                let definition = store.segments.first { $0.id == id }
                let couponID = campaign.coupon ?? definition?.coupon
                var offer: ReportInputs.CouponOffer?
                if let couponID, let coupon = store.coupons.first(where: { $0.id == couponID }) {
                    switch coupon.kind {
                    case .segment: offer = .shared(id: coupon.id, code: coupon.code ?? coupon.id)
                    case .unique:
                        let codes = tokens.map { tokens in
                            var codes: [Int32: String] = [:]
                            for customer in journalCustomers[campaign.id]?[id] ?? [] {
                                codes[customer] = tokens.couponCode(
                                    prefix: coupon.codePrefix ?? "", coupon: coupon.id,
                                    customer: store.customers[Int(customer)].id)
                            }
                            return codes
                        }
                        offer = .unique(id: coupon.id, codes: codes)
                    }
                }
                segmentPlans.append(ReportInputs.SegmentPlan(id: id, name: definition?.name ?? id, coupon: offer))
            }
            plans.append(
                ReportInputs.CampaignPlan(id: campaign.id, sendDate: campaign.sendDate, segments: segmentPlans))
        }
        var orders = ReportInputs.Order.orders(of: store.orders)
        if let asOf {
            let end = asOf.adding(days: 1).secondsSince1970
            orders = orders.filter { $0.at.secondsSince1970 < end }
        }
        var targetNames: [String: String] = [:]
        for product in store.products { targetNames[product.slug] = product.name }
        var inputs = ReportInputs(
            campaigns: plans, messages: messages, events: state.events,
            customerOfRecipient: keyring.map { Self.resolve(state.events, store: store, keyring: $0) }, orders: orders,
            attributionDays: store.settings.privacy.attributionDays, targetNames: targetNames)
        for segment in store.segments { inputs.segmentNames[segment.id] = segment.name }
        return inputs
    }

    /// The customers behind the recipients of human clicks (the only events attribution needs).
    ///
    /// A stored recipient is the token's 40-bit pseudonym, with the signing key id above it when ingest kept it
    /// (`key id << 40 | pseudonym`); that key is tried first, then every other key of the keyring, and a recipient
    /// is resolved only when exactly one customer matches.
    static func resolve(_ events: [EventCount], store: LoadedStore, keyring: TrackingKeyring) -> [Int64: Int32] {
        let directory = RecipientDirectory(customerIDs: store.customers.map(\.id), keyring: keyring)
        var index: [String: Int32] = [:]
        for (position, customer) in store.customers.enumerated() { index[customer.id] = Int32(position) }
        var result: [Int64: Int32] = [:]
        var seen = Set<Int64>()
        for event in events where event.traffic == .human && (event.kind == .click || event.kind == .coupon) {
            guard seen.insert(event.recipient).inserted else { continue }
            let raw = UInt64(bitPattern: event.recipient)
            let pseudonym = raw & (TrackingToken.recipientLimit - 1)
            let stored = UInt8(truncatingIfNeeded: raw >> 40) & 0x0F
            var found = Set<String>()
            if let id = directory.customerID(of: pseudonym, keyID: stored) {
                found.insert(id)
            } else {
                for keyID in keyring.keyIDs where keyID != stored {
                    if let id = directory.customerID(of: pseudonym, keyID: keyID) { found.insert(id) }
                }
            }
            if found.count == 1, let customer = index[found.first!] { result[event.recipient] = customer }
        }
        return result
    }

    /// Customer id → segment of `OUTPUT/mail/<campaign>/manifest.csv` (`recipient,segment,…`), nil when absent.
    static func manifestSegments(output: String, campaign: String) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: "\(output)/mail/\(campaign)/manifest.csv") else {
            return nil
        }
        var result: [String: String] = [:]
        var first = true
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: ","), maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            let recipient = String(decoding: fields[0], as: UTF8.self)
            var segment = String(decoding: fields[1], as: UTF8.self)
            if segment.hasSuffix("\r") { segment.removeLast() }
            if first {
                first = false
                guard recipient == "recipient", segment == "segment" else { return nil }
                continue
            }
            result[recipient] = segment
        }
        return result
    }
}
