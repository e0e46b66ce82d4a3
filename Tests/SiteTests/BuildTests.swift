import Foundation
import Testing
import VitrineKit

/// `vitrine build` end to end on small stores written inline: what the pages say, and what the writer does.
@Suite struct BuildTests {
    static let products = [
        "p-1,TEA-1,mountain-tea,Mountain tea,Hand-picked on Parnassus.,12.90,,Tea > Herbs,40,4.8,12,Τσάι του βουνού,چای کوهی",
        "p-2,TEA-2,chamomile,Chamomile,Calming.,4.00,5.00,Tea > Herbs,3,,0,,",
        "p-3,OIL-1,olive-oil,Olive oil,Cretan.,20.00,,Pantry,0,4.5,2,Ελαιόλαδο,",
        "p-4,HON-1,thyme-honey,Thyme honey,From Crete.,13.50,,Pantry,25,,0,,",
    ]
    /// p-1 is bought with p-2 (twice) and with p-3 (out of stock) and p-4 (once).
    static let orders = [
        "o-1,c-1,2026-10-01T10:00:00Z,p-1,1,12.90,,", "o-1,c-1,2026-10-01T10:00:00Z,p-2,1,4.00,,",
        "o-2,c-2,2026-10-02T10:00:00Z,p-1,1,12.90,,", "o-2,c-2,2026-10-02T10:00:00Z,p-2,1,4.00,,",
        "o-2,c-2,2026-10-02T10:00:00Z,p-3,1,20.00,,", "o-3,c-3,2026-10-03T10:00:00Z,p-1,1,12.90,,",
        "o-3,c-3,2026-10-03T10:00:00Z,p-4,1,13.50,,",
    ]

