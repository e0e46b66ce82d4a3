import EventStore
import Store
import TextFormats

extension CampaignReport {
    /// Builds the report of `inputs.campaigns` in named steps; every journal row, event and order is looked at once.
    public init(_ inputs: ReportInputs) {
        var builder = Builder(inputs)
        builder.countJournal()
        builder.countEvents()
        builder.countPeople()
        builder.attributeOrders()
        self.init(
            campaigns: builder.campaigns(), attributionDays: inputs.attributionDays, notes: builder.notes)
    }

    /// The rows being counted and what the later steps need of the earlier ones.
    private struct Builder {
        /// One row's figures, and the distinct recipients (pseudonyms) per kind and class they are counted from.
        struct Tally {
            var row: CampaignReport.Row
            var recipients: [Key: Set<Int64>] = [:]

            struct Key: Hashable {
                var kind: EventKind
                var traffic: TrafficClass
            }

            func unique(_ kind: EventKind, _ traffic: TrafficClass) -> Set<Int64> {
                recipients[Key(kind: kind, traffic: traffic)] ?? []
            }
        }

        /// A human click of a resolved customer: its row, and the first and last time of the aggregated event.
        struct Click {
            var row: Int
            var firstAt: Int64
            var lastAt: Int64
        }

        let inputs: ReportInputs
        var tallies: [Tally] = []
        /// Campaign → segment → index into `tallies`.
        var rowIndex: [String: [String: Int]] = [:]
        let planned: Set<String>
        /// When each campaign went out (unix time): its send date, else its earliest journal row.
        var campaignStart: [String: Int64] = [:]
        /// Campaign → customer → the row of the message they were sent (journal state `sent`).
        var sentRow: [String: [Int32: Int]] = [:]
        /// Campaign → target → human clickers and every request.
        var targets: [String: [String: (recipients: Set<Int64>, requests: Int64)]] = [:]
        var clicksOfCustomer: [Int32: [Click]] = [:]
        var notes: [String] = []

        init(_ inputs: ReportInputs) {
            self.inputs = inputs
            planned = Set(inputs.campaigns.map(\.id))
            for campaign in inputs.campaigns {
                if let date = campaign.sendDate { campaignStart[campaign.id] = date.secondsSince1970 }
                for segment in campaign.segments where rowIndex[campaign.id]?[segment.id] == nil {
                    rowIndex[campaign.id, default: [:]][segment.id] = tallies.count
                    tallies.append(
                        Tally(
                            row: Row(
                                campaign: campaign.id, segment: segment.id, segmentName: segment.name,
                                coupon: segment.coupon?.id)))
                }
            }
        }

        /// The row of a campaign × segment; a journal row or event of a segment the campaign no longer lists still
        /// counts, in a row of its own.
        mutating func row(_ campaign: String, _ segment: String) -> Int {
            if let index = rowIndex[campaign]?[segment] { return index }
            rowIndex[campaign, default: [:]][segment] = tallies.count
            tallies.append(
                Tally(
                    row: Row(campaign: campaign, segment: segment, segmentName: inputs.segmentNames[segment] ?? segment)
                ))
            return tallies.count - 1
        }

        /// The journal: who was sent what, and when each campaign went out.
        mutating func countJournal() {
            var firstMessage: [String: Int64] = [:]
            for message in inputs.messages where planned.contains(message.campaign) {
                let index = row(message.campaign, message.segment)
                tallies[index].row.delivery.recipients += 1
                switch message.state {
                case .sent:
                    tallies[index].row.delivery.sent += 1
                    sentRow[message.campaign, default: [:]][message.customer] = index
                case .bounced: tallies[index].row.delivery.bounced += 1
                case .deferred: tallies[index].row.delivery.deferred += 1
                case .suppressed: tallies[index].row.delivery.suppressed += 1
                case .queued, .handing: tallies[index].row.delivery.pending += 1
                }
                firstMessage[message.campaign] = min(firstMessage[message.campaign] ?? .max, message.updated)
            }
            for (campaign, start) in firstMessage where campaignStart[campaign] == nil {
                campaignStart[campaign] = start
            }
        }

