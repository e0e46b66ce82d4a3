import Diagnostics
import Mustache
import Site
import Store
import Testing
import TextFormats

/// The site plan on its own: what it refuses, with where, and how it names pages.
@Suite struct SitePlanTests {
    static let library: TemplateLibrary = {
        var ignored = DiagnosticEngine()
        return TemplateLibrary(
            sources: ["pages/index": "i", "pages/category": "c", "pages/product": "{{product.name}}"],
            diagnostics: &ignored)
    }()

    static func store(_ products: [Product]) -> LoadedStore {
        LoadedStore(
            directory: "s",
            settings: StoreSettings(
                name: "Shop", baseURL: "https://shop.test/", currency: "EUR", defaultLocale: "en", locales: ["en"],
                vatBasisPoints: 2400, sender: .init(name: "Shop", address: "a@shop.test"), replyTo: nil,
                postalAddress: "Street 1", theme: "default", secret: .init(), privacy: .init()),
            products: products, customers: [], orders: [], wishlists: [],
            segments: [SegmentDefinition(id: "everyone", name: "Everyone")], coupons: [], campaigns: [])
    }

    static func plan(_ products: [Product], diagnostics: inout DiagnosticEngine) -> SitePlan? {
        let theme = SiteTheme(library: library, strings: [:], templateDigests: [:], pageSize: 2)
        let inputs = SiteInputs(
            store: store(products), ranking: [], neighbours: [], buildDate: Timestamp(secondsSince1970: 0),
            theme: theme)
        return SitePlan.make(inputs, diagnostics: &diagnostics)
    }

    static func at(_ line: Int) -> Diagnostics.SourceLocation {
        Diagnostics.SourceLocation(file: "products.csv", line: line, column: 1)
    }

    @Test func slugsThatLeaveTheirFolderOrCollideAreErrorsAtTheirRows() {
        var diagnostics = DiagnosticEngine()
        let plan = Self.plan(
            [
                Product(id: "a", slug: "../up", name: "A", price: .zero, category: ["Tea"], location: Self.at(2)),
                Product(id: "b", slug: "tea", name: "B", price: .zero, category: ["Tea"], location: Self.at(3)),
                Product(id: "c", slug: "tea", name: "C", price: .zero, category: ["Tea"], location: Self.at(4)),
                Product(id: "d", slug: "d", name: "D", price: .zero, category: ["Tea & herbs"], location: Self.at(5)),
                Product(id: "e", slug: "e", name: "E", price: .zero, category: ["Tea herbs"], location: Self.at(6)),
            ], diagnostics: &diagnostics)
        #expect(plan == nil)
        #expect(
            diagnostics.diagnostics.map(\.description) == [
                "products.csv:2:1: error: product \"a\": slug \"../up\" cannot be a page path; use lowercase letters, digits and hyphens",
                "products.csv:4:1: error: products \"b\" and \"c\" would both be written to p/tea/; give one a different slug",
                "products.csv:6:1: error: categories \"Tea & herbs\" and \"Tea herbs\" would both be written to c/tea-herbs/; rename one of them",
            ])
    }

    @Test func pagesPathsAndShardsCoverTheSiteOnce() throws {
        var diagnostics = DiagnosticEngine()
        let products = (1...5).map {
            Product(id: "p\($0)", slug: "p\($0)", name: "P\($0)", price: .zero, category: ["Tea", "2024"])
        }
        let plan = try #require(Self.plan(products, diagnostics: &diagnostics))
        let paths = plan.pages.map(plan.path)
        // Root, index, Tea (3 pages of 2) and its all-digit child (prefixed so it is never page 2024), 5 products.
        #expect(
            paths == [
                "index.html", "everyone/index.html", "everyone/c/tea/index.html", "everyone/c/tea/2/index.html",
                "everyone/c/tea/3/index.html", "everyone/c/tea/n-2024/index.html", "everyone/c/tea/n-2024/2/index.html",
                "everyone/c/tea/n-2024/3/index.html", "everyone/p/p1/index.html", "everyone/p/p2/index.html",
                "everyone/p/p3/index.html", "everyone/p/p4/index.html", "everyone/p/p5/index.html",
            ])
        var seen: [String: Int] = [:]
        for page in plan.pages {
            let shard = plan.shard(of: page, count: 4)
            #expect((0..<4).contains(shard))
            seen[plan.path(page), default: 0] += 1
        }
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(String(decoding: plan.render(plan.pages[8]), as: UTF8.self) == "P1")
    }

    @Test func fingerprintsFollowWhatThePageShows() throws {
        var diagnostics = DiagnosticEngine()
        var products = (1...3).map {
            Product(id: "p\($0)", slug: "p\($0)", name: "P\($0)", price: Money(minorUnits: 100), category: ["Tea"])
        }
        let before = try #require(Self.plan(products, diagnostics: &diagnostics))
        products[2].description = "New words"
        let after = try #require(Self.plan(products, diagnostics: &diagnostics))
        let changed = zip(before.pages, after.pages).filter { before.fingerprint($0) != after.fingerprint($1) }
        // A description shows on its product page only, never on cards.
        #expect(changed.map { after.path($0.1) } == ["everyone/p/p3/index.html"])
    }
}
