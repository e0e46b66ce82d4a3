import Barcode
import Mustache
import Publishing
import Store
import TextFormats
import Tokens

/// The pages only their holder should find, at capability URLs: each wish list (`w/<token>/`), its gift view
/// (`w/<gift token>/gift/`), each unique coupon a customer holds (`k/<token>/`); and each segment's coupon page
/// (`<segment>/coupon/`, no token: the code is the segment's). None of them is in `SitePlan.pages`, so nothing
/// public (listings, sitemap) ever links to one. Made once, then read from many threads like `SitePlan`.
public struct PersonalPlan: Sendable {
    public enum Item: Hashable, Sendable {
        case wishlist(customer: Int32)
        case gift(customer: Int32)
        case coupon(coupon: Int32, customer: Int32)
        case segmentCoupon(segment: Int32, coupon: Int32)

        /// Whether the item's URL carries a token (and so needs the store's secret).
        public var isPersonal: Bool {
            if case .segmentCoupon = self { return false }
            return true
        }
    }

    /// A coupon on the build date.
    public enum Validity: String, Sendable {
        case valid
        case expired
        case notYet = "not-yet"
    }

    package let site: SitePlan
    let inputs: PersonalInputs
    /// Every page to build, in a fixed order.
    public let items: [Item]
    /// Per customer with a wish list, the indexes of their entries in `store.wishlists`, in file order.
    package let entries: [Int32: [Int]]
    /// Per wish-list entry (index in `store.wishlists`): the product's catalog price on the day it was added, taken
    /// from the last order line of that product on or before that day (the store keeps no price history).
    let priceWhenAdded: [Int: Money]
    /// Per wish-list customer, the products they have ordered (never shown as picks).
    let owned: [Int32: Set<Int32>]
    /// The URL token of each personal item, and the code of each unique coupon page.
    package let tokens: [Item: String]
    let codes: [Item: String]
    /// Per page template, the fingerprint of the theme files it renders with.
    let themeDigests: [String: String]
    /// What a coupon's page shows whatever its code, per coupon and segment (`coupon * segments + segment`): made
    /// once, not on each of a unique coupon's many pages.
    let couponTerms: [CouponTerms]

    /// Changes whenever what a personal page shows for the same inputs changes.
    static let formatVersion = "personal-1"
    static let pickCount = 4
    static let templates = ["pages/wishlist", "pages/gift", "pages/coupon"]

    var store: LoadedStore { site.store }

    /// Whether the store has anything at a capability URL to write (and so needs its secret).
    public var needsSecret: Bool { items.contains { $0.isPersonal } }

    /// The page templates the items need and the theme lacks (a theme folder given alone, without the default).
    public var missingTemplates: [String] {
        Set(items.map(template(of:))).filter { site.theme.library[$0] == nil }.sorted()
    }