        /// The events: requests summed by class, recipients kept per kind and class, targets counted, human clicks
        /// of resolved customers kept for attribution.
        mutating func countEvents() {
            for event in inputs.events where planned.contains(event.campaign) {
                let index = row(event.campaign, event.segment)
                tallies[index].recipients[Tally.Key(kind: event.kind, traffic: event.traffic), default: []].insert(
                    event.recipient)
                switch event.kind {
                case .open:
                    tallies[index].row.opens.requests += event.count
                    switch event.traffic {
                    case .human: tallies[index].row.opens.humanRequests += event.count
                    case .machineOpen: tallies[index].row.opens.machineRequests += event.count
                    case .bot, .scanner: tallies[index].row.opens.botRequests += event.count
                    case .error: tallies[index].row.opens.errorRequests += event.count
                    }
                case .click, .coupon:
                    tallies[index].row.clicks.requests += event.count
                    switch event.traffic {
                    case .human: tallies[index].row.clicks.humanRequests += event.count
                    case .scanner: tallies[index].row.clicks.scannerRequests += event.count
                    case .bot, .machineOpen: tallies[index].row.clicks.botRequests += event.count
                    case .error: tallies[index].row.clicks.errorRequests += event.count
                    }
                    if !event.target.isEmpty {
                        var entry = targets[event.campaign, default: [:]][event.target] ?? ([], 0)
                        entry.requests += event.count
                        if event.traffic == .human { entry.recipients.insert(event.recipient) }
                        targets[event.campaign, default: [:]][event.target] = entry
                    }
                    if event.traffic == .human, let customer = inputs.customerOfRecipient?[event.recipient] {
                        clicksOfCustomer[customer, default: []].append(
                            Click(row: index, firstAt: event.firstAt, lastAt: event.lastAt))
                    }
                case .unsubscribe:
                    if event.traffic != .error { tallies[index].row.unsubscribeRequests += event.count }
                case .view, .optout:
                    break
                }
            }
        }

        /// Unique people per row: openers (a human click implies an open), clickers, proxies, scanners, unsubscribes.
        mutating func countPeople() {
            for index in tallies.indices {
                var tally = tallies[index]
                let humanOpens = tally.unique(.open, .human)
                let humanClicks = tally.unique(.click, .human).union(tally.unique(.coupon, .human))
                tally.row.clicks.uniqueHuman = humanClicks.count
                tally.row.opens.uniqueHuman = humanOpens.union(humanClicks).count
                tally.row.opens.impliedByClick = humanClicks.subtracting(humanOpens).count
                tally.row.opens.uniqueMachine = tally.unique(.open, .machineOpen).count
                tally.row.clicks.scannerRecipients =
                    tally.unique(.click, .scanner).union(tally.unique(.coupon, .scanner)).count
                var unsubscribed = Set<Int64>()
                for traffic in TrafficClass.allCases where traffic != .error {
                    unsubscribed.formUnion(tally.unique(.unsubscribe, traffic))
                }
                tally.row.unsubscribes = unsubscribed.count
                tallies[index] = tally
            }
        }

        /// The orders, each given to at most one row: its coupon's, else the last click's within the window
        /// (docs/reports.md has the rules).
        mutating func attributeOrders() {
            // Code → the rows that offered it; a unique code also names the one customer it belongs to.
            var couponRows: [String: [(row: Int, owner: Int32?)]] = [:]
            var uncomputable = Set<Int>()
            for campaign in inputs.campaigns {
                for segment in campaign.segments {
                    guard let index = rowIndex[campaign.id]?[segment.id] else { continue }
                    switch segment.coupon {
                    case .shared(_, let code): couponRows[normalized(code), default: []].append((index, nil))
                    case .unique(_, .some(let codes)):
                        for (customer, code) in codes {
                            couponRows[normalized(code), default: []].append((index, customer))
                        }
                    case .unique(_, .none): uncomputable.insert(index)
                    case .none: break
                    }
                }
            }
            for index in tallies.indices {
                if uncomputable.contains(index) {
                    tallies[index].row.orders.couponOrders = nil
                    tallies[index].row.orders.couponRevenue = nil
                }
                if inputs.customerOfRecipient == nil {
                    tallies[index].row.orders.clickOrders = nil
                    tallies[index].row.orders.clickRevenue = nil
                }
            }
            if inputs.customerOfRecipient == nil {
                notes.append(
                    "orders after a click were not attributed: the store's secret is needed to turn recipient "
                        + "pseudonyms back into customers")
            }
            if !uncomputable.isEmpty {
                notes.append(
                    "unique coupon redemptions were not counted: the store's secret is needed to derive the codes")
            }
            for order in inputs.orders {
                if let code = order.coupon, let candidates = couponRows[normalized(code)],
                    let index = couponRow(of: order, among: candidates)
                {
                    tallies[index].row.orders.couponOrders? += 1
                    tallies[index].row.orders.couponRevenue? += order.revenue
                } else if let index = clickRow(of: order) {
                    tallies[index].row.orders.clickOrders? += 1
                    tallies[index].row.orders.clickRevenue? += order.revenue
                }
            }
        }

        /// The row whose coupon the order redeemed: the ordering customer was sent that row's message (and owns
        /// the code, if unique) and ordered after the campaign went out; of two campaigns, the one sent last.
        func couponRow(of order: ReportInputs.Order, among candidates: [(row: Int, owner: Int32?)]) -> Int? {
            let at = order.at.secondsSince1970
            var chosen: (row: Int, start: Int64)?
            for candidate in candidates where (candidate.owner ?? order.customer) == order.customer {
                let campaign = tallies[candidate.row].row.campaign
                let start = campaignStart[campaign] ?? .min
                guard sentRow[campaign]?[order.customer] == candidate.row, at >= start else { continue }
                if let current = chosen, start <= current.start { continue }
                chosen = (candidate.row, start)
            }
            return chosen?.row
        }

