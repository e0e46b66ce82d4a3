import BarcodeDecoding
import Foundation
import Site
import Testing
import TextFormats
import VitrineKit

@Suite("personal pages: wish lists, gift views, coupons")
struct PersonalPagesTests {
    let store: PersonalStore
    let files: [String: String]

    init() throws {
        store = try PersonalStore()
        let result = store.build()
        #expect(result.summary != nil, "\(result.diagnostics.diagnostics.map(\.description))")
        files = store.files()
    }

    var wishlist: (path: String, text: String)? {
        store.page("w/", containing: "Anna, here is your wish list", in: files)
    }

    @Test func theWishListShowsDropsStockMarksDatesAndPicks() throws {
        let (path, page) = try #require(wishlist)
        #expect(!path.contains("/gift/"))
        // Tea: 10.00 on the last order line before it was added, 8.00 now.
        #expect(page.contains("Down €2.00 since you added it (it was €10.00)"))
        // The pot sold at 20.00 only after it was added, and soap never: no drop is claimed for either.
        #expect(page.components(separatedBy: "class=\"wish-drop\"").count == 2)
        #expect(page.contains("<p class=\"stock stock-out\">Out of stock</p>"))
        #expect(page.contains("<p class=\"stock stock-low\">Only 4 left</p>"))
        #expect(page.contains("<time datetime=\"2026-10-05\">Added 5 October 2026</time>"))
        // Picks: in stock, neither wished for nor owned (Anna bought the jam).
        let picks = try #require(page.range(of: "id=\"picks-title\"")).upperBound
        let shelf = String(page[picks...])
        #expect(shelf.contains("Thyme honey"))
        #expect(!shelf.contains("Fig jam") && !shelf.contains("Mountain tea") && !shelf.contains("Olive soap"))
    }

    @Test func personalPagesNameNoOneBeyondAFirstNameAndAreHidden() throws {
        let personal = files.filter { $0.key.hasPrefix("w/") || $0.key.hasPrefix("k/") }
        #expect(personal.count == 2 * 2 + 3)
        for (path, page) in personal {
            #expect(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), "\(path)")
            #expect(page.contains("<meta name=\"referrer\" content=\"no-referrer\">"), "\(path)")
            #expect(!page.contains("rel=\"canonical\""), "\(path)")
            for secret in ["Privatesurname", "Otherb", "Thirdc", "@example.com", "c-1", "c-2", "c-3", "c-4"] {
                #expect(!page.contains(secret) && !path.contains(secret), "\(path) shows \(secret)")
            }
        }
    }