    public init(site: SitePlan, inputs: PersonalInputs) {
        self.site = site
        self.inputs = inputs
        let store = site.store
        let only = site.inputs.onlySegments
        let selected = store.segments.map { only?.contains($0.id) ?? true }
        func segment(of customer: Int32) -> Int? {
            guard Int(customer) < inputs.segmentOfCustomer.count else { return nil }
            let index = Int(inputs.segmentOfCustomer[Int(customer)])
            return index >= 0 && index < selected.count && selected[index] ? index : nil
        }

        var entries: [Int32: [Int]] = [:]
        for (index, entry) in store.wishlists.enumerated() where segment(of: entry.customer) != nil {
            entries[entry.customer, default: []].append(index)
        }
        var items: [Item] = []
        for customer in entries.keys.sorted() {
            items.append(.wishlist(customer: customer))
            items.append(.gift(customer: customer))
        }
        // A unique coupon is held by the members of each segment that offers it, and by every customer of each
        // segment a campaign offering it is sent to: the campaign's e-mail links each recipient to their page.
        var campaignSegments: [String: Set<String>] = [:]
        for campaign in store.campaigns {
            if let coupon = campaign.coupon { campaignSegments[coupon, default: []].formUnion(campaign.segments) }
        }
        for (couponIndex, coupon) in store.coupons.enumerated() {
            let offeredTo = coupon.kind == .unique ? campaignSegments[coupon.id] ?? [] : []
            let holders = store.segments.indices.map {
                selected[$0] && (store.segments[$0].coupon == coupon.id || offeredTo.contains(store.segments[$0].id))
            }
            switch coupon.kind {
            case .unique:
                for customer in inputs.segmentOfCustomer.indices {
                    let index = Int(inputs.segmentOfCustomer[customer])
                    if index >= 0, index < holders.count, holders[index] {
                        items.append(.coupon(coupon: Int32(couponIndex), customer: Int32(customer)))
                    }
                }
            case .segment:
                guard coupon.code != nil else { continue }
                for index in holders.indices where holders[index] {
                    items.append(.segmentCoupon(segment: Int32(index), coupon: Int32(couponIndex)))
                }
            }
        }
        self.items = items
        self.entries = entries

        // One pass over the orders: the price history of wished-for products, and what wish-list customers own.
        // Flags indexed by product and customer: no hashing for each of a million order lines.
        var wished = [Bool](repeating: false, count: store.products.count)
        for indexes in entries.values { for index in indexes { wished[Int(store.wishlists[index].product)] = true } }
        var wishes = [Bool](repeating: false, count: store.customers.count)
        for customer in entries.keys { wishes[Int(customer)] = true }
        // The lines of each wished-for product in one flat table, grouped by a counting sort (file order within a
        // product: `history[starts[p] ..< starts[p + 1]]`), each group then sorted by day: no dictionary entry per line.
        var starts = [Int](repeating: 0, count: store.products.count + 1)
        var owned: [Int32: Set<Int32>] = [:]
        for line in store.orders {
            if wished[Int(line.product)] { starts[Int(line.product) + 1] += 1 }
            if wishes[Int(line.customer)], line.status == .completed {
                owned[line.customer, default: []].insert(line.product)
            }
        }
        for product in 0..<store.products.count { starts[product + 1] += starts[product] }
        var history = [(day: Int64, price: Money)](repeating: (0, .zero), count: starts[store.products.count])
        var cursor = starts
        for line in store.orders where wished[Int(line.product)] {
            history[cursor[Int(line.product)]] = (line.date.day, line.unitPrice)
            cursor[Int(line.product)] += 1
        }
        for product in 0..<store.products.count where starts[product + 1] - starts[product] > 1 {
            history[starts[product]..<starts[product + 1]].sort { $0.day < $1.day }
        }
        var priceWhenAdded: [Int: Money] = [:]
        for indexes in entries.values {
            for index in indexes {
                let entry = store.wishlists[index]
                let lines = history[starts[Int(entry.product)]..<starts[Int(entry.product) + 1]]
                // The last line on or before the day it was added.
                var low = lines.startIndex
                var high = lines.endIndex
                while low < high {
                    let middle = (low + high) / 2
                    if lines[middle].day <= entry.added.day { low = middle + 1 } else { high = middle }
                }
                if low > lines.startIndex { priceWhenAdded[index] = lines[low - 1].price }
            }
        }
        self.priceWhenAdded = priceWhenAdded
        self.owned = owned

        (tokens, codes) = Self.derive(items, store: store, inputs: inputs)

        var themeDigests: [String: String] = [:]
        for name in Self.templates { themeDigests[name] = site.theme.digest(of: name) }
        self.themeDigests = themeDigests
        self.couponTerms = store.coupons.flatMap { coupon in
            site.segments.map { CouponTerms(coupon, view: $0, site: site) }
        }
    }

    // MARK: - Paths

    /// The page's URL path below the site root, ending in `/`.
    package func url(_ item: Item) -> String {
        switch item {
        case .wishlist: "w/" + (tokens[item] ?? "") + "/"
        case .gift: "w/" + (tokens[item] ?? "") + "/gift/"
        case .coupon: "k/" + (tokens[item] ?? "") + "/"
        case .segmentCoupon(let segment, _): store.segments[Int(segment)].id + "/coupon/"
        }
    }

    /// The file the page is written to, below the site root.
    public func path(_ item: Item) -> String { url(item) + "index.html" }

    /// The segment whose language, prices and string table the page is in.
    func segment(of item: Item) -> Int {
        switch item {
        case .wishlist(let customer), .gift(let customer), .coupon(_, let customer):
            Int(inputs.segmentOfCustomer[Int(customer)])
        case .segmentCoupon(let segment, _): Int(segment)
        }
    }

    func template(of item: Item) -> String {
        switch item {
        case .wishlist: "pages/wishlist"
        case .gift: "pages/gift"
        case .coupon, .segmentCoupon: "pages/coupon"
        }
    }

    // MARK: - Coupons

    /// Offered on the build date (days inclusive)?
    package func validity(_ coupon: Coupon) -> Validity { Self.validity(coupon, on: site.inputs.buildDate) }

    static func validity(_ coupon: Coupon, on date: Timestamp) -> Validity {
        let day = date.day
        if let from = coupon.validFrom, day < from.day { return .notYet }
        if let until = coupon.validUntil, day > until.day { return .expired }
        return .valid
    }

    /// The code a coupon page shows (before validity is considered).
    package func code(_ item: Item) -> String? {
        switch item {
        case .coupon: codes[item]
        case .segmentCoupon(_, let coupon): store.coupons[Int(coupon)].code
        case .wishlist, .gift: nil
        }
    }