    func built(_ products: [String] = products, orders: [String] = orders) throws -> InlineStore {
        let store = try InlineStore(products: products, orders: orders)
        let result = store.build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.diagnostics.map(\.description))")
        #expect(result.summary != nil)
        return store
    }

    @Test func segmentPricesPercentOffAndWithoutVAT() throws {
        let store = try built()
        let everyone = store.page("everyone/p/mountain-tea/index.html")
        #expect(everyone.contains("<span class=\"price-now\">€12.90</span>"))
        // VIP: 10% off 12.90 = 11.61, the catalog price struck through.
        let vip = store.page("vip/p/mountain-tea/index.html")
        #expect(vip.contains("<del><span class=\"visually-hidden\">Was </span>€12.90</del>"))
        #expect(vip.contains("€11.61</span>"))
        #expect(vip.contains("<span class=\"badge\">10% off</span>"))
        // Business: 12.90 / 1.24 = 10.40, without VAT, and the page says so.
        let business = store.page("business/p/mountain-tea/index.html")
        #expect(business.contains("<span class=\"price-now\">€10.40</span>"))
        #expect(business.contains("excl. VAT"))
        #expect(business.contains("every price on these pages is shown without VAT"))
        #expect(!everyone.contains("excl. VAT"))
        // A compare-at price: 4.00 instead of 5.00 is 20% off for everyone.
        let chamomile = store.page("everyone/p/chamomile/index.html")
        #expect(chamomile.contains("€5.00</del>"))
        #expect(chamomile.contains("20% off"))
    }

    @Test func languageDirectionNumbersAndTranslationFallback() throws {
        let store = try built()
        let persian = store.page("persian/p/mountain-tea/index.html")
        #expect(persian.contains("<html lang=\"fa\" dir=\"rtl\">"))
        #expect(persian.contains("<h1 id=\"product-title\">چای کوهی</h1>"))
        #expect(persian.contains("۱۲٫۹۰ €"))
        let greek = store.page("greek/p/mountain-tea/index.html")
        #expect(greek.contains("<html lang=\"el\" dir=\"ltr\">"))
        #expect(greek.contains("Τσάι του βουνού"))
        #expect(greek.contains("12,90 €"))
        // No Greek name for the honey: the English one, marked as English.
        let honey = store.page("greek/p/thyme-honey/index.html")
        #expect(honey.contains("<h1 id=\"product-title\" lang=\"en\" dir=\"auto\">Thyme honey</h1>"))
        #expect(store.page("everyone/index.html").contains("<html lang=\"en\" dir=\"ltr\">"))
    }

    @Test func stockStatesAndAlsoBought() throws {
        let store = try built()
        #expect(store.page("everyone/p/olive-oil/index.html").contains("<p class=\"stock stock-out\">Out of stock</p>"))
        #expect(store.page("everyone/p/chamomile/index.html").contains("<p class=\"stock stock-low\">Only 3 left</p>"))
        #expect(store.page("everyone/p/thyme-honey/index.html").contains("<p class=\"stock stock-in\">In stock</p>"))
        let tea = store.page("everyone/p/mountain-tea/index.html")
        let also = try #require(tea.range(of: "Customers who bought this also bought"))
        let block = String(tea[also.upperBound...])
        #expect(block.contains("everyone/p/chamomile/"))
        #expect(block.contains("everyone/p/thyme-honey/"))
        // Bought with it, but out of stock: never offered.
        #expect(!block.contains("p/olive-oil/"))
        // Nothing was bought with the honey's neighbours but the tea.
        #expect(
            !store.page("everyone/p/olive-oil/index.html").contains("Customers who bought this also bought")
                || store.page("everyone/p/olive-oil/index.html").contains("p/mountain-tea/"))
    }

    @Test(arguments: [("2026-12-01", true), ("2027-01-01", false), ("2026-10-31", false)])
    func couponOnlyWhenValidOnTheBuildDate(date: String, shown: Bool) throws {
        let store = try InlineStore(products: Self.products, orders: Self.orders)
        #expect(store.build(asOf: date).summary != nil)
        let index = store.page("vip/index.html")
        #expect(index.contains("<code>VIP10</code>") == shown)
        #expect(store.page("vip/p/thyme-honey/index.html").contains("<code>VIP10</code>") == shown)
        if shown { #expect(index.contains("Valid until 31 December 2026.")) }
    }

    @Test func canonicalLinksAndRoot() throws {
        let store = try built()
        for segment in ["vip", "business", "greek", "persian", "everyone"] {
            #expect(
                store.page("\(segment)/p/olive-oil/index.html").contains(
                    "<link rel=\"canonical\" href=\"https://shop.test/everyone/p/olive-oil/\">"))
        }
        let root = store.page("index.html")
        #expect(root.contains("<link rel=\"canonical\" href=\"https://shop.test/\">"))
        #expect(root.contains("href=\"everyone/p/mountain-tea/\""))
        #expect(root.contains("href=\"assets/app."))
        // The 404 page answers any address: links from the host's root, no canonical, not indexed.
        let missing = store.page("404.html")
        #expect(missing.contains("<h1 id=\"not-found-title\">Page not found</h1>"))
        #expect(missing.contains("href=\"/everyone/c/tea/\""))
        #expect(!missing.contains("rel=\"canonical\""))
        #expect(missing.contains("<meta name=\"robots\" content=\"noindex\">"))
        // Listings: paginated at the theme's size, the first page at the category's own URL.
        #expect(store.page("everyone/c/tea/herbs/index.html").contains("<h1>Herbs</h1>"))
        #expect(store.page("everyone/c/tea/index.html").contains("everyone/p/chamomile/"))
    }

    @Test func hostileNamesAndDescriptionsAreEscaped() throws {
        let products = [
            "p-1,X-1,evil,\"<script>alert(1)</script> & \"\"tea\"\"\",\"<p onclick=\"\"x()\"\">Nice</p><script>steal()</script><img src=x onerror=y()></script><b>bold</b>\",1.00,,Tea,5,,0,,",
            "p-2,X-2,plain,\"Tea </script><!-- x\u{2028}\",a < b & c,2.00,,Tea,5,,0,,",
        ]
        let store = try built(products, orders: [])
        let evil = store.page("everyone/p/evil/index.html")
        #expect(evil.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;tea&quot;"))
        #expect(!evil.contains("<script>alert"))
        #expect(!evil.contains("steal()"))
        #expect(!evil.contains("onclick"))
        #expect(!evil.contains("onerror"))
        #expect(evil.contains("<p>Nice</p>"))
        #expect(evil.contains("<b>bold</b>"))
        // Two script elements of the theme, each closed once: no catalog text closes one.
        #expect(evil.components(separatedBy: "</script>").count - 1 == 2)
        let plain = store.page("everyone/p/plain/index.html")
        #expect(plain.components(separatedBy: "</script>").count - 1 == 2)
        #expect(plain.contains("\"name\":\"Tea \\u003c/script\\u003e\\u003c!-- x\\u2028\""))
        #expect(plain.contains("<h1 id=\"product-title\">Tea &lt;/script&gt;&lt;!-- x\u{2028}</h1>"))
        #expect(plain.contains("<p>a &lt; b &amp; c</p>"))
    }

    @Test func traversalAndCollidingSlugsAreRefusedWithTheirPlaces() throws {
        let store = try InlineStore(products: [
            "p-1,X-1,../../etc,Evil,,1.00,,Tea,5,,0,,", "p-2,X-2,tea,Tea one,,1.00,,Tea,5,,0,,",
            "p-3,X-3,tea,Tea two,,1.00,,Tea,5,,0,,",
        ])
        let result = store.build()
        #expect(result.summary == nil)
        let messages = result.diagnostics.diagnostics.map(\.description)
        #expect(
            messages.contains { $0.hasPrefix(store.directory + "/products.csv:2:9: error: invalid slug \"../../etc\"") }
        )
        #expect(
            messages.contains {
                $0.hasPrefix(store.directory + "/products.csv:4:1: error: products \"p-2\" and \"p-3\"")
            })
        #expect(!FileManager.default.fileExists(atPath: store.output + "/site"))
    }

    @Test func shardsTogetherEqualTheFullBuild() throws {
        let store = try built()
        let full = InlineStore.files(store.output + "/site")
        #expect(full.count > 40)
        let assets = full.keys.count { $0.hasPrefix("assets/") }
        #expect(assets == 4, "the stylesheet, the icon and their .gz siblings")
        var union: [String: Data] = [:]
        var pages = 0
        for index in 0..<3 {
            let output = store.output + "-shard\(index)"
            let result = store.build(shard: (index, 3), output: output)
            let summary = try #require(result.summary)
            pages += summary.rendered  // the stylesheet and the files around the pages are in every shard
            for (path, bytes) in InlineStore.files(output + "/site") where !path.hasPrefix("assets/") || index == 0 {
                if let other = union[path] { #expect(other == bytes, "\(path) differs between shards") }
                union[path] = bytes
            }
        }
        // Every page (not the unsubscribe page: it goes with every shard) rendered by exactly one shard.
        #expect(
            pages
                == full.keys.filter {
                    $0.hasSuffix(".html") && !$0.hasPrefix("unsubscribe/") && !$0.hasPrefix("privacy/")
                }.count)
        #expect(union == full)
    }

    @Test func noChangeRebuildRendersAndWritesNothing() throws {
        let store = try built()
        let again = try #require(store.build().summary)
        #expect(again.rendered == 0)
        #expect(again.written == 0)
        #expect(again.removed == 0)
        // Every file, `.gz` siblings included.
        #expect(again.unchanged == InlineStore.files(store.output + "/site").count)
    }

    @Test func onePriceChangeRewritesExactlyThePagesThatShowIt() throws {
        let store = try built()
        let first = try #require(store.build().summary)
        // The honey's price shows on: its own page, its listing (Pantry), its segment's index (best sellers),
        // and the tea's page (also bought), in each of 5 segments; plus the site root (the fallback's index).
        var changed = Self.products
        changed[3] = "p-4,HON-1,thyme-honey,Thyme honey,From Crete.,14.50,,Pantry,25,,0,,"
        try store.write("products.csv", ([InlineStore.productHeader] + changed).joined(separator: "\n") + "\n")
        let second = try #require(store.build().summary)
        #expect(second.rendered == 4 * 5 + 1)
        // Each with its .gz sibling.
        #expect(second.written == 2 * (4 * 5 + 1))
        #expect(second.compressed == 4 * 5 + 1)
        #expect(second.unchanged == first.unchanged - 2 * 21)
        #expect(store.page("vip/p/thyme-honey/index.html").contains("€13.05"))
    }

    @Test func aStoreWithErrorsBuildsNothing() throws {
        let store = try InlineStore(products: ["p-1,X-1,tea,Tea,,not-a-price,,Tea,5,,0,,"])
        let result = store.build()
        #expect(result.summary == nil)
        #expect(result.diagnostics.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: store.output))
    }
}

