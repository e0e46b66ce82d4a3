import Diagnostics
import Foundation
import Store
import Testing

@Suite("Loading a store")
struct StoreLoaderTests {
    @Test("the base fixture loads with every field in place")
    func baseStore() throws {
        let directory = try FixtureStore.make()
        let (store, diagnostics) = StoreLoader.load(directory: directory)
        #expect(FixtureStore.lines(diagnostics, relativeTo: directory) == [])
        let loaded = try #require(store)
        #expect(loaded.settings.currency == "EUR")
        #expect(loaded.settings.locales == ["en", "el", "fa"])
        #expect(loaded.settings.vatBasisPoints == 2400)
        #expect(loaded.products.map(\.id) == ["p-1", "p-2", "p-3"])

        let tea = loaded.products[0]
        #expect(tea.description == "Loose-leaf \"sencha\", 250 g")
        #expect(tea.price == Money(minorUnits: 1290))
        #expect(tea.compareAtPrice == Money(minorUnits: 1500))
        #expect(tea.category == ["Tea", "Green"])
        #expect(tea.tags == ["organic", "gift"])
        #expect(tea.slug == "green-tea")
        #expect(tea.gtin == "4006381333931")
        #expect(tea.stock == 40)
        #expect(tea.rating == 4.6)
        #expect(tea.consumable)
        #expect(tea.name(in: "el") == "Πράσινο τσάι")
        #expect(tea.description(in: "el") == "Χύμα τσάι")
        #expect(tea.name(in: "fa") == "چای سبز")
        #expect(tea.description(in: "fa") == tea.description)

        let mug = loaded.products[1]
        #expect(mug.description == "<p>Hand-thrown,\ndishwasher safe</p>")
        #expect(mug.stock == 0 && !mug.isInStock)
        #expect(loaded.products[2].slug == "olive-oil-1l")
        #expect(loaded.products[2].stock == nil && loaded.products[2].isInStock)

        #expect(loaded.customers.map(\.id) == ["c-1", "c-2", "c-3"])
        #expect(loaded.customers[0].firstName == "Μαρία")
        #expect(loaded.customers[0].consentEmail && loaded.customers[0].consentTracking)
        #expect(loaded.customers[1].email == nil)
        #expect(loaded.customers[1].created.secondsSince1970 == 1_715_333_400)
        #expect(loaded.customers[2].consentEmail && !loaded.customers[2].consentTracking)
        #expect(loaded.customers[2].tags == ["b2b", "wholesale"])

        #expect(loaded.orders.count == 4)
        #expect(loaded.orders[1].product == 1, "the sku MUG-1 resolves to the mug")
        #expect(loaded.orders[2].revenue == Money(minorUnits: 22_000))
        #expect(loaded.orders[3].status == .returned && loaded.orders[3].revenue == .zero)
        #expect(loaded.orders[2].coupon == "VIP10")
        #expect(loaded.wishlists.count == 2)

        #expect(loaded.segments.map(\.id) == ["vip", "business", "everyone"])
        #expect(loaded.segments[0].rule?.text == "monetary_rank <= 0.2")
        #expect(loaded.segments[0].pricing.percentOffBasisPoints == 1000)
        #expect(loaded.segments[1].pricing.pricesWithoutVAT)
        #expect(loaded.segments[2].rule == nil)
        #expect(loaded.segments[0].banner["el"] == "Ευχαριστούμε")
        #expect(loaded.coupons.map(\.kind) == [.segment, .unique])
        #expect(loaded.coupons[1].discount == .amount(Money(minorUnits: 500)))
        #expect(loaded.campaigns.first?.subject["fa"] == "چای‌های زمستانی")
    }

    @Test("without the purchase history, orders and wish lists are neither read nor checked")
    func withoutHistory() throws {
        // A broken orders.csv: reported by a full load, not read at all without the history.
        let directory = try FixtureStore.make(files: ["orders.csv": "order_id,customer_id\n\"unterminated\n"])
        let full = StoreLoader.load(directory: directory)
        #expect(full.diagnostics.hasErrors)
        let (store, diagnostics) = StoreLoader.load(directory: directory, options: .init(readsHistory: false))
        #expect(FixtureStore.lines(diagnostics, relativeTo: directory) == [])
        let loaded = try #require(store)
        #expect(loaded.orders.isEmpty && loaded.orderCount == 0 && loaded.wishlists.isEmpty)
        #expect(loaded.customers.map(\.id) == full.store?.customers.map(\.id))
        #expect(loaded.campaigns.map(\.id) == full.store?.campaigns.map(\.id))
    }

    @Test("a rule's bytes map back to their line and column in segments.json, escapes included")
    func ruleLocations() throws {
        let directory = try FixtureStore.make()
        let store = try #require(StoreLoader.load(directory: directory).store)
        let business = try #require(store.segments[1].rule)
        #expect(business.text == "\"b2b\" in tags")
        // `"rule": "\"b2b\" in tags"` on line 5: the rule's `in` is after the escaped quotes.
        let offset = business.text.utf8.count - "in tags".utf8.count
        #expect(business.location(atUTF8Offset: offset).description == "\(directory)/segments.json:5:60")
        let vip = try #require(store.segments[0].rule)
        #expect(vip.location(atUTF8Offset: 0).description == "\(directory)/segments.json:2:42")
    }

    @Test("bad input is reported exactly", arguments: FixtureStore.badCases)
    func badStore(_ name: String) throws {
        let directory = try FixtureStore.make(overlay: name)
        let (_, diagnostics) = StoreLoader.load(directory: directory)
        let expected = try String(
            contentsOf: FixtureStore.fixtures.appendingPathComponent("bad/\(name)/expected.txt"), encoding: .utf8)
        let actual = FixtureStore.lines(diagnostics, relativeTo: directory)
        #expect(actual == expected.split(separator: "\n").map(String.init))
    }

    @Test("at least 25 distinct bad stores are pinned")
    func enoughBadCases() {
        #expect(FixtureStore.badCases.count >= 25)
    }

    @Test("a folder that does not exist is one clear error")
    func missingFolder() {
        let (store, diagnostics) = StoreLoader.load(directory: "/nonexistent/store")
        #expect(store == nil)
        #expect(
            diagnostics.diagnostics.map(\.description) == [
                "error: /nonexistent/store is not a store folder: No such file or directory"
            ])
    }

    @Test("only store.json and products.csv are required")
    func optionalFiles() throws {
        let directory = try FixtureStore.make()
        for name in ["customers.csv", "orders.csv", "wishlists.csv", "coupons.json", "segments.json", "campaigns.json"]
        {
            try FileManager.default.removeItem(atPath: "\(directory)/\(name)")
        }
        let (store, diagnostics) = StoreLoader.load(directory: directory)
        #expect(!diagnostics.hasErrors)
        #expect(store?.segments.map(\.id) == ["everyone"])
        try FileManager.default.removeItem(atPath: "\(directory)/products.csv")
        let (_, missing) = StoreLoader.load(directory: directory)
        #expect(
            missing.diagnostics.map(\.description) == [
                "error: cannot read \(directory)/products.csv: No such file or directory"
            ])
    }
}
