import Diagnostics
import Mustache
import Publishing
import Store
import TextFormats

/// The whole site as a plan: every page of every segment, and for each page its path, the fingerprint of
/// everything it shows, and its bytes on demand. Made once (categories, per-segment orders and listings,
/// string tables), then read from many threads: `render(_:into:)` and `fingerprint(_:)` share nothing mutable.
public struct SitePlan: Sendable {
    let inputs: SiteInputs
    let categories: CategoryTree
    package let segments: [SegmentView]
    /// The last segment of `segments.json`: everyone else, whose pages are the canonical ones.
    package let fallback: Int
    /// Per product: a fingerprint of everything a card shows, and of everything its own page shows.
    let cardDigests: [String]
    let productDigests: [String]
    /// Per page kind: the fingerprint of the theme files it renders with.
    let themeDigests: [Page.Kind: String]
    /// Every page to build, in a fixed order.
    public let pages: [Page]
    /// The cards shown so far, per segment and product (see `CardCache`).
    let cards: CardCache
    /// The product descriptions shown so far, per locale and product.
    let descriptions: DescriptionCache
    /// The `store` of every page's context.
    let storeValue: MustacheValue
    /// Per product and per segment, what every page asks for, as flat arrays: reading a field through
    /// `store.products[i]` copies (and retains) the whole product first.
    let slugs: [String]
    let inStock: [Bool]
    let segmentIDs: [String]

    package var store: LoadedStore { inputs.store }
    package var theme: SiteTheme { inputs.theme }

    /// How many products the index shows as best sellers, and how many neighbours a product page shows.
    static let bestCount = 8
    static let alsoBoughtCount = 4
    static let featuredCount = 4
    /// Segment `index` as seen in `locale` (its prices, order and coupon; the locale's words and formats): what a
    /// message to one customer of the segment shows in the customer's own language.
    package func view(segment index: Int, locale: String) -> SegmentView {
        if segments[index].locale == locale { return segments[index] }
        var ignored = DiagnosticEngine()
        return SegmentView(
            index: index, inputs: inputs, categories: categories, fallbackID: store.segments.last?.id ?? "",
            locale: locale, diagnostics: &ignored)
    }

    /// Changes whenever what a page shows for the same inputs changes (new fields, new markup from code).
    static let formatVersion = "site-1"

    /// Nil, with every problem in `diagnostics`, when a product or category would land outside its place or on
    /// another's page, or when the theme cannot render the store's locales.
    public static func make(_ inputs: SiteInputs, diagnostics: inout DiagnosticEngine) -> SitePlan? {
        let errorsBefore = diagnostics.errorCount
        let store = inputs.store
        var firstOfSlug: [String: Int] = [:]
        for (index, product) in store.products.enumerated() {
            if !Slug.isValid(product.slug) || product.slug.hasPrefix(".") || product.slug.contains("..") {
                diagnostics.error(
                    "product \"\(product.id)\": slug \"\(product.slug)\" cannot be a page path; "
                        + "use lowercase letters, digits and hyphens",
                    at: product.location)
            } else if let first = firstOfSlug[product.slug] {
                diagnostics.error(
                    "products \"\(store.products[first].id)\" and \"\(product.id)\" would both be written to "
                        + "p/\(product.slug)/; give one a different slug",
                    at: product.location,
                    notes: store.products[first].location.map { [.init("first used here", at: $0)] }
                        ?? [])
            } else {
                firstOfSlug[product.slug] = index
            }
        }
        let reserved: Set<String> = ["assets", "index.html", "w", "k", "c", "p"]
        for segment in store.segments where !Slug.isValid(segment.id) || reserved.contains(segment.id) {
            diagnostics.error(
                "segment id \"\(segment.id)\" cannot be a folder of the site; use lowercase letters, digits and "
                    + "hyphens, and none of \(reserved.sorted().joined(separator: ", "))",
                at: segment.location)
        }
        if store.segments.isEmpty { diagnostics.error("the store has no segments", at: nil) }
        for kind in ["pages/index", "pages/category", "pages/product"] where inputs.theme.library[kind] == nil {
            diagnostics.error("the theme has no template \(kind).mustache", at: nil)
        }
        let categories = CategoryTree(products: store.products, diagnostics: &diagnostics)
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return SitePlan(inputs: inputs, categories: categories, diagnostics: &diagnostics)
    }