/// A store's own theme overrides single files of the default.
@Suite struct ThemeOverrideTests {
    @Test func paginationAtTheThemesPageSizeAndAnOverriddenPartial() throws {
        let products = (1...5).map { "p-\($0),S-\($0),tea-\($0),Tea \($0),,\($0).00,,Tea,9,,0,," }
        let store = try InlineStore(products: products)
        let own = store.directory + "/mytheme"
        try FileManager.default.createDirectory(atPath: own + "/partials", withIntermediateDirectories: true)
        try #"{"page_size": 2}"#.write(toFile: own + "/theme.json", atomically: true, encoding: .utf8)
        try "<footer>Our own footer</footer>\n".write(
            toFile: own + "/partials/footer.mustache", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: own + "/locales", withIntermediateDirectories: true)
        try #"{"next": "Onwards"}"#.write(toFile: own + "/locales/en.json", atomically: true, encoding: .utf8)
        try #"{"category:Tea": "Τσάι"}"#.write(toFile: own + "/locales/el.json", atomically: true, encoding: .utf8)
        let options = BuildWorkflow.Options(
            store: store.directory, output: store.output, themeDirectories: [own, InlineStore.defaultTheme],
            durable: false)
        let result = BuildWorkflow.run(options)
        #expect(result.summary != nil, "\(result.diagnostics.diagnostics.map(\.description))")
        let second = store.page("everyone/c/tea/2/index.html")
        #expect(second.contains("Page 2 of 3"))
        #expect(second.contains("<a rel=\"prev\" href=\"../../../../everyone/c/tea/\">"))
        // One key of the string table overridden, the others from the default's.
        #expect(second.contains("<a rel=\"next\" href=\"../../../../everyone/c/tea/3/\">Onwards</a>"))
        #expect(second.contains(">Previous</a>"))
        #expect(second.contains("<span aria-current=\"page\">2</span>"))
        #expect(store.page("everyone/c/tea/3/index.html").contains("everyone/p/tea-"))
        #expect(store.page("everyone/c/tea/4/index.html").isEmpty)
        #expect(second.contains("<footer>Our own footer</footer>"))
        // Category names: the store's translation where its table has one, else the catalog's, marked as such.
        let greek = store.page("greek/c/tea/index.html")
        #expect(greek.contains("<h1>Τσάι</h1>"))
        #expect(greek.contains("aria-current=\"true\">Τσάι</a>"))
        #expect(store.page("persian/c/tea/index.html").contains("<h1 lang=\"en\">Tea</h1>"))
        #expect(!second.contains("site-footer"))
    }
}

