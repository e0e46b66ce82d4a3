import Diagnostics
import Foundation
import Testing

@testable import Store

/// The importers on real exports: WooCommerce's sample store (vendored) and Shopify's published samples (read
/// from the shared data folder).
@Suite("Importing shop exports")
struct ProductImportTests {
    static func importFile(_ path: String, format: ProductFileFormat? = nil) throws -> (
        products: [Product], diagnostics: [String], detected: ProductFileFormat
    ) {
        let source = SourceText(path: "products.csv", bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        var diagnostics = DiagnosticEngine()
        let products = ProductImport.load(source, format: format, settings: nil, diagnostics: &diagnostics)
        return (products, diagnostics.sorted.map(\.description), ProductImport.detect(source))
    }

    static var woocommerce: String {
        FixtureStore.fixtures.appendingPathComponent("catalogs/woocommerce_sample_products.csv").path
    }

    @Test("WooCommerce: variations become products, variable and grouped containers do not")
    func wooCommerce() throws {
        let (products, diagnostics, detected) = try Self.importFile(Self.woocommerce)
        #expect(detected == .woocommerce)
        #expect(diagnostics.isEmpty)
        #expect(products.count == 22)
        let ids = Set(products.map(\.id))
        #expect(!ids.contains("woo-vneck-tee") && !ids.contains("woo-hoodie") && !ids.contains("logo-collection"))
        let red = try #require(products.first { $0.id == "woo-vneck-tee-red" })
        #expect(red.name == "V-Neck T-Shirt - Red")
        #expect(red.group == "woo-vneck-tee")
        #expect(red.category == ["Clothing", "Tshirts"], "a variation takes its parent's category")
        #expect(red.description.hasPrefix("Lorem ipsum"), "a variation keeps its own description")
        #expect(red.image?.hasSuffix("vneck-tee-2.jpg") == true)
        let beanie = try #require(products.first { $0.id == "woo-beanie" })
        #expect(beanie.price == Money(minorUnits: 1800) && beanie.compareAtPrice == Money(minorUnits: 2000))
        #expect(beanie.category == ["Clothing", "Accessories"])
        let pennant = try #require(products.first { $0.id == "wp-pennant" })
        #expect(pennant.price == Money(minorUnits: 1105))
        #expect(Set(products.map(\.slug)).count == products.count, "every product has its own page")
    }

    @Test(
        "Shopify: variants, image rows, HTML bodies, multi-line fields",
        arguments: [
            ("shopify_apparel.csv", 22), ("shopify_home-and-garden.csv", 21), ("shopify_jewelery.csv", 23),
        ])
    func shopify(_ file: String, _ count: Int) throws {
        let (products, diagnostics, detected) = try Self.importFile(try SharedData.path("catalogs/\(file)"))
        #expect(detected == .shopify)
        #expect(diagnostics.isEmpty)
        #expect(products.count == count)
        #expect(Set(products.map(\.id)).count == count)
        #expect(products.allSatisfy { !$0.category.isEmpty && $0.price.minorUnits > 0 })
    }

    @Test("Shopify variants of one handle form a group; single-variant products keep the handle")
    func shopifyVariants() throws {
        let (products, _, _) = try Self.importFile(try SharedData.path("catalogs/shopify_jewelery.csv"))
        let bracelets = products.filter { $0.group == "chain-bracelet" }
        #expect(bracelets.map(\.id) == ["chain-bracelet-blue", "chain-bracelet-black"])
        #expect(bracelets.map(\.name) == ["7 Shakra Bracelet – Blue", "7 Shakra Bracelet – Black"])
        #expect(bracelets.allSatisfy { $0.compareAtPrice == Money(minorUnits: 4499) })
        let anchor = products.filter { $0.group == "leather-anchor" }
        #expect(anchor.map(\.price) == [Money(minorUnits: 6999), Money(minorUnits: 5500)])
        let earrings = try #require(products.first { $0.id == "boho-earrings" })
        #expect(earrings.group == nil && earrings.name == "Boho Earrings")
        let home = try Self.importFile(try SharedData.path("catalogs/shopify_home-and-garden.csv")).products
        let pot = try #require(home.first { $0.id == "clay-plant-pot-regular" })
        #expect(pot.description == "<p>Classic blown clay pot for plants</p>", "HTML is kept as data")
        #expect(pot.tags == ["Pot", "Plants"])
    }

    @Test("Shopify's current template: drafts and archived products are left out, fake barcodes are not GTINs")
    func shopifyTemplate() throws {
        let (products, diagnostics, _) = try Self.importFile(
            try SharedData.path("catalogs/shopify_product_template.csv"))
        #expect(products.count == 12)
        #expect(Set(products.compactMap(\.group)) == ["example-shirt"])
        #expect(products.first?.category == ["Apparel & Accessories", "Clothing", "Clothing Tops", "T-Shirts"])
        // Two of the twelve made-up barcodes happen to have a right check digit; the other ten are refused.
        #expect(products.compactMap(\.gtin).count == 2)
        #expect(products.compactMap(\.gtin).allSatisfy { GTIN.validate($0) == nil })
        #expect(diagnostics.count { $0.contains("is not a valid GTIN") } == 10)
        #expect(diagnostics.contains("products.csv:14:1: warning: \"example-pants\" is draft; not imported"))
        #expect(diagnostics.contains("products.csv:18:1: warning: \"example-hat\" is archived; not imported"))
        #expect(
            diagnostics.first
                == "products.csv:2:433: warning: barcode \"365275101829\" is not a valid GTIN (wrong check digit (expected 2)); not imported as a GTIN"
        )
    }

    @Test("a barcode mangled by a spreadsheet is a warning, never a wrong GTIN")
    func spreadsheetBarcodes() throws {
        let (products, diagnostics, _) = try Self.importFile(
            try SharedData.path("catalogs/shopify_product_template_excel_resaved.csv"))
        #expect(products.count == 12)
        #expect(products.allSatisfy { $0.gtin == nil })
        let mangled = diagnostics.filter { $0.contains("exponent notation") }
        #expect(mangled.count == 12)
        #expect(
            mangled.first
                == "products.csv:2:433: warning: barcode \"3.65275E+11\" is in exponent notation: a spreadsheet rounded it and its digits are lost; not imported as a GTIN (re-export the column as text)"
        )
    }

    @Test("--format overrides detection")
    func forcedFormat() throws {
        let (products, diagnostics, _) = try Self.importFile(Self.woocommerce, format: .vitrine)
        #expect(products.isEmpty)
        #expect(diagnostics.contains("products.csv:1:1: error: required column \"id\" is missing"))
    }

    @Test(
        "GTIN check digits (GS1 mod 10)",
        arguments: [
            ("4006381333931", nil), ("96385074", nil), ("036000291452", nil), ("10614141000415", nil),
            ("4006381333932", GTIN.Problem.checkDigit(expected: 1)), ("12345", .wrongLength(5)),
            ("40063813339A1", .notDigits),
            ("3.65275E+11", .spreadsheetNotation),
        ] as [(String, GTIN.Problem?)])
    func gtin(_ text: String, _ problem: GTIN.Problem?) {
        #expect(GTIN.validate(text) == problem)
    }

    @Test(
        "slugs",
        arguments: [
            ("Green tea, 250 g", "green-tea-250-g"), ("Crème brûlée", "creme-brulee"), ("Πράσινο τσάι", "prasino-tsai"),
            ("چای سبز", ""), ("  --Hello--  ", "hello"),
        ])
    func slugs(_ name: String, _ slug: String) {
        #expect(Slug.make(from: name) == slug)
    }
}