    private init(inputs: SiteInputs, categories: CategoryTree, diagnostics: inout DiagnosticEngine) {
        self.inputs = inputs
        self.categories = categories
        let store = inputs.store
        fallback = store.segments.count - 1
        cardDigests = store.products.map { Self.cardDigest($0) }
        productDigests = store.products.map { Self.productDigest($0) }
        var themeDigests: [Page.Kind: String] = [:]
        for (kind, name) in [
            (Page.Kind.index, "pages/index"), (.category, "pages/category"), (.product, "pages/product"),
        ] {
            themeDigests[kind] = inputs.theme.digest(of: name)
        }
        themeDigests[.root] = themeDigests[.index]
        var notFound = Fingerprint()
        for used in inputs.theme.templatesUsed(by: "pages/not-found") {
            notFound.add(used)
            notFound.add(inputs.theme.templateDigests[used] ?? "-")
        }
        for (source, published) in inputs.theme.assets.sorted(by: { $0.key < $1.key }) {
            notFound.add(source)
            notFound.add(published)
        }
        themeDigests[.notFound] = notFound.hex
        self.themeDigests = themeDigests
        var segments: [SegmentView] = []
        for index in store.segments.indices {
            segments.append(
                SegmentView(
                    index: index, inputs: inputs, categories: categories, fallbackID: store.segments.last?.id ?? "",
                    diagnostics: &diagnostics))
        }
        self.segments = segments
        cards = CardCache(segments: segments.count, products: store.products.count)
        var locales: [String] = []
        for view in segments where !locales.contains(view.locale) { locales.append(view.locale) }
        descriptions = DescriptionCache(locales: locales, products: store.products.count)
        slugs = store.products.map(\.slug)
        inStock = store.products.map(\.isInStock)
        segmentIDs = store.segments.map(\.id)
        storeValue = .map(
            MustacheMap([
                ("name", .string(store.settings.name)), ("base_url", .string(Self.baseURL(of: store))),
                ("address", .string(store.settings.postalAddress)),
            ]))

        var pages: [Page] = []
        let selected = store.segments.indices.filter { inputs.onlySegments?.contains(store.segments[$0].id) ?? true }
        if selected.contains(fallback) {
            pages.append(Page(segment: Int32(fallback), kind: .root))
            if inputs.theme.library["pages/not-found"] != nil {
                pages.append(Page(segment: Int32(fallback), kind: .notFound))
            }
        }
        for segment in selected {
            pages.append(Page(segment: Int32(segment), kind: .index))
            for node in categories.nodes.indices {
                let count = segments[segment].listings[node].count
                let pageCount = max(1, (count + inputs.theme.pageSize - 1) / inputs.theme.pageSize)
                for number in 1...pageCount {
                    pages.append(
                        Page(segment: Int32(segment), kind: .category, item: Int32(node), number: Int32(number)))
                }
            }
            for product in store.products.indices {
                pages.append(Page(segment: Int32(segment), kind: .product, item: Int32(product)))
            }
        }
        self.pages = pages
    }

    // MARK: - Paths

    /// The page's URL path below the site root, ending in `/` (`everyone/p/olive-oil/`); empty for the root.
    func url(_ page: Page) -> String {
        let segment = segmentIDs[Int(page.segment)]
        switch page.kind {
        case .root, .notFound: return ""
        case .index: return segment + "/"
        case .product: return segment + "/p/" + slugs[Int(page.item)] + "/"
        case .category: return listingURL(segment: segment, node: Int(page.item), number: Int(page.number))
        }
    }

    func listingURL(segment: String, node: Int, number: Int) -> String {
        segment + "/c/" + categories.nodes[node].slugPath + "/" + (number > 1 ? "\(number)/" : "")
    }

    /// The file the page is written to, below the site root (`everyone/p/olive-oil/index.html`).
    public func path(_ page: Page) -> String { page.kind == .notFound ? "404.html" : url(page) + "index.html" }

