import Mustache
import Store
import TextFormats

/// The files around the pages: what crawlers, shopping engines, mail clients and the web server need.
///
/// ```
/// robots.txt               every public path allowed; /w/, /k/, /unsubscribe/ and /privacy/ disallowed by prefix
/// sitemap.xml              the canonical public pages; past `limit` URLs an index of sitemap-<n>.xml parts
/// <segment>/feed.xml       a Google Merchant feed (RSS 2.0, g: namespace) in the segment's prices and language
/// px.gif                   the 43-byte transparent GIF the open pixel points at
/// unsubscribe/index.html   a confirm button that POSTs to the same URL (nginx answers the POST, see NginxConfig)
/// privacy/index.html       the same for turning tracking off (the e-mail footer's privacy link)
/// ```
extension SitePlan {
    /// One file of the site that is not a page: its path below the site root and its bytes.
    public struct SurroundingFile: Sendable {
        public var path: String
        public var bytes: [UInt8]
    }

    /// Every surrounding file, in a fixed order. `sitemapLimit`: URLs per sitemap file (50,000 by the protocol).
    public func surroundings(sitemapLimit: Int = Sitemap.maximumURLs) -> [SurroundingFile] {
        var files = [
            SurroundingFile(path: "robots.txt", bytes: Array(robots().utf8)),
            SurroundingFile(path: "px.gif", bytes: Self.transparentGIF),
        ]
        for (name, bytes) in Sitemap.files(sitemapEntries(), baseURL: baseURL, limit: sitemapLimit) {
            files.append(SurroundingFile(path: name, bytes: bytes))
        }
        let selected = store.segments.indices.filter {
            inputs.onlySegments?.contains(store.segments[$0].id) ?? true
        }
        for segment in selected {
            files.append(
                SurroundingFile(
                    path: store.segments[segment].id + "/feed.xml", bytes: MerchantFeed.render(self, segment: segment))
            )
        }
        for (name, title) in [("unsubscribe", "unsubscribe_title"), ("privacy", "privacy_title")]
        where theme.library["pages/" + name] != nil {
            files.append(SurroundingFile(path: name + "/index.html", bytes: renderFormPage(name, title: title)))
        }
        return files
    }

    /// GIF89a, 1×1, one transparent colour: header, screen descriptor, 2-colour table, graphic control extension
    /// (transparent index 0), image descriptor, LZW data, trailer — 43 bytes.
    public static let transparentGIF: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00,
        0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
        0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0x02, 0x02, 0x44, 0x01, 0x00,
        0x3B,
    ]

    /// The path part of the base URL (`/shop` for `https://example.com/shop`, empty for a host's root).
    var basePath: String {
        guard let scheme = baseURL.range(of: "://") else { return "" }
        let rest = baseURL[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...])
    }

    /// `robots.txt`: personal paths by prefix only, so it names no token.
    func robots() -> String {
        var text = "# Public pages are open to every crawler; personal pages are not, and are never listed.\n"
        text += "User-agent: *\n"
        for prefix in ["/w/", "/k/", "/unsubscribe/", "/privacy/"] { text += "Disallow: \(basePath)\(prefix)\n" }
        text += "Allow: \(basePath)/\n\nSitemap: \(baseURL)/sitemap.xml\n"
        return text
    }

    // MARK: - Sitemap

    /// The canonical public pages: the site root, and the fallback segment's listing and product pages (every
    /// other segment's copy names these as canonical). Never a personal page.
    ///
    /// `lastmod` comes from the orders: a product page's is the day of the product's last sale (stock, rating
    /// and "also bought" follow sales; the catalog itself has no modification date), a listing page's is the
    /// newest of the products it shows, the root's the newest of all. A product never sold has none.
    func sitemapEntries() -> [Sitemap.Entry] {
        var lastSale = [Int64](repeating: Int64.min, count: store.products.count)
        for line in store.orders where Int(line.product) < lastSale.count {
            lastSale[Int(line.product)] = max(lastSale[Int(line.product)], line.date.secondsSince1970)
        }
        let date = { (seconds: Int64) in
            seconds == Int64.min ? nil : Timestamp(secondsSince1970: seconds).isoDate
        }
        let view = segments[fallback]
        var entries = [Sitemap.Entry(location: baseURL + "/", lastModified: date(lastSale.max() ?? Int64.min))]
        for node in categories.nodes.indices {
            let listing = view.listings[node]
            let pageCount = max(1, (listing.count + theme.pageSize - 1) / theme.pageSize)
            for number in 1...pageCount {
                let newest = pageSlice(listing, number: number).map { lastSale[Int($0)] }.max() ?? Int64.min
                entries.append(
                    Sitemap.Entry(
                        location: baseURL + "/" + listingURL(segment: view.definition.id, node: node, number: number),
                        lastModified: date(newest)))
            }
        }
        for (index, product) in store.products.enumerated() {
            entries.append(
                Sitemap.Entry(
                    location: baseURL + "/" + view.definition.id + "/p/" + product.slug + "/",
                    lastModified: date(lastSale[index])))
        }
        return entries
    }

    // MARK: - Unsubscribe and privacy

    /// `unsubscribe/index.html` or `privacy/index.html` in the fallback segment's language: a button that POSTs to
    /// the page's own URL (query string and its token included), where nginx answers 200.
    func renderFormPage(_ name: String, title: String) -> [UInt8] {
        let view = segments[fallback]
        let page = Page(segment: Int32(fallback), kind: .notFound)
        var fields = common(page, view: view, root: "../").filter { $0.0 != "canonical" }
        fields.append(("title", .string(view.text(title) + " · " + store.settings.name)))
        var out: [UInt8] = []
        theme.library["pages/" + name]?.render(
            .map(MustacheMap(fields)), library: theme.library, options: .lenient, into: &out)
        return out
    }

    /// What nginx answers to the one-click POST, in the fallback segment's language.
    public var unsubscribedMessage: String { segments[fallback].text("unsubscribe_done") }

    /// What nginx answers to the POST that turns tracking off.
    public var trackingOffMessage: String { segments[fallback].text("privacy_done") }

    /// The store's base URL without a trailing slash.
    public var storeBaseURL: String { baseURL }

    /// The fallback segment's language (the unsubscribe page's and the 404 page's).
    public var fallbackLocale: String { segments[fallback].locale }
}
