import Foundation
import Gzip
import Site
import Testing
import TextFormats
import VitrineKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What the build writes around the pages: sitemap, robots.txt, Merchant feeds, JSON-LD and Open Graph, px.gif,
/// the unsubscribe page and the `.gz` siblings.
@Suite struct SurroundingsTests {
    static let header = "id,sku,gtin,slug,name,description,price,compare_at_price,category,stock,image,name@el,name@fa"
    static let products = [
        "p-1,TEA-1,5209900001000,mountain-tea,Mountain tea,Hand-picked <b>on</b> Parnassus.,12.90,,Tea > Herbs,40,https://img.test/tea.jpg,Τσάι του βουνού,چای کوهی",
        "p-2,TEA-2,,chamomile,Chamomile & <mint>,Calming.,4.00,5.00,Tea > Herbs,3,images/chamomile.jpg,,",
        "p-3,OIL-1,,olive-oil,Olive oil,,20.00,,Pantry,0,/media/oil.jpg,Ελαιόλαδο,",
        "p-4,HON-1,,thyme-honey,Thyme honey,From Crete.,13.55,,Pantry,25,,,",
    ]

    func built(sitemapLimit: Int = Sitemap.maximumURLs) throws -> InlineStore {
        let store = try InlineStore(products: [], orders: BuildTests.orders)
        try store.write("products.csv", ([Self.header] + Self.products).joined(separator: "\n") + "\n")
        var options = BuildWorkflow.Options(
            store: store.directory, output: store.output, themeDirectories: [InlineStore.defaultTheme],
            durable: false)
        options.sitemapLimit = sitemapLimit
        if case .success(let date) = ISO8601.parse("2026-12-01") { options.asOf = date }
        let result = BuildWorkflow.run(options)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.diagnostics.map(\.description))")
        try #require(result.summary != nil)
        return store
    }

    // MARK: - Sitemap and robots.txt

    @Test func sitemapListsCanonicalPublicPagesWithLastSale() throws {
        let store = try built()
        let sitemap = try XMLTree.parse(store.page("sitemap.xml"))
        #expect(sitemap.name == "urlset")
        let urls = sitemap.children.map { ($0.child("loc")?.text ?? "", $0.child("lastmod")?.text) }
        let locations = urls.map(\.0)
        #expect(locations.first == "https://shop.test/")
        #expect(locations.contains("https://shop.test/everyone/p/mountain-tea/"))
        #expect(locations.contains("https://shop.test/everyone/c/tea/herbs/"))
        #expect(locations.count == Set(locations).count)
        for location in locations {
            #expect(location.hasPrefix("https://shop.test/"))
            #expect(!location.contains("/w/") && !location.contains("/k/"), "personal URL \(location)")
            // Only the canonical copies: the fallback segment's.
            #expect(location == "https://shop.test/" || location.hasPrefix("https://shop.test/everyone/"))
        }
        // 4 products, 3 categories (Tea, Tea > Herbs, Pantry), and the root.
        #expect(urls.count == 8)
        let lastmod = Dictionary(urls.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        // The tea was last sold on 3 October, the oil on 2 October, the chamomile on 2 October.
        #expect(lastmod["https://shop.test/everyone/p/mountain-tea/"] == "2026-10-03")
        #expect(lastmod["https://shop.test/everyone/p/olive-oil/"] == "2026-10-02")
        #expect(lastmod["https://shop.test/everyone/c/tea/herbs/"] == "2026-10-03")
        #expect(lastmod["https://shop.test/"] == "2026-10-03")
    }

    @Test func sitemapSplitsIntoAnIndexPastTheLimit() throws {
        let whole = try built()
        let all = try XMLTree.parse(whole.page("sitemap.xml")).children.compactMap { $0.child("loc")?.text }
        let store = try built(sitemapLimit: 3)
        let index = try XMLTree.parse(store.page("sitemap.xml"))
        #expect(index.name == "sitemapindex")
        let parts = index.children.compactMap { $0.child("loc")?.text }
        #expect(parts == (1...3).map { "https://shop.test/sitemap-\($0).xml" })
        var listed: [String] = []
        for number in 1...3 {
            let part = try XMLTree.parse(store.page("sitemap-\(number).xml"))
            #expect(part.name == "urlset")
            #expect(part.children.count <= 3)
            listed += part.children.compactMap { $0.child("loc")?.text }
        }
        #expect(listed == all)
        #expect(store.page("sitemap-4.xml").isEmpty)
    }

    @Test func robotsDisallowsPersonalPathsByPrefix() throws {
        let robots = try built().page("robots.txt")
        #expect(robots.contains("User-agent: *\n"))
        #expect(robots.contains("Disallow: /w/\n"))
        #expect(robots.contains("Disallow: /k/\n"))
        #expect(robots.contains("Sitemap: https://shop.test/sitemap.xml\n"))
        let disallowed = robots.split(separator: "\n").filter { $0.hasPrefix("Disallow:") }
        #expect(
            disallowed.allSatisfy {
                ["Disallow: /w/", "Disallow: /k/", "Disallow: /unsubscribe/", "Disallow: /privacy/"].contains($0)
            })
    }

    // MARK: - JSON-LD and Open Graph

    /// Every segment kind: the catalog price, percent off (vip), without VAT (business), Greek and Persian numerals.
    @Test(arguments: ["everyone", "vip", "business", "greek", "persian"])
    func jsonLDPriceIsTheVisiblePrice(segment: String) throws {
        let store = try built()
        for slug in ["mountain-tea", "chamomile", "olive-oil", "thyme-honey"] {
            let page = store.page("\(segment)/p/\(slug)/index.html")
            let json = try Self.jsonLD(page)
            let offer = try #require(json["offers"] as? [String: Any])
            let price = try #require(offer["price"] as? String)
            #expect(offer["priceCurrency"] as? String == "EUR")
            let visible = try #require(Self.visiblePrice(page))
            #expect(price == visible, "\(segment)/\(slug): JSON-LD \(price), page \(visible)")
            let inStock = !page.contains("stock-out")
            #expect(offer["availability"] as? String == "https://schema.org/" + (inStock ? "InStock" : "OutOfStock"))
            #expect(offer["url"] as? String == "https://shop.test/\(segment)/p/\(slug)/")
            if segment == "business" {
                let specification = try #require(offer["priceSpecification"] as? [String: Any])
                #expect(specification["valueAddedTaxIncluded"] as? Bool == false)
                #expect(specification["price"] as? String == price)
            }
        }
        // Worked figures: 10% off 12.90 is 11.61; 12.90 without 24% VAT is 10.40.
        let tea = try Self.jsonLD(store.page("\(segment)/p/mountain-tea/index.html"))
        let expected = ["vip": "11.61", "business": "10.40"][segment] ?? "12.90"
        #expect((tea["offers"] as? [String: Any])?["price"] as? String == expected)
        #expect(tea["gtin"] as? String == "5209900001000")
        #expect(tea["image"] as? String == "https://img.test/tea.jpg")
    }

    @Test func openGraphAndTwitterCards() throws {
        let store = try built()
        let tea = store.page("greek/p/mountain-tea/index.html")
        #expect(tea.contains("<meta property=\"og:type\" content=\"product\">"))
        #expect(tea.contains("<meta property=\"og:title\" content=\"Τσάι του βουνού\">"))
        #expect(tea.contains("<meta property=\"og:url\" content=\"https://shop.test/everyone/p/mountain-tea/\">"))
        #expect(tea.contains("<meta property=\"og:image\" content=\"https://img.test/tea.jpg\">"))
        #expect(tea.contains("<meta property=\"og:locale\" content=\"el_GR\">"))
        #expect(tea.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(tea.contains("<meta property=\"og:description\" content=\"Hand-picked on Parnassus.\">"))
        let chamomile = store.page("everyone/p/chamomile/index.html")
        #expect(chamomile.contains("<meta property=\"og:title\" content=\"Chamomile &amp; &lt;mint&gt;\">"))
        #expect(chamomile.contains("content=\"https://shop.test/images/chamomile.jpg\""))
        let honey = store.page("everyone/p/thyme-honey/index.html")
        #expect(honey.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(!honey.contains("og:image"))
        let listing = store.page("persian/c/tea/index.html")
        #expect(listing.contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(listing.contains("<meta property=\"og:locale\" content=\"fa_IR\">"))
        #expect(listing.contains("<meta property=\"og:url\" content=\"https://shop.test/everyone/c/tea/\">"))
        let root = store.page("index.html")
        #expect(root.contains("<meta property=\"og:url\" content=\"https://shop.test/\">"))
        #expect(root.contains("<meta property=\"og:site_name\" content=\"Test shop\">"))
        #expect(!store.page("404.html").contains("og:"))
    }

    // MARK: - Merchant feeds

    static let requiredFields = [
        "g:id", "title", "description", "link", "g:image_link", "g:availability", "g:price", "g:condition",
    ]

    @Test(arguments: ["everyone", "vip", "business", "greek", "persian"])
    func merchantFeedHasTheRequiredFieldsAndThePagePrices(segment: String) throws {
        let store = try built()
        let rss = try XMLTree.parse(store.page("\(segment)/feed.xml"))
        #expect(rss.name == "rss")
        #expect(rss.attributes["version"] == "2.0")
        #expect(rss.attributes["xmlns:g"] == "http://base.google.com/ns/1.0")
        let channel = try #require(rss.child("channel"))
        for field in ["title", "link", "description"] { #expect(channel.child(field) != nil, "channel \(field)") }
        let items = channel.children.filter { $0.name == "item" }
        // The honey has no image: Merchant Center would refuse it.
        #expect(items.map { $0.child("g:id")?.text } == ["p-1", "p-2", "p-3"])
        for item in items {
            let id = item.child("g:id")?.text ?? "?"
            for field in Self.requiredFields {
                let value = item.child(field)?.text ?? ""
                #expect(value.isEmpty == false, "\(segment) item \(id): no \(field)")
            }
            #expect(["in_stock", "out_of_stock"].contains(item.child("g:availability")?.text ?? ""))
            let link = try #require(item.child("link")?.text)
            #expect(link.hasPrefix("https://shop.test/\(segment)/p/"))
            let slug = link.dropFirst("https://shop.test/\(segment)/p/".count).dropLast()
            let page = store.page("\(segment)/p/\(slug)/index.html")
            let pays = (item.child("g:sale_price") ?? item.child("g:price"))?.text
            #expect(pays == "\(try #require(Self.visiblePrice(page))) EUR", "\(segment) item \(id)")
            let price = try #require(item.child("g:price")?.text)
            #expect(price.wholeMatch(of: /[0-9]+\.[0-9]{2} EUR/) != nil)
            #expect(item.child("g:availability")?.text == (page.contains("stock-out") ? "out_of_stock" : "in_stock"))
        }
        let tea = try #require(items.first)
        #expect(tea.child("g:gtin")?.text == "5209900001000")
        #expect(tea.child("description")?.text == "Hand-picked on Parnassus.")
        #expect(items[1].child("title")?.text == "Chamomile & <mint>")
        #expect(items[1].child("g:identifier_exists")?.text == "no")
        #expect(items[1].child("g:image_link")?.text == "https://shop.test/images/chamomile.jpg")
        #expect(items[2].child("g:image_link")?.text == "https://shop.test/media/oil.jpg")
        // The oil has no description: its title stands in.
        #expect(items[2].child("description")?.text == items[2].child("title")?.text)
    }

    // MARK: - px.gif, unsubscribe, .gz siblings

    @Test func pixelAndUnsubscribePage() throws {
        let store = try built()
        let pixel = try Data(contentsOf: URL(fileURLWithPath: store.output + "/site/px.gif"))
        #expect(pixel.count == 43)
        #expect(pixel.prefix(6) == Data("GIF89a".utf8))
        #expect(pixel.last == 0x3B)
        let unsubscribe = store.page("unsubscribe/index.html")
        #expect(unsubscribe.contains("<html lang=\"en\" dir=\"ltr\">"))
        // No action: the form posts to the page's own URL, its ?vt= token included.
        #expect(unsubscribe.contains("<form method=\"post\">"))
        #expect(unsubscribe.contains("<button type=\"submit\" class=\"button button-solid\">Unsubscribe</button>"))
        #expect(unsubscribe.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(unsubscribe.contains("href=\"../assets/app."))
    }

    @Test func gzipSiblingsForEveryCompressibleFileAndOnlyForWhatChanged() throws {
        let store = try built()
        let files = InlineStore.files(store.output + "/site")
        var siblings = 0
        for (path, bytes) in files where !path.hasSuffix(".gz") {
            let compressible = ["html", "css", "js", "svg", "xml", "txt", "json"].contains(
                (path as NSString).pathExtension)
            guard let gz = files[path + ".gz"] else {
                // Only a file that gzip cannot shrink goes without.
                if compressible {
                    #expect(try Gzip.compress(Array(bytes), level: 9).count >= bytes.count, "no \(path).gz")
                }
                continue
            }
            #expect(compressible, "\(path) should have no .gz")
            #expect(gz.count < bytes.count)
            #expect(try Gzip.decompress(Array(gz)) == Array(bytes), "\(path).gz")
            siblings += 1
        }
        #expect(siblings > 40)
        #expect(files["px.gif.gz"] == nil)

        // A rebuild writes nothing; changing one product's price rewrites its pages and their siblings only.
        let again = try #require(store.build().summary)
        #expect(again.written == 0)
        #expect(again.compressed == 0)
        var products = Self.products
        products[3] = products[3].replacingOccurrences(of: "13.55", with: "14.00")
        try store.write("products.csv", ([Self.header] + products).joined(separator: "\n") + "\n")
        let changed = try #require(store.build().summary)
        #expect(changed.compressed > 0)
        #expect(changed.compressed <= changed.written / 2 + 1)
        let after = InlineStore.files(store.output + "/site")
        let honey = try #require(after["everyone/p/thyme-honey/index.html.gz"])
        #expect(String(decoding: try Gzip.decompress(Array(honey)), as: UTF8.self).contains("€14.00"))
        // The chamomile's page shows nothing of the honey: its sibling is the same file.
        let chamomile = "everyone/p/chamomile/index.html.gz"
        #expect(after[chamomile] != nil && after[chamomile] == files[chamomile])
        #expect(after.keys.filter { $0.hasSuffix(".gz") }.count == siblings)
    }

    // MARK: - Helpers

    /// The page's JSON-LD object.
    static func jsonLD(_ page: String) throws -> [String: Any] {
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let data = Data(page[start.upperBound..<end.lowerBound].utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The price the page shows as paid, as `12.90`: Persian digits and any decimal separator read back.
    static func visiblePrice(_ page: String) -> String? {
        guard let start = page.range(of: "<span class=\"price-now\">") else { return nil }
        guard let end = page.range(of: "</span>", range: start.upperBound..<page.endIndex) else { return nil }
        var text = String(page[start.upperBound..<end.lowerBound])
        // "Now" for the screen reader comes first when there is a struck-through price.
        if let hidden = text.range(of: "</span>") { text = String(text[hidden.upperBound...]) }
        if let hiddenEnd = page.range(of: "</span>", range: end.upperBound..<page.endIndex),
            text.isEmpty || text.contains("visually-hidden")
        {
            text = String(page[end.upperBound..<hiddenEnd.lowerBound])
        }
        var digits = ""
        for scalar in text.unicodeScalars {
            if let value = scalar.properties.numericType != nil ? scalar.properties.numericValue : nil {
                digits += String(Int(value))
            }
        }
        guard digits.count >= 3 else { return nil }
        return String(digits.dropLast(2)) + "." + String(digits.suffix(2))
    }
}

/// A small element tree read with Foundation's XMLParser (namespaces left as prefixes).
final class XMLTree: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var children: [Element] = []

        func child(_ name: String) -> Element? { children.first { $0.name == name } }
    }

    private var stack: [Element] = [Element(name: "#document", attributes: [:])]
    private var failure: Error?

    static func parse(_ text: String) throws -> Element {
        let tree = XMLTree()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = tree
        guard parser.parse(), tree.failure == nil else {
            throw parser.parserError ?? tree.failure ?? CocoaError(.coderReadCorrupt)
        }
        return try #require(tree.stack.first?.children.first)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(Element(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        var element = stack.removeLast()
        element.text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        stack[stack.count - 1].children.append(element)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failure = parseError }
}
