import Foundation
import TextFormats
import VitrineKit

/// A small store with wish lists and coupons, written to a temporary folder and built with the default theme.
struct PersonalStore {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let defaultTheme = packageRoot + "/Themes/default"
    static let secret = "personal-pages-tests-secret-0123456789abcdef"

    let directory: String
    let output: String

    /// Customer c-1 (Anna, vip), c-2 (Bob, b2b), c-3 (Cyrus, fa, everyone else). Products: tea (8.00, ordered at
    /// 10.00 before Anna wished for it), soap (out of stock), pot (no order before it was wished for), honey and
    /// jam (picks).
    init(wishlists: Bool = true, coupons: String = PersonalStore.coupons, secretSource: String? = nil) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vitrine-personal-\(UUID().uuidString)"
        )
        .path
        directory = root + "/store"
        output = root + "/out"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let secret = secretSource ?? #"{"env": "VITRINE_SECRET"}"#
        try write(
            "store.json",
            """
            {"name": "Test shop", "base_url": "https://shop.test", "currency": "EUR", "default_locale": "en",
             "locales": ["en", "el", "fa"], "vat_percent": "24",
             "sender": {"name": "Test", "address": "news@shop.test"}, "postal_address": "1 Test Street",
             "theme": "default", "secret": \(secret)}
            """)
        try write(
            "products.csv",
            """
            id,sku,slug,name,description,price,compare_at_price,category,stock,rating,review_count,name@el,name@fa
            p-1,S-1,tea,Mountain tea,,8.00,,Tea,9,,0,,
            p-2,S-2,soap,Olive soap,,3.00,,Bath,0,,0,,
            p-3,S-3,pot,Clay pot,,20.00,,Kitchen,4,,0,,
            p-4,S-4,honey,Thyme honey,,9.00,,Pantry,30,,0,,
            p-5,S-5,jam,Fig jam,,5.00,,Pantry,30,,0,,

            """)
        try write(
            "customers.csv",
            """
            id,email,first_name,last_name,locale,country,created,consent_email,consent_tracking,tags
            c-1,anna@example.com,Anna,Privatesurname,en,GR,2024-01-01,true,true,vip
            c-2,bob@example.com,Bob,Otherb,en,GR,2024-01-01,true,true,b2b
            c-3,cyrus@example.com,Cyrus,Thirdc,fa,GR,2024-01-01,true,true,
            c-4,dora@example.com,Dora,Fourthd,en,GR,2024-01-01,true,true,

            """)
        try write(
            "orders.csv",
            """
            order_id,customer_id,date,product_id,quantity,unit_price,coupon,status
            o-1,c-2,2026-10-01,p-1,1,10.00,,completed
            o-2,c-2,2026-10-01,p-4,1,9.00,,completed
            o-3,c-4,2026-10-02,p-1,1,10.00,,completed
            o-3,c-4,2026-10-02,p-5,1,5.00,,completed
            o-4,c-1,2026-10-03,p-5,1,5.00,,completed
            o-5,c-2,2026-11-20,p-3,1,20.00,,completed

            """)
        if wishlists {
            try write(
                "wishlists.csv",
                """
                customer_id,product_id,added
                c-1,p-2,2026-10-04
                c-1,p-1,2026-10-05
                c-1,p-3,2026-10-06
                c-3,p-1,2026-10-07

                """)
        }
        try write(
            "segments.json",
            """
            [
              {"id": "vip", "name": "VIP", "rule": "\\"vip\\" in tags", "coupon": "SOON"},
              {"id": "business", "name": "Business", "rule": "\\"b2b\\" in tags", "coupon": "OLD"},
              {"id": "persian", "name": "Persian", "rule": "locale == \\"fa\\"", "locale": "fa", "coupon": "NOW"},
              {"id": "everyone", "name": "Everyone else", "coupon": "NOW"}
            ]
            """)
        try write("coupons.json", coupons)
    }

    static let coupons = """
        [{"id": "SOON", "kind": "segment", "code": "SOON15", "discount": {"percent": "15"},
          "valid_from": "2027-01-01", "valid_until": "2027-01-31"},
         {"id": "OLD", "kind": "unique", "code_prefix": "OLD-", "discount": {"amount": "3.00"},
          "valid_from": "2026-01-01", "valid_until": "2026-06-30"},
         {"id": "NOW", "kind": "unique", "code_prefix": "CB-", "discount": {"amount": "5.00"},
          "minimum_spend": "20.00", "valid_from": "2026-11-01", "valid_until": "2027-01-31"}]
        """

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    func build(
        secret: String? = PersonalStore.secret, output: String? = nil, asOf: String = "2026-12-01"
    ) -> BuildWorkflow.Result {
        var options = BuildWorkflow.Options(
            store: directory, output: output ?? self.output, themeDirectories: [Self.defaultTheme], durable: false,
            environment: secret.map { ["VITRINE_SECRET": $0] } ?? [:])
        if case .success(let date) = ISO8601.parse(asOf) { options.asOf = date }
        return BuildWorkflow.run(options)
    }

    /// Every published file below `site/` (or `tree`), by path; the `.gz` siblings (the same pages, compressed) are
    /// left out.
    func files(tree: String = "site", output: String? = nil) -> [String: String] {
        let root = URL(fileURLWithPath: (output ?? self.output) + "/" + tree).resolvingSymlinksInPath().path
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if !path.hasSuffix(".gz"),
                FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result[path] = (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
            }
        }
        return result
    }

    /// The one page whose path starts with `prefix` and whose text contains `marker`.
    func page(_ prefix: String, containing marker: String, in files: [String: String]) -> (path: String, text: String)?
    {
        files.first { $0.key.hasPrefix(prefix) && $0.key.hasSuffix("index.html") && $0.value.contains(marker) }
            .map { ($0.key, $0.value) }
    }
}