    @Test func theGiftViewShowsNoNamePricePaidOrDate() throws {
        let (_, list) = try #require(wishlist)
        let link = try #require(list.firstMatch(of: /href="\.\.\/\.\.\/(w\/[A-Za-z0-9_-]{24}\/gift\/)"/)).1
        let gift = try #require(files[link + "index.html"])
        for absent in ["Anna", "€", "2026", "October", "Added", "Down"] { #expect(!gift.contains(absent), "\(absent)") }
        #expect(gift.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        // In stock first, each linking to the public (fallback segment's) product page.
        let tea = try #require(gift.range(of: "Mountain tea")).lowerBound
        let pot = try #require(gift.range(of: "Clay pot")).lowerBound
        let soap = try #require(gift.range(of: "Olive soap")).lowerBound
        #expect(tea < soap && pot < soap)
        #expect(gift.contains("href=\"../../../everyone/p/tea/\""))
        #expect(!gift.contains("vip/"))
        // The gift token is not the wish list's.
        #expect(!link.hasPrefix(wishlist!.path.prefix(27)))
    }

    @Test func aValidCouponShowsItsCodeAndABarcodeThatDecodesBackToIt() throws {
        let coupons = files.filter { $0.key.hasPrefix("k/") && $0.value.contains("CB-") }
        #expect(coupons.count == 2)
        for (path, page) in coupons {
            let code = String(
                try #require(page.firstMatch(of: /id="coupon-code" dir="ltr">(CB-[2-9A-HJKMNP-Z]{12})</)).1)
            let svg = String(
                try #require(page.firstMatch(of: /<svg xmlns="http:\/\/www.w3.org\/2000\/svg".*?<\/svg>/)).0)
            #expect(try Code128Decoder.decode(svg: svg).text == code, "\(path)")
            #expect(page.contains("€20.00") || page.contains("۲۰٫۰۰"))
        }
        // The Persian customer's coupon is in Persian, right to left.
        #expect(coupons.values.contains { $0.contains("<html lang=\"fa\" dir=\"rtl\">") && $0.contains("کوپن شما") })
    }

    @Test func expiredAndFutureCouponsAreNotOffered() throws {
        let expired = try #require(store.page("k/", containing: "This coupon expired on 30 June 2026", in: files))
        #expect(!expired.text.contains("OLD-"))
        #expect(!expired.text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let future = try #require(files["vip/coupon/index.html"])
        #expect(future.contains("This coupon is not valid yet: it can be used from 1 January 2027."))
        #expect(!future.contains("SOON15"))
        #expect(!future.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        // And no public page offers it either.
        #expect(!files.values.contains { $0.contains("SOON15") || $0.contains("OLD-") })
    }

    @Test func tokensAreStableAcrossRebuildsAndAbsentFromPublicPages() throws {
        let personal = Set(files.keys.filter { $0.hasPrefix("w/") || $0.hasPrefix("k/") })
        let again = store.output + "-again"
        #expect(store.build(output: again).summary != nil)
        #expect(Set(store.files(output: again).keys.filter { $0.hasPrefix("w/") || $0.hasPrefix("k/") }) == personal)
        let tokens = Set(personal.map { $0.split(separator: "/")[1] })
        #expect(tokens.count == personal.count)
        for (path, page) in files where !path.hasPrefix("w/") && !path.hasPrefix("k/") {
            for token in tokens { #expect(!page.contains(token), "\(path) carries a token") }
            #expect(!page.contains("w/") || !page.contains("href=\"w/"), "\(path)")
        }
        // Another secret, other tokens.
        let rotated = store.output + "-rotated"
        #expect(store.build(secret: PersonalStore.secret + "x", output: rotated).summary != nil)
        let rotatedTokens = Set(
            store.files(output: rotated).keys.filter { $0.hasPrefix("w/") || $0.hasPrefix("k/") }.map {
                $0.split(separator: "/")[1]
            })
        #expect(rotatedTokens.isDisjoint(with: tokens))
    }

    @Test func aNoChangeRebuildWritesNothing() throws {
        let summary = try #require(store.build().summary)
        #expect(summary.written == 0)
        #expect(summary.rendered == 0)
        #expect(summary.removed == 0)
        // Every file the first build wrote is kept: each page, the .gz siblings, the two exports.
        var files = 0
        for tree in ["/site/", "/coupons/"] {
            let root = store.output + tree
            for path in try FileManager.default.subpathsOfDirectory(atPath: root) {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + path, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    files += 1
                }
            }
        }
        #expect(files > summary.pages)
        #expect(summary.unchanged == files)
    }

    @Test func theCodesAreExportedForShopifyAndWooCommerceOutsideTheWebRoot() throws {
        let exports = store.files(tree: "coupons")
        #expect(exports.keys.sorted() == ["NOW.shopify.csv", "NOW.woocommerce.csv"])
        #expect(!files.keys.contains { $0.hasSuffix(".csv") })
        let codes = Set(
            files.values.compactMap {
                $0.firstMatch(of: /id="coupon-code" dir="ltr">(CB-[2-9A-Z]{12})</).map { String($0.1) }
            })
        let shopify = try #require(exports["NOW.shopify.csv"]).split(separator: "\r\n").map(String.init)
        #expect(shopify.first == "Title,Command,Code")
        #expect(Set(shopify.dropFirst().map { $0.replacingOccurrences(of: "NOW,MERGE,", with: "") }) == codes)
        let woo = try #require(exports["NOW.woocommerce.csv"]).split(separator: "\r\n").map(String.init)
        #expect(
            woo.first
                == "code,discount_type,amount,minimum_amount,date_expires,usage_limit,usage_limit_per_user,individual_use"
        )
        #expect(woo.count == 3)
        for line in woo.dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            #expect(codes.contains(fields[0]))
            #expect(Array(fields.dropFirst()) == ["fixed_cart", "5", "20", "2027-01-31", "1", "1", "yes"])
        }
    }
}

@Suite("personal pages: the secret")
struct PersonalSecretTests {
    @Test func aStoreWithWishListsAndNoSecretIsAnErrorThatSaysHowToMakeOne() throws {
        let store = try PersonalStore()
        let result = store.build(secret: nil)
        #expect(result.summary == nil)
        #expect(
            result.diagnostics.diagnostics.map(\.description).contains {
                $0.contains(
                    "the store has wish lists or unique coupons to publish: secret not set: export VITRINE_SECRET")
                    && $0.contains("head -c 32 /dev/urandom")
            })
        #expect(!FileManager.default.fileExists(atPath: store.output + "/site"))
    }

