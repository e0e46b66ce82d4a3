import Foundation
import Testing

@Suite("vitrine build, end to end")
struct BuildCommandTests {
    /// The example store's secret comes from VITRINE_SECRET (`store.json`); CI exports its own, these tests pass one.
    static let secret = ["VITRINE_SECRET": "build-command-tests-secret-0123456789abcdef"]

    @Test("the example store builds every page kind of every segment; a rebuild writes nothing")
    func exampleStore() throws {
        let output = try VitrineBinary.temporaryDirectory() + "/Output"
        let first = try VitrineBinary.run(
            ["build", "Catalog", "--output", output, "--as-of", "2026-12-01", "--json"], environment: Self.secret)
        #expect(first.status == 0)
        #expect(first.stderr == "")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        // 7 segments × (index + 15 listings + 60 products + a Merchant feed) + the root, 404.html, the stylesheet, the
        // icon, the unsubscribe and privacy pages, robots.txt, sitemap.xml and px.gif; 78 wish lists and their gift views, 125
        // COMEBACK coupons of the lapsed, the vip, new and persian segments' coupon pages; each compressible file with its .gz.
        #expect(summary["pages"] as? Int == 7 * (1 + 15 + 60 + 1) + 9 + 78 * 2 + 125 + 3)
        let compressed = try #require(summary["compressed"] as? Int)
        #expect(compressed == 831, "every file but px.gif has a smaller .gz")
        // And the two exports of COMEBACK's codes.
        #expect(summary["written"] as? Int == (summary["pages"] as? Int ?? 0) + compressed + 2)
        for path in [
            "index.html", "persian/index.html", "greek/c/tea/mountain-herbs/index.html",
            "business/p/greek-mountain-tea-sideritis-50-g/index.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(output)/site/\(path)"), "\(path)")
        }
        let again = try VitrineBinary.run(
            ["build", "Catalog", "--output", output, "--as-of", "2026-12-01"], environment: Self.secret)
        #expect(again.status == 0)
        #expect(
            again.stdout.hasPrefix(
                "\(output)/site: 832 pages; files: 0 written, 1,665 unchanged, 0 removed, 0 bytes in "))
        #expect(FileManager.default.fileExists(atPath: "\(output)/coupons/COMEBACK.woocommerce.csv"))
    }

    @Test("the example store without its secret builds nothing: it has wish lists; the message says how to make one")
    func exampleStoreWithoutSecret() throws {
        let output = try VitrineBinary.temporaryDirectory() + "/Output"
        let result = try VitrineBinary.run(
            ["build", "Catalog", "--output", output], environment: ["VITRINE_SECRET": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: the store has wish lists or unique coupons to publish: secret not set"))
        #expect(result.stderr.contains("head -c 32 /dev/urandom"))
        #expect(!FileManager.default.fileExists(atPath: "\(output)/site"))
    }

    @Test("a store with errors builds nothing: the diagnostics of check, exit 2")
    func badStore() throws {
        let directory = try VitrineBinary.temporaryDirectory()
        _ = try VitrineBinary.run(["init", "\(directory)/shop"])
        let products = "\(directory)/shop/products.csv"
        var text = try String(contentsOfFile: products, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\n", with: "\np-evil,,,../../x,Evil,,1.00,,EUR,Tea,,,1,,0,false,,,,\n", range: text.range(of: "\n"))
        try text.write(toFile: products, atomically: true, encoding: .utf8)
        let check = try VitrineBinary.run(["check", "shop"], in: directory)
        let build = try VitrineBinary.run(["build", "shop", "--output", "out"], in: directory)
        #expect(build.status == 2)
        #expect(check.status == 2)
        #expect(build.stderr.contains("shop/products.csv:2:10: error: invalid slug \"../../x\""))
        #expect(build.stderr == check.stderr)
        #expect(build.stderr.contains("error: invalid slug \"../../x\""))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/out"))
    }

    @Test(
        "--shard and --as-of are checked",
        arguments: [["--shard", "0/2"], ["--shard", "3/2"], ["--shard", "x"], ["--as-of", "yesterday"]])
    func badArguments(_ arguments: [String]) throws {
        let directory = try VitrineBinary.temporaryDirectory()
        let result = try VitrineBinary.run(["build", "Catalog", "--output", "\(directory)/out"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vitrine build: error: invalid \(arguments[0]) "))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/out"))
    }

    @Test("--segment builds only the segments named")
    func segments() throws {
        let output = try VitrineBinary.temporaryDirectory() + "/Output"
        let result = try VitrineBinary.run(
            ["build", "Catalog", "--output", output, "--segment", "vip", "--segment", "persian", "--quiet"],
            environment: Self.secret)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        let site = URL(fileURLWithPath: "\(output)/site").resolvingSymlinksInPath().path
        let folders = try FileManager.default.contentsOfDirectory(atPath: site).sorted()
        // And the wish lists of the vip customers (no Persian customer has one).
        #expect(
            folders == [
                "assets", "persian", "privacy", "px.gif", "robots.txt", "robots.txt.gz", "sitemap.xml",
                "sitemap.xml.gz",
                "unsubscribe", "vip", "w",
            ])
        let unknown = try VitrineBinary.run(["build", "Catalog", "--output", output, "--segment", "vipp"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("error: no segment \"vipp\" in segments.json"))
    }
}

extension BuildCommandTests {
    @Test("--gzip off writes no .gz sibling; a level outside 1…9 is a usage error")
    func gzipLevels() throws {
        let output = try VitrineBinary.temporaryDirectory() + "/Output"
        let off = try VitrineBinary.run(
            ["build", "Catalog", "--output", output, "--gzip", "off", "--quiet"], environment: Self.secret)
        #expect(off.status == 0)
        let site = URL(fileURLWithPath: "\(output)/site").resolvingSymlinksInPath().path
        let files = try FileManager.default.subpathsOfDirectory(atPath: site)
        #expect(files.contains("index.html"))
        #expect(!files.contains { $0.hasSuffix(".gz") })
        let bad = try VitrineBinary.run(["build", "Catalog", "--output", output, "--gzip", "12"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("vitrine build: error: invalid --gzip \"12\": a zlib level from 1 to 9, or off\n"))
    }
}