    // MARK: - Wish lists

    /// The customer's entries, as shown: file order (the order they were added in the shop's export).
    package func wishlist(_ customer: Int32) -> [WishlistEntry] {
        (entries[customer] ?? []).map { store.wishlists[$0] }
    }

    /// The gift view's products: each wished-for product once, in stock first, otherwise in the list's order.
    func giftProducts(_ customer: Int32) -> [Int32] {
        var seen = Set<Int32>()
        let products = wishlist(customer).map(\.product).filter { seen.insert($0).inserted }
        return products.filter { store.products[Int($0)].isInStock }
            + products.filter { !store.products[Int($0)].isInStock }
    }

    /// The picks shown: in stock, neither wished for nor owned.
    package func picks(_ customer: Int32) -> [Int32] {
        let wished = Set(wishlist(customer).map(\.product))
        let mine = owned[customer] ?? []
        var shown: [Int32] = []
        for product in inputs.picks[customer] ?? []
        where product >= 0 && Int(product) < store.products.count && store.products[Int(product)].isInStock
            && !wished.contains(product) && !mine.contains(product)
        {
            shown.append(product)
            if shown.count == Self.pickCount { break }
        }
        return shown
    }

    /// Whether a wish-list entry's product is in stock again after being out of stock since it was added.
    package func isBackInStock(_ entry: WishlistEntry) -> Bool {
        guard store.products[Int(entry.product)].isInStock, let out = inputs.lastOutOfStockDay[entry.product] else {
            return false
        }
        return out >= entry.added.day
    }

    /// The product's price in the segment when it was added, when the order history tells.
    package func priceThen(entryIndex: Int, view: SegmentView) -> Money? {
        guard let then = priceWhenAdded[entryIndex] else { return nil }
        var product = store.products[Int(store.wishlists[entryIndex].product)]
        product.price = then
        product.compareAtPrice = nil
        return SegmentPrice(
            product: product, pricing: view.definition.pricing, vatBasisPoints: store.settings.vatBasisPoints
        ).amount
    }

    // MARK: - Fingerprints

    /// Everything the page shows and the theme files it renders with: equal fingerprints, equal bytes.
    public func fingerprint(_ item: Item) -> Fingerprint {
        let view = site.segments[segment(of: item)]
        var fingerprint = view.base
        fingerprint.add(Self.formatVersion)
        fingerprint.add(themeDigests[template(of: item)] ?? "")
        fingerprint.add(path(item))
        switch item {
        case .wishlist(let customer):
            fingerprint.add(store.customers[Int(customer)].firstName)
            fingerprint.add(tokens[.gift(customer: customer)] ?? "")
            for index in entries[customer] ?? [] {
                let entry = store.wishlists[index]
                fingerprint.add(site.cardDigests[Int(entry.product)])
                fingerprint.add(Int(entry.added.day))
                fingerprint.add(Int(priceWhenAdded[index]?.minorUnits ?? -1))
                fingerprint.add(isBackInStock(entry) ? 1 : 0)
            }
            for product in picks(customer) { fingerprint.add(site.cardDigests[Int(product)]) }
        case .gift(let customer):
            fingerprint.add(store.segments[site.fallback].id)
            for product in giftProducts(customer) { fingerprint.add(site.cardDigests[Int(product)]) }
        case .coupon(let coupon, _), .segmentCoupon(_, let coupon):
            let found = store.coupons[Int(coupon)]
            fingerprint.add(Self.facts(found))
            fingerprint.add(code(item) ?? "\u{0}")
            fingerprint.add(validity(found).rawValue)
        }
        return fingerprint
    }

    static func facts(_ coupon: Coupon) -> String {
        let discount =
            switch coupon.discount {
            case .percent(let basisPoints): "p\(basisPoints)"
            case .amount(let money): "a\(money.minorUnits)"
            }
        return "\(coupon.id)|\(coupon.kind.rawValue)|\(coupon.code ?? "")|\(coupon.codePrefix ?? "")|\(discount)|"
            + "\(coupon.minimumSpend?.minorUnits ?? -1)|\(coupon.validFrom?.isoDate ?? "")|"
            + "\(coupon.validUntil?.isoDate ?? "")"
    }

    // MARK: - Rendering

    /// Appends the page's HTML to `out`.
    public func render(_ item: Item, into out: inout [UInt8]) {
        guard let template = site.theme.library[template(of: item)] else { return }
        template.render(context(item), library: site.theme.library, options: .lenient, into: &out)
    }

    /// The page's bytes (tests, small sites).
    public func render(_ item: Item) -> [UInt8] {
        var out: [UInt8] = []
        render(item, into: &out)
        return out
    }
}
