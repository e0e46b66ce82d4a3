import Diagnostics
import Foundation
import Store
import Testing

/// Values the loaders accepted and must not (issue 11, item 8), and failures whose consequences were reported as
/// errors of their own.
@Suite("hostile values and cascades")
struct HostileStoreTests {
    static func findings(_ files: [String: String], removing: [String] = []) throws -> [String] {
        let store = try FixtureStore.make(files: files)
        for name in removing { try FileManager.default.removeItem(atPath: "\(store)/\(name)") }
        let (_, diagnostics) = StoreLoader.load(directory: store)
        return FixtureStore.lines(diagnostics, relativeTo: store)
    }

    static let customersHeader =
        "id,email,first_name,last_name,locale,country,created,consent_email,consent_tracking,tags\n"
    static let ordersHeader = "order_id,customer_id,date,product_id,sku,quantity,unit_price,coupon,status\n"

    @Test("a CR in a first name, an ESC in a last name: errors at the byte")
    func controlCharactersInNames() throws {
        let lines = try Self.findings([
            "customers.csv": Self.customersHeader
                + "c-1,,\"Eva\rBcc: x\",Doe,en,GR,2024-01-01,,,\nc-2,,Ann,A\u{1B}[2J,en,GR,2024-01-01,,,\n"
        ])
        #expect(
            lines.contains(
                "customers.csv:2:10: error: a first name may not contain control characters (line breaks, tabs, escape codes)"
            ))
        #expect(
            lines.contains(
                "customers.csv:3:11: error: a last name may not contain control characters (line breaks, tabs, escape codes)"
            ))
    }

    @Test("a control character in an imported Shopify title or WooCommerce name: an error at the byte")
    func controlCharactersInImportedNames() throws {
        let shopify = try Self.findings([
            "products.csv": "Handle,Title,Variant Price,Status\ntea,\"Mountain\u{1B}]0;tea\",4.90,active\n"
        ])
        #expect(
            shopify.contains(
                "products.csv:2:14: error: a product title may not contain control characters (line breaks, tabs, escape codes)"
            ), "\(shopify)")
        let wooCommerce = try Self.findings([
            "products.csv": "ID,Type,SKU,Name,Published,Regular price\n1,simple,TEA,\"Tea\rBcc: x\",1,4.90\n"
        ])
        #expect(
            wooCommerce.contains(
                "products.csv:2:18: error: a product name may not contain control characters (line breaks, tabs, escape codes)"
            ), "\(wooCommerce)")
    }

    @Test("a campaign template that would leave the theme's emails/ folder is an error at its value")
    func campaignTemplateOutsideTheTheme() throws {
        for (template, column) in [("../../secret", 69), ("/etc/passwd", 69), ("a//b", 69)] {
            let lines = try Self.findings([
                "campaigns.json":
                    #"[{"id": "w", "segments": ["everyone"], "subject": "Hi", "template": "\#(template)"}]"#
            ])
            #expect(
                lines.contains(
                    "campaigns.json:1:\(column): error: template \"\(template)\" is not a name inside the theme's emails/ folder (letters, digits, '-', '_' and '.', folders joined by '/', no '..')"
                ), "\(lines)")
        }
        let fine = try Self.findings([
            "campaigns.json":
                #"[{"id": "w", "segments": ["everyone"], "subject": "Hi", "template": "seasonal/winter"}]"#
        ])
        #expect(!fine.contains { $0.contains("template") }, "\(fine)")
    }

    @Test("a line break in one locale's subject is reported at that value, not at the object")
    func subjectLineBreak() throws {
        let lines = try Self.findings([
            "campaigns.json": #"[{"id": "w", "segments": ["everyone"], "subject": {"en": "ok", "el": "a\r\nBcc: b"}}]"#
        ])
        #expect(
            lines.contains(
                "campaigns.json:1:72: error: a subject may not contain control characters (line breaks, tabs, escape codes)"
            ))
    }

    @Test("ids '..' and '.' are refused")
    func dotIDs() throws {
        let lines = try Self.findings([
            "campaigns.json": #"[{"id": "..", "segments": ["everyone"], "subject": "Hi"}]"#
        ])
        #expect(
            lines.contains(
                #"campaigns.json:1:9: error: campaign id ".." may not be "." or ".." (ids name folders of the site)"#))
    }

    @Test("an order in year 9999 and one before its customer was created are warnings at the date")
    func implausibleOrderDates() throws {
        let lines = try Self.findings([
            "orders.csv": Self.ordersHeader
                + "o-1,c-1,9999-12-31T00:00:00Z,p-1,,1,1.00,,\no-2,c-1,2001-01-01T00:00:00Z,p-1,,1,1.00,,\n"
        ])
        #expect(lines.contains { $0.hasPrefix("orders.csv:2:9: warning: order date 9999-12-31 is in the future") })
        #expect(
            lines.contains(#"orders.csv:3:9: warning: order date 2001-01-01 is before the customer's "created" date"#))
    }

    @Test("an unusable segments.json, or a missing products.csv, is reported once and its consequences not at all")
    func cascades() throws {
        for text in ["[]", "[{"] {
            let lines = try Self.findings(["segments.json": text])
            #expect(lines.count == 1, "\(lines)")
            #expect(lines.allSatisfy { $0.hasPrefix("segments.json:1:") })
        }
        let lines = try Self.findings([:], removing: ["products.csv"])
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasSuffix("products.csv: No such file or directory") == true)
    }

    @Test("quantity × unit price past the store's bound is an error at the price")
    func spendBound() throws {
        let lines = try Self.findings([
            "orders.csv": Self.ordersHeader + "o-1,c-1,2025-01-01T00:00:00Z,p-1,,1000000,92233720368547758.07,,\n"
        ])
        #expect(lines.contains { $0.contains("error: quantity × unit price is more than") }, "\(lines)")
    }
}