extension ThemeOverrideTests {
    @Test func badThemeSettingsAndStringTablesAreErrorsAtTheirPlaces() throws {
        let store = try InlineStore(products: ["p-1,S-1,tea,Tea,,1.00,,Tea,9,,0,,"])
        let own = store.directory + "/mytheme"
        try FileManager.default.createDirectory(atPath: own + "/locales", withIntermediateDirectories: true)
        try "{\n  \"page_size\": 0\n}\n".write(toFile: own + "/theme.json", atomically: true, encoding: .utf8)
        try "{\"home\": \"Start\",\n \"next\": 3}\n".write(
            toFile: own + "/locales/en.json", atomically: true, encoding: .utf8)
        let options = BuildWorkflow.Options(
            store: store.directory, output: store.output, themeDirectories: [own, InlineStore.defaultTheme],
            durable: false)
        let result = BuildWorkflow.run(options)
        #expect(result.summary == nil)
        #expect(
            result.diagnostics.diagnostics.map(\.description).sorted() == [
                "\(own)/locales/en.json:2:10: error: \"next\" must be a string, found a number",
                "\(own)/theme.json:2:16: error: page_size must be a whole number from 1 to 1000",
            ])
        #expect(!FileManager.default.fileExists(atPath: store.output))
    }
}
