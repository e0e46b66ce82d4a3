import Foundation
import TextFormats
import VitrineKit

/// A small store written to a temporary folder from inline text, built with the real default theme.
struct InlineStore {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let defaultTheme = packageRoot + "/Themes/default"

    static let productHeader =
        "id,sku,slug,name,description,price,compare_at_price,category,stock,rating,review_count,name@el,name@fa"

    let directory: String
    let output: String

    /// Products as CSV rows after the header; the rest defaults to a store with a VIP, a business, a Greek, a
    /// Persian and a fallback segment.
    init(products: [String], orders: [String] = [], segments: String = InlineStore.segments) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-site-\(UUID().uuidString)")
            .path
        directory = root + "/store"
        output = root + "/out"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try write(
            "store.json",
            """
            {"name": "Test shop", "base_url": "https://shop.test", "currency": "EUR", "default_locale": "en",
             "locales": ["en", "el", "fa"], "vat_percent": "24",
             "sender": {"name": "Test", "address": "news@shop.test"}, "postal_address": "1 Test Street",
             "theme": "default", "secret": {"env": "VITRINE_SECRET"}}
            """)
        try write("products.csv", ([Self.productHeader] + products).joined(separator: "\n") + "\n")
        try write(
            "customers.csv",
            """
            id,email,first_name,last_name,locale,country,created,consent_email,consent_tracking,tags
            c-1,a@example.com,A,A,en,GR,2024-01-01,true,true,
            c-2,b@example.com,B,B,en,GR,2024-01-01,true,true,b2b
            c-3,c@example.com,C,C,el,GR,2024-01-01,true,true,
            c-4,d@example.com,D,D,fa,GR,2024-01-01,true,true,

            """)
        try write(
            "orders.csv",
            (["order_id,customer_id,date,product_id,quantity,unit_price,coupon,status"] + orders)
                .joined(separator: "\n") + "\n")
        try write("segments.json", segments)
        try write(
            "coupons.json",
            """
            [{"id": "VIP10", "kind": "segment", "code": "VIP10", "discount": {"percent": "10"},
              "valid_from": "2026-11-01", "valid_until": "2026-12-31"}]
            """)
    }

    static let segments = """
        [
          {"id": "vip", "name": "VIP", "rule": "\\"vip\\" in tags", "pricing": {"percent_off": "10"},
           "coupon": "VIP10", "banner": {"en": "Ten percent off for you."}},
          {"id": "business", "name": "Business", "rule": "\\"b2b\\" in tags",
           "pricing": {"prices_without_vat": true}},
          {"id": "greek", "name": "Greek", "rule": "locale == \\"el\\"", "locale": "el"},
          {"id": "persian", "name": "Persian", "rule": "locale == \\"fa\\"", "locale": "fa"},
          {"id": "everyone", "name": "Everyone else"}
        ]
        """

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    func build(asOf: String = "2026-12-01", shard: (Int, Int)? = nil, output: String? = nil, segments: [String] = [])
        -> BuildWorkflow.Result
    {
        var options = BuildWorkflow.Options(
            store: directory, output: output ?? self.output, segments: segments, shard: shard,
            themeDirectories: [Self.defaultTheme], durable: false)
        if case .success(let date) = ISO8601.parse(asOf) { options.asOf = date }
        return BuildWorkflow.run(options)
    }

    /// The text of a published page (`vip/p/tea/index.html`), empty when missing.
    func page(_ path: String, output: String? = nil) -> String {
        (try? String(contentsOfFile: (output ?? self.output) + "/site/" + path, encoding: .utf8)) ?? ""
    }

    /// Every file of the published site with its bytes.
    static func files(_ site: String) -> [String: Data] {
        var files: [String: Data] = [:]
        // The published tree is a link to the current generation.
        let site = URL(fileURLWithPath: site).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: site) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = site + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }
}
