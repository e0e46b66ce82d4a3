import Diagnostics
import Dispatch
import Foundation
import Publishing
import Recommendation
import Site
import Store
import Tokens

/// The personal pages of `vitrine build`: wish lists and their gift views, the coupons customers hold, the segment
/// coupon pages, and the unique codes exported under `OUTPUT/coupons/`.
extension BuildWorkflow {
    /// The plan of the personal pages (`picks`: those of the customers with a wish list); nil, with the secret's error in `diagnostics`, when the store has a wish list
    /// or a held unique coupon to write and no secret. A store with neither builds without one.
    static func personalPlan(
        _ store: LoadedStore, report: SegmentReport, plan: SitePlan, picks: [Int32: [Int32]], options: Options,
        diagnostics: inout DiagnosticEngine
    ) -> PersonalPlan? {
        let segmentOfCustomer = report.assignment.segmentOfCustomer
        let key: SecretKey
        do {
            key = try SecretResolver.resolve(
                store.settings.secret, storeFolder: options.store,
                environment: options.environment ?? ProcessInfo.processInfo.environment)
        } catch {
            let bare = PersonalPlan(
                site: plan, inputs: PersonalInputs(tokens: nil, segmentOfCustomer: segmentOfCustomer))
            guard bare.needsSecret else { return checked(bare, diagnostics: &diagnostics) }
            diagnostics.error("the store has wish lists or unique coupons to publish: \(error)", at: nil)
            return nil
        }
        let tokens = CapabilityTokens(secret: key, settings: store.settings)
        let lastOutOfStock: [Int32: Int64]
        do {
            lastOutOfStock = try StockHistory.lastOutOfStock(
                store, state: options.state ?? options.store + "/state.sqlite")
        } catch {
            diagnostics.error("cannot read the stock history: \(error)", at: nil)
            return nil
        }
        let personal = PersonalPlan(
            site: plan,
            inputs: PersonalInputs(
                tokens: tokens, segmentOfCustomer: segmentOfCustomer, picks: picks,
                lastOutOfStockDay: lastOutOfStock))
        return checked(personal, diagnostics: &diagnostics)
    }

    /// The plan, or nil with an error for each page template its pages need and the theme lacks.
    static func checked(_ personal: PersonalPlan, diagnostics: inout DiagnosticEngine) -> PersonalPlan? {
        let missing = personal.missingTemplates
        for name in missing { diagnostics.error("the theme has no template \(name).mustache", at: nil) }
        return missing.isEmpty ? personal : nil
    }

    /// The picks of the customers with a wish list only, made with the settings every other command uses.
    static func picks(
        _ store: LoadedStore, report: SegmentReport, neighbours: PurchaseNeighbours
    ) -> [Int32: [Int32]] {
        picks(store, report: report, customers: store.wishlists.map { Int($0.customer) }, neighbours: neighbours)
    }

    /// The picks of `customers` (indexes in `store.customers`, repeats allowed): their purchases, their wish list and
    /// the products they clicked (the engagement the segments read from the state file) as signals.
    static func picks(
        _ store: LoadedStore, report: SegmentReport, customers wanted: [Int], neighbours: PurchaseNeighbours
    ) -> [Int32: [Int32]] {
        let customers = Set(wanted).sorted()
        guard !customers.isEmpty else { return [:] }
        let settings = RecommendationSettings()
        let metrics = report.context.metrics
        let matrix = neighbours.matrix
        let similarity = neighbours.pickSimilarity
        let picks = settings.customerPicks(
            matrix: matrix, similarity: similarity, trend: settings.trend(matrix: matrix, asOfDay: metrics.asOfDay),
            products: store.products, wishlists: store.wishlists,
            countries: report.context.customers.map(\.country), asOfDay: metrics.asOfDay, only: customers,
            engagement: metrics.engagement)
        var result: [Int32: [Int32]] = [:]
        for customer in customers { result[Int32(customer)] = Array(picks.picks(for: customer)) }
        return result
    }

    /// Renders the personal pages on every core, publishing as it goes; returns how many were rendered.
    static func renderPersonal(
        _ items: [PersonalPlan.Item], plan: PersonalPlan, publisher: Publisher, failure: Failure
    ) -> Int {
        renderInParallel(
            items, publisher: publisher, failure: failure, progress: nil, pathsArePrivate: true,
            path: { plan.path($0) }, fingerprint: { plan.fingerprint($0) }, render: { plan.render($0, into: &$1) })
    }

    /// Publishes the unique codes to `OUTPUT/coupons/` (a tree of its own, beside `site/`, never under it).
    static func publishExports(_ plan: PersonalPlan, options: Options) throws -> PublishSummary {
        let exports = plan.couponExports()
        // A store that never had unique codes gets no empty folder.
        if exports.isEmpty, !FileManager.default.fileExists(atPath: options.output + "/coupons") {
            return PublishSummary(written: 0)
        }
        let publisher = try Publisher(output: options.output, tree: "coupons", durable: options.durable)
        for export in exports {
            guard let path = OutputPath(export.path) else {
                throw ExportError(message: "coupon id cannot be a file name: \(export.path)")
            }
            var fingerprint = Fingerprint()
            fingerprint.add(export.bytes)
            if publisher.reuse(path, fingerprint: fingerprint) { continue }
            try publisher.publish(path, bytes: export.bytes, fingerprint: fingerprint)
        }
        return try publisher.commit()
    }

    struct ExportError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
