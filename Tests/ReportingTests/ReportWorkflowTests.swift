import Diagnostics
import EventStore
import Foundation
import Reporting
import Segmentation
import Store
import TestSupport
import Testing
import TextFormats
import Tokens
import Tracking
import VitrineKit

/// `ReportWorkflow.run` on the example store `Catalog/` (read in place, never modified) with a real state file
/// written by `EventStore`: the numbers, the three files in `OUTPUT/reports/`, python3's reading of them, a rerun.
@Suite("Report workflow on Catalog/")
struct ReportWorkflowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let catalog = root + "/Catalog"
    static let environment = ["VITRINE_SECRET": "report-tests-secret-0123456789-abcdefghijkl"]

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "vitrine-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    struct Fixture {
        var folder: String
        var state: String
        var storeFolder: String
        var store: LoadedStore
        /// The lapsed customers the journal holds: 0, 1, 2 sent, 3 bounced.
        var lapsed: [Int]
        /// The completed revenue of customer 0's last order, clicked two days before.
        var attributed: Money
    }

    /// A state file: campaign we-miss-you-2026 sent to four lapsed customers; customer 0 opened and clicked a
    /// product two days before their last order, customer 1's pixel was fetched by a privacy proxy, a scanner
    /// followed customer 2's link.
    /// With `customers`, those are journaled (in segment "lapsed" by the mail manifest) instead of today's first
    /// four lapsed customers.
    static func fixture(store storeFolder: String = catalog, customers: [Int]? = nil) throws -> Fixture {
        let folder = try temporaryFolder()
        let (loaded, diagnostics) = StoreLoader.load(directory: storeFolder)
        let store = try #require(loaded)
        #expect(!diagnostics.hasErrors)
        var segmentDiagnostics = DiagnosticEngine()
        let segments = try #require(SegmentsWorkflow.run(store, diagnostics: &segmentDiagnostics))
        let lapsedIndex = try #require(segments.segments.segments.firstIndex { $0.id == "lapsed" })
        let lapsed =
            customers?.prefix(4)
            ?? segments.assignment.segmentOfCustomer.enumerated().filter { $0.element == lapsedIndex }.map(
                \.offset
            ).prefix(4)
        try #require(lapsed.count == 4)
        let ids = lapsed.map { store.customers[$0].id }
        let state = folder + "/state.sqlite"
        if customers != nil {
            // The segment each message was composed for, as `vitrine mail` records it.
            let mail = folder + "/Output/mail/we-miss-you-2026"
            try FileManager.default.createDirectory(atPath: mail, withIntermediateDirectories: true)
            let rows = ids.map { "\($0),lapsed,<\($0)@test>,\($0).eml,100\n" }.joined()
            try ("recipient,segment,message_id,file,bytes\n" + rows).write(
                toFile: mail + "/manifest.csv", atomically: false, encoding: .utf8)
        }
        let events = try EventStore(path: state)
        let sendAt: Int64 = 1_762_732_800
        try events.enqueue(
            campaign: "we-miss-you-2026", messages: ids.map { ($0, "<\($0)@test>") }, at: sendAt)
        for (position, id) in ids.enumerated() {
            try events.markHanding(campaign: "we-miss-you-2026", customer: id, at: sendAt)
            if position < 3 {
                try events.markSent(campaign: "we-miss-you-2026", customer: id, at: sendAt)
            } else {
                try events.markBounced(campaign: "we-miss-you-2026", customer: id, code: 550, at: sendAt)
            }
        }
        let keyring = try TrackingKeyring(settings: store.settings, storeFolder: catalog, environment: environment)
        func pseudonym(_ position: Int) -> Int64 { Int64(keyring.recipient(ids[position])) }
        let customer = Int32(lapsed.first!)
        let lastOrder = try #require(store.orders.filter { $0.customer == customer }.max { $0.date < $1.date })
        let attributed = store.orders.filter { $0.orderID == lastOrder.orderID }.reduce(Money.zero) { $0 + $1.revenue }
        let clickAt = lastOrder.date.secondsSince1970 - 2 * Timestamp.secondsPerDay
        let product = store.products[0]
        func event(_ kind: EventKind, _ traffic: TrafficClass, _ position: Int, target: String = "", at: Int64)
            -> EventCount
        {
            EventCount(
                kind: kind, traffic: traffic, campaign: "we-miss-you-2026", segment: "lapsed",
                recipient: pseudonym(position), target: target, day: sendAt / 86_400, count: 2, firstAt: at, lastAt: at)
        }
        try events.commitIngestBatch(
            file: Checkpoint(
                identity: "test", identityLength: 4, device: 0, inode: 0, path: "access.log", offset: 10, lines: 1,
                updated: sendAt),
            events: [
                event(.open, .human, 0, at: clickAt - 60), event(.open, .machineOpen, 1, at: sendAt),
                event(.click, .human, 0, target: product.slug, at: clickAt),
                event(.click, .scanner, 2, target: product.slug, at: sendAt),
            ], counters: ["lines": 8])
        return Fixture(
            folder: folder, state: state, storeFolder: storeFolder, store: store, lapsed: Array(lapsed),
            attributed: attributed)
    }

    static func run(_ fixture: Fixture, environment: [String: String] = environment) -> ReportWorkflow.Result {
        ReportWorkflow.run(
            ReportWorkflow.Options(
                store: fixture.storeFolder, output: fixture.folder + "/Output", state: fixture.state,
                environment: environment, durable: false))
    }

    @Test("the figures of a real state file, the three files, and no personal data in any of them")
    func endToEnd() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let result = Self.run(fixture)
        #expect(!result.diagnostics.hasErrors)
        let summary = try #require(result.summary)
        #expect(summary.written == 3)
        let campaigns = summary.report.campaigns
        #expect(campaigns.campaigns.map(\.id) == ["winter-2026", "we-miss-you-2026"])
        #expect(campaigns.notes.isEmpty)
        let row = try #require(campaigns.campaigns[1].rows.first)
        #expect(campaigns.campaigns[1].rows.count == 1)
        #expect(row.segment == "lapsed")
        #expect(row.coupon == "COMEBACK")
        #expect(row.delivery.recipients == 4)
        #expect(row.delivery.sent == 3)
        #expect(row.delivery.bounced == 1)
        #expect(row.opens.uniqueHuman == 1)
        #expect(row.opens.uniqueMachine == 1)
        #expect(row.opens.requests == 4)
        #expect(row.clicks.uniqueHuman == 1)
        #expect(row.clicks.requests == 4)
        #expect(row.clicks.scannerRequests == 2)
        #expect(row.clickRate == 1.0 / 3.0)
        #expect(row.clickToOpen == 1)
        #expect(row.orders.clickOrders == 1)
        #expect(row.orders.clickRevenue == fixture.attributed)
        #expect(row.orders.couponOrders == 0)
        #expect(campaigns.campaigns[1].topTargets.map(\.name) == [fixture.store.products[0].name])
        #expect(campaigns.campaigns[0].total.delivery.recipients == 0)

        let overview = summary.report.overview
        #expect(overview.customers == fixture.store.customers.count)
        #expect(overview.rfm.joined().reduce(0, +) == overview.buyers)
        #expect(overview.lifecycle.reduce(0, +) == overview.customers)
        #expect(overview.segments.map(\.customers).reduce(0, +) == overview.customers)
        // The curve's 20 % point is the 80/20 line itself.
        #expect(overview.paretoCurve[4] == overview.paretoShare)
        #expect(overview.paretoCurve.first == 0 && overview.paretoCurve.last == 1)

        let folder = fixture.folder + "/Output/reports"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["index.html", "report.csv", "report.json"])
        let json = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
        #expect(json == summary.renderedJSON)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for customer in fixture.store.customers {
                #expect(!text.contains(customer.id), "\(name) names a customer id")
                if let email = customer.email { #expect(!text.contains(email), "\(name) holds an address") }
            }
            #expect(!text.contains("@"), "\(name) holds something like an address")
        }

        // python3's csv and json modules read the files as this code means them.
        let script = """
            import csv, json, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
            report = json.load(open(sys.argv[2], encoding='utf-8'))
            row = [r for r in rows if r['campaign'] == 'we-miss-you-2026'][0]
            seg = report['campaigns'][1]['segments'][0]
            print(len(rows), row['sent'], row['unique_opens_human'], row['click_rate'], row['click_revenue'],
                  seg['sent'], seg['clicks']['scanner_requests'], report['customers']['buyers'],
                  list(report.keys())[:5])
            """
        let python = try ChildProcess.run(
            "/usr/bin/env", ["python3", "-c", script, folder + "/report.csv", folder + "/report.json"])
        #expect(python.status == 0, "\(python.errorText)")
        #expect(
            python.outputText
                == "7 3 1 0.3333 \(fixture.attributed) 3 2 \(overview.buyers) "
                + "['report', 'format', 'store', 'currency', 'as_of']\n")

        // python3's HTML parser finds every element closed in order (void elements aside) and one h1.
        let balance = """
            import sys
            from html.parser import HTMLParser
            VOID = {'meta', 'link', 'br', 'img', 'input', 'hr', 'rect', 'line', 'polyline'}
            class Check(HTMLParser):
                def __init__(self):
                    super().__init__(); self.stack = []; self.errors = []; self.count = {}
                def handle_starttag(self, tag, attrs):
                    self.count[tag] = self.count.get(tag, 0) + 1
                    if tag not in VOID: self.stack.append(tag)
                def handle_startendtag(self, tag, attrs):
                    self.count[tag] = self.count.get(tag, 0) + 1
                def handle_endtag(self, tag):
                    if tag in VOID: return
                    if not self.stack or self.stack[-1] != tag:
                        self.errors.append((tag, list(self.stack[-3:])))
                    else:
                        self.stack.pop()
            c = Check(); c.feed(open(sys.argv[1], encoding='utf-8').read()); c.close()
            print(c.errors, c.stack, c.count.get('h1'), c.count.get('svg'), c.count.get('table'), c.count.get('caption'))
            """
        let parsed = try ChildProcess.run("/usr/bin/env", ["python3", "-c", balance, folder + "/index.html"])
        #expect(parsed.status == 0, "\(parsed.errorText)")
        #expect(parsed.outputText == "[] [] 1 4 7 7\n")

        // Run again: the same bytes, nothing written; the report compares with nothing new.
        let again = try #require(Self.run(fixture).summary)
        #expect(again.written == 0)
        #expect(again.unchanged == 3)
        #expect(again.report.previous == nil)
    }

    @Test("the previous report's overview is read before it is replaced, and the change shown")
    func previous() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let reports = fixture.folder + "/Output/reports"
        _ = try #require(Self.run(fixture).summary)
        // As if the last report were a month older, with two fewer customers in "vip".
        var json = try String(contentsOfFile: reports + "/report.json", encoding: .utf8)
        let asOf = try #require(Self.run(fixture).summary?.report.asOf)
        json = json.replacingOccurrences(of: "\"as_of\": \"\(asOf)\"", with: "\"as_of\": \"2026-09-30\"")
        let vip = try #require(Self.run(fixture).summary?.report.overview.segments.first { $0.id == "vip" })
        json = json.replacingOccurrences(
            of: "{\"id\": \"vip\", \"name\": \"VIP\", \"customers\": \(vip.customers)}",
            with: "{\"id\": \"vip\", \"name\": \"VIP\", \"customers\": \(vip.customers - 2)}")
        // The published file is read-only to everyone but the writer: replace it through a new generation.
        let path = try FileManager.default.destinationOfSymbolicLink(atPath: reports)
        let real = (fixture.folder + "/Output/" + path) + "/report.json"
        try FileManager.default.removeItem(atPath: real)
        try json.write(toFile: real, atomically: false, encoding: .utf8)
        let summary = try #require(Self.run(fixture).summary)
        let previous = try #require(summary.report.previous)
        #expect(previous.asOf == "2026-09-30")
        #expect(previous.segments["vip"] == vip.customers - 2)
        let html = try String(contentsOfFile: reports + "/index.html", encoding: .utf8)
        #expect(html.contains("since the previous report, as of <time datetime=\"2026-09-30\">"))
        #expect(html.contains("<td>+2</td>"))
    }

    @Test("unique coupon codes: the owner's redemption counts, a code passed on does not")
    func uniqueCoupon() throws {
        let copy = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let storeFolder = copy + "/store"
        try FileManager.default.copyItem(atPath: Self.catalog, toPath: storeFolder)
        let (loaded, _) = StoreLoader.load(directory: storeFolder)
        let store = try #require(loaded)
        // Today's lapsed customers, journaled in "lapsed" by the manifest: their orders below make them recent,
        // but the messages were composed for "lapsed".
        let probe = try Self.fixture(store: storeFolder)
        try? FileManager.default.removeItem(atPath: probe.folder)
        let owner = store.customers[probe.lapsed[1]].id
        let other = store.customers[probe.lapsed[2]].id
        let secret = try SecretResolver.resolve(
            store.settings.secret, storeFolder: storeFolder, environment: Self.environment)
        let code = CapabilityTokens(secret: secret, settings: store.settings).couponCode(
            prefix: "CB-", coupon: "COMEBACK", customer: owner)
        let orders = try FileHandle(forWritingTo: URL(fileURLWithPath: storeFolder + "/orders.csv"))
        try orders.seekToEnd()
        try orders.write(
            contentsOf: Data(
                ("o-test-1,\(owner),2026-11-12T10:00:00Z,p-001,2,15.00,\(code.lowercased()),\n"
                    + "o-test-2,\(other),2026-11-12T11:00:00Z,p-001,1,15.00,\(code),\n").utf8))
        try orders.close()
        let fixture = try Self.fixture(store: storeFolder, customers: probe.lapsed)
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        #expect(fixture.lapsed == probe.lapsed)
        let summary = try #require(Self.run(fixture).summary)
        let row = try #require(summary.report.campaigns.campaigns[1].rows.first)
        #expect(row.orders.couponOrders == 1)
        #expect(row.orders.couponRevenue == Money(minorUnits: 3_000))
        let csv = try String(contentsOfFile: fixture.folder + "/Output/reports/report.csv", encoding: .utf8)
        #expect(!csv.contains(code))
    }

    @Test("a store without a state file reports zeros and creates none; a --state that is missing is an error")
    func noStateFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = folder + "/store"
        try FileManager.default.copyItem(atPath: Self.catalog, toPath: store)
        try? FileManager.default.removeItem(atPath: store + "/state.sqlite")
        let result = ReportWorkflow.run(
            ReportWorkflow.Options(
                store: store, output: folder + "/Output", environment: Self.environment, durable: false))
        let summary = try #require(result.summary)
        #expect(summary.report.campaigns.campaigns.allSatisfy { $0.total.delivery.recipients == 0 })
        #expect(summary.report.campaigns.campaigns.allSatisfy { $0.total.opens.requests == 0 })
        #expect(!FileManager.default.fileExists(atPath: store + "/state.sqlite"))
        let missing = ReportWorkflow.run(
            ReportWorkflow.Options(
                store: store, output: folder + "/Output", state: folder + "/nope.sqlite", durable: false))
        #expect(missing.summary == nil)
        #expect(missing.diagnostics.diagnostics.map(\.message) == ["no state file at \(folder)/nope.sqlite"])
    }

    @Test("without the secret the figures that need it are marked, the rest reported")
    func noSecret() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        let summary = try #require(Self.run(fixture, environment: [:]).summary)
        let row = try #require(summary.report.campaigns.campaigns[1].rows.first)
        #expect(row.opens.uniqueHuman == 1)
        #expect(row.orders.clickOrders == nil)
        #expect(row.orders.couponOrders == nil)
        #expect(summary.report.campaigns.notes.count == 2)
        let html = try String(contentsOfFile: fixture.folder + "/Output/reports/index.html", encoding: .utf8)
        #expect(html.contains("<strong>Not computed:</strong>"))
    }

    @Test("--campaign reports one campaign; an unknown one is an error that lists the campaigns")
    func oneCampaign() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.folder) }
        var options = ReportWorkflow.Options(
            store: Self.catalog, output: fixture.folder + "/Output", state: fixture.state, campaign: "we-miss-you-2026",
            environment: Self.environment, durable: false)
        let summary = try #require(ReportWorkflow.run(options).summary)
        #expect(summary.report.campaigns.campaigns.map(\.id) == ["we-miss-you-2026"])
        options.campaign = "spring"
        let unknown = ReportWorkflow.run(options)
        #expect(unknown.summary == nil)
        #expect(
            unknown.diagnostics.diagnostics.map(\.message)
                == ["no campaign \"spring\" in campaigns.json (campaigns: winter-2026, we-miss-you-2026)"])
    }
}