        /// The row of the customer's latest human click at or before the order, within the attribution window.
        func clickRow(of order: ReportInputs.Order) -> Int? {
            guard let clicks = clicksOfCustomer[order.customer] else { return nil }
            let at = order.at.secondsSince1970
            let window = Int64(inputs.attributionDays) * Timestamp.secondsPerDay
            var best: (time: Int64, row: Int)?
            for click in clicks {
                // The latest click known to be at or before the order: the last if it was, else the first.
                let time = click.lastAt <= at ? click.lastAt : click.firstAt
                guard time <= at, at - time <= window else { continue }
                if let current = best, time < current.time || (time == current.time && click.row >= current.row) {
                    continue
                }
                best = (time, click.row)
            }
            return best?.row
        }

        /// The campaigns in `campaigns.json` order (then any other, by id), each with its rows, total and top
        /// targets.
        func campaigns() -> [Campaign] {
            var order = inputs.campaigns.map(\.id)
            for campaign in rowIndex.keys.sorted() where !planned.contains(campaign) { order.append(campaign) }
            var rowsOfCampaign: [String: [Row]] = [:]
            for tally in tallies { rowsOfCampaign[tally.row.campaign, default: []].append(tally.row) }
            return order.map { id in
                let rows = rowsOfCampaign[id] ?? []
                let top = (targets[id] ?? [:]).filter { !$0.value.recipients.isEmpty }.map { target, entry in
                    Target(
                        target: target, name: inputs.targetNames[target] ?? target,
                        uniqueHuman: entry.recipients.count, requests: entry.requests)
                }.sorted {
                    ($0.uniqueHuman, $0.requests, $1.target) > ($1.uniqueHuman, $1.requests, $0.target)
                }
                return Campaign(
                    id: id, rows: rows, topTargets: Array(top.prefix(CampaignReport.topTargetCount)),
                    total: CampaignReport.total(of: rows, campaign: id))
            }
        }

        func normalized(_ code: String) -> String { CampaignReport.normalized(code) }
    }

    /// Codes are matched as the shop reads them: case and surrounding spaces do not matter.
    static func normalized(_ code: String) -> String {
        var bytes: [UInt8] = []
        for byte in code.utf8 where byte != UInt8(ascii: " ") {
            bytes.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The rows of a campaign added up.
    static func total(of rows: [Row], campaign: String) -> Row {
        var total = Row(campaign: campaign, segment: "", segmentName: "All segments")
        total.orders = Orders()
        for row in rows {
            total.delivery.recipients += row.delivery.recipients
            total.delivery.sent += row.delivery.sent
            total.delivery.bounced += row.delivery.bounced
            total.delivery.deferred += row.delivery.deferred
            total.delivery.suppressed += row.delivery.suppressed
            total.delivery.pending += row.delivery.pending
            total.opens.uniqueHuman += row.opens.uniqueHuman
            total.opens.impliedByClick += row.opens.impliedByClick
            total.opens.uniqueMachine += row.opens.uniqueMachine
            total.opens.requests += row.opens.requests
            total.opens.humanRequests += row.opens.humanRequests
            total.opens.machineRequests += row.opens.machineRequests
            total.opens.botRequests += row.opens.botRequests
            total.opens.errorRequests += row.opens.errorRequests
            total.clicks.uniqueHuman += row.clicks.uniqueHuman
            total.clicks.requests += row.clicks.requests
            total.clicks.humanRequests += row.clicks.humanRequests
            total.clicks.scannerRequests += row.clicks.scannerRequests
            total.clicks.scannerRecipients += row.clicks.scannerRecipients
            total.clicks.botRequests += row.clicks.botRequests
            total.clicks.errorRequests += row.clicks.errorRequests
            total.unsubscribes += row.unsubscribes
            total.unsubscribeRequests += row.unsubscribeRequests
            total.orders.couponOrders = Self.sum(total.orders.couponOrders, row.orders.couponOrders)
            total.orders.couponRevenue = Self.sum(total.orders.couponRevenue, row.orders.couponRevenue)
            total.orders.clickOrders = Self.sum(total.orders.clickOrders, row.orders.clickOrders)
            total.orders.clickRevenue = Self.sum(total.orders.clickRevenue, row.orders.clickRevenue)
        }
        return total
    }

    private static func sum(_ a: Int?, _ b: Int?) -> Int? { a.flatMap { a in b.map { a + $0 } } }
    private static func sum(_ a: Money?, _ b: Money?) -> Money? { a.flatMap { a in b.map { a + $0 } } }
}