    @Test func aThemeWithoutThePersonalPagesIsAnErrorNotEmptyPages() throws {
        let store = try PersonalStore()
        let theme = store.directory + "/bare-theme"
        try FileManager.default.copyItem(atPath: PersonalStore.defaultTheme, toPath: theme)
        try FileManager.default.removeItem(atPath: theme + "/pages/wishlist.mustache")
        var options = BuildWorkflow.Options(
            store: store.directory, output: store.output, themeDirectories: [theme], durable: false,
            environment: ["VITRINE_SECRET": PersonalStore.secret])
        options.asOf = nil
        let result = BuildWorkflow.run(options)
        #expect(result.summary == nil)
        #expect(
            result.diagnostics.diagnostics.map(\.description) == [
                "error: the theme has no template pages/wishlist.mustache"
            ])
    }

    @Test func aStoreWithoutWishListsOrUniqueCouponsBuildsWithoutASecret() throws {
        let store = try PersonalStore(
            wishlists: false,
            coupons: """
                [{"id": "NOW", "kind": "segment", "code": "NOW5", "discount": {"percent": "5"}},
                 {"id": "SOON", "kind": "segment", "code": "SOON5", "discount": {"percent": "5"}},
                 {"id": "OLD", "kind": "segment", "code": "OLD5", "discount": {"percent": "5"}}]
                """,
            secretSource: "{}")
        let result = store.build(secret: nil)
        #expect(result.summary != nil, "\(result.diagnostics.diagnostics.map(\.description))")
        let files = store.files()
        #expect(!files.keys.contains { $0.hasPrefix("w/") || $0.hasPrefix("k/") })
        #expect(files["everyone/coupon/index.html"]?.contains("NOW5") == true)
        #expect(!FileManager.default.fileExists(atPath: store.output + "/coupons"))
    }
}

@Suite("personal pages: a campaign's unique coupon")
struct CampaignCouponTests {
    /// The spring campaign offers GIFT (unique) to the business segment (Bob), whose own coupon is OLD.
    static func store() throws -> PersonalStore {
        let gift = """
            {"id": "GIFT", "kind": "unique", "code_prefix": "GIFT-", "discount": {"percent": "10"},
             "valid_from": "2026-11-01", "valid_until": "2027-02-28"},
            """
        let store = try PersonalStore(coupons: "[" + gift + "\n" + PersonalStore.coupons.dropFirst())
        try store.write(
            "campaigns.json",
            """
            [{"id": "spring", "segments": ["business"], "template": "newsletter", "coupon": "GIFT",
              "subject": {"en": "Spring"}, "send_date": "2026-12-01"}]
            """)
        return store
    }

    @Test func everyCustomerOfTheCampaignsSegmentsHoldsACouponPageTheEMailLinksTo() throws {
        let store = try Self.store()
        let result = store.build()
        #expect(result.summary != nil, "\(result.diagnostics.diagnostics.map(\.description))")
        let files = store.files()
        let pages = files.filter { $0.key.hasPrefix("k/") && $0.value.contains("GIFT-") }
        // Bob alone: the campaign goes to the business segment only.
        #expect(pages.count == 1)
        let (path, page) = try #require(pages.first)
        let code = String(
            try #require(page.firstMatch(of: /id="coupon-code" dir="ltr">(GIFT-[2-9A-HJKMNP-Z]{10,})</)).1)
        #expect(store.files(tree: "coupons").keys.contains("GIFT.shopify.csv"))

        let mail = MailWorkflow.run(
            MailWorkflow.Options(
                store: store.directory, output: store.output, campaign: "spring", state: store.output + "/none.sqlite",
                asOf: try ISO8601.parse("2026-12-01").get(), durable: false,
                environment: ["VITRINE_SECRET": PersonalStore.secret]))
        #expect(!mail.diagnostics.hasErrors, "\(mail.diagnostics.diagnostics.map(\.description))")
        let messages = store.files(tree: "mail/spring").filter { $0.key.hasSuffix(".eml") }
        #expect(messages.keys.sorted() == ["c-2.eml"])
        // The message shows Bob's code and links to the page that holds it (quoted-printable undone first).
        let text = try #require(messages["c-2.eml"]).replacingOccurrences(of: "=\r\n", with: "")
            .replacingOccurrences(of: "=3D", with: "=")
        #expect(text.contains(code))
        let token = path.dropFirst(2).prefix { $0 != "/" }
        #expect(text.contains("https://shop.test/k/\(token)/"))
    }
}