    /// The shard (0 ..< count) a page belongs to: a hash of its segment and path, so shards are disjoint, cover
    /// the site, and stay the same from run to run and machine to machine.
    public func shard(of page: Page, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in segmentIDs[Int(page.segment)].utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        for byte in path(page).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(max(1, count)))
    }

    // MARK: - Fingerprints

    /// Everything the page shows, and the theme files it renders with: equal fingerprints, equal bytes.
    public func fingerprint(_ page: Page) -> Fingerprint {
        // Passed on borrowed: a `let` copy of the segment's view would retain each of its fields.
        fingerprint(page, view: segments[Int(page.segment)])
    }

    private func fingerprint(_ page: Page, view: SegmentView) -> Fingerprint {
        var fingerprint = view.base
        fingerprint.add(themeDigests[page.kind] ?? "")
        fingerprint.add(Int(page.kind.rawValue))
        switch page.kind {
        case .notFound:
            for node in categories.roots { fingerprint.add(view.listings[node].count) }
        case .root, .index:
            for node in categories.roots {
                fingerprint.add(view.listings[node].count)
            }
            for product in view.best { fingerprint.add(cardDigests[Int(product)]) }
            for node in view.featured {
                fingerprint.add(node)
                for product in view.listings[node].prefix(Self.featuredCount) {
                    fingerprint.add(cardDigests[Int(product)])
                }
            }
        case .category:
            let node = Int(page.item)
            let listing = view.listings[node]
            fingerprint.add(categories.nodes[node].path.joined(separator: "\u{1F}"))
            fingerprint.add(Int(page.number))
            fingerprint.add(listing.count)
            for child in categories.nodes[node].children {
                fingerprint.add(categories.nodes[child].path.last ?? "")
                fingerprint.add(view.listings[child].count)
            }
            for product in pageSlice(listing, number: Int(page.number)) { fingerprint.add(cardDigests[Int(product)]) }
        case .product:
            let product = Int(page.item)
            fingerprint.add(productDigests[product])
            for neighbour in alsoBought(product) { fingerprint.add(cardDigests[Int(neighbour)]) }
        }
        return fingerprint
    }

    func pageSlice(_ listing: [Int32], number: Int) -> ArraySlice<Int32> {
        let start = min(listing.count, (number - 1) * theme.pageSize)
        return listing[start..<min(listing.count, start + theme.pageSize)]
    }

    /// The neighbours a product page shows: in stock, best first.
    func alsoBought(_ product: Int) -> [Int32] {
        guard product < inputs.neighbours.count else { return [] }
        var shown: [Int32] = []
        for neighbour in inputs.neighbours[product]
        where Int(neighbour) != product && inStock[Int(neighbour)] {
            shown.append(neighbour)
            if shown.count == Self.alsoBoughtCount { break }
        }
        return shown
    }

    static func cardDigest(_ product: Product) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(product.slug)
        fingerprint.add(product.name)
        for (locale, translation) in product.translations.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(locale)
            fingerprint.add(translation.name ?? "\u{0}")
        }
        fingerprint.add(product.image ?? "\u{0}")
        fingerprint.add(product.category.joined(separator: "\u{1F}"))
        fingerprint.add(Int(product.price.minorUnits))
        fingerprint.add(Int(product.compareAtPrice?.minorUnits ?? -1))
        fingerprint.add(product.stock ?? -1)
        fingerprint.add(product.rating.map { Int(($0 * 10).rounded()) } ?? -1)
        fingerprint.add(product.reviewCount)
        return fingerprint.hex
    }

    static func productDigest(_ product: Product) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(cardDigest(product))
        fingerprint.add(product.id)
        fingerprint.add(product.sku ?? "\u{0}")
        fingerprint.add(product.gtin ?? "\u{0}")
        fingerprint.add(product.description)
        fingerprint.add(product.category.joined(separator: "\u{1F}"))
        fingerprint.add(product.tags.joined(separator: "\u{1F}"))
        for (locale, translation) in product.translations.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(locale)
            fingerprint.add(translation.description ?? "\u{0}")
        }
        return fingerprint.hex
    }

    // MARK: - Rendering

    /// Appends the page's HTML to `out` (a buffer the caller reuses); returns the template problems met.
    @discardableResult
    public func render(_ page: Page, into out: inout [UInt8]) -> [Diagnostic] {
        let name =
            switch page.kind {
            case .root, .index: "pages/index"
            case .notFound: "pages/not-found"
            case .category: "pages/category"
            case .product: "pages/product"
            }
        guard let template = theme.library[name] else { return [] }
        return template.render(context(page), library: theme.library, options: .lenient, into: &out)
    }

    /// The page's bytes (tests, small sites).
    public func render(_ page: Page) -> [UInt8] {
        var out: [UInt8] = []
        render(page, into: &out)
        return out
    }
}

extension SitePlan {
    /// What the page templates see, all kinds in one map (the fallback segment's index, first listing and first
    /// product page merged), for `vitrine theme check` to render every page template against in strict mode.
    public func sampleContext() -> MustacheValue {
        var merged = MustacheValue.map(MustacheMap())
        let segment = Int32(fallback)
        let samples = [
            Page(segment: segment, kind: .index), Page(segment: segment, kind: .category),
            Page(segment: segment, kind: .product),
        ]
        for page in samples where page.kind == .index || !store.products.isEmpty {
            merged = Self.merge(merged, context(page))
        }
        return merged
    }

    /// `overlay` over `base`; maps present in both are merged key by key.
    public static func merge(_ base: MustacheValue, _ overlay: MustacheValue) -> MustacheValue {
        guard case .map(var result) = base, case .map(let top) = overlay else { return overlay }
        for (key, value) in top {
            result[key] = result[key].map { merge($0, value) } ?? value
        }
        return .map(result)
    }
}
