import EventStore
import Foundation
import Testing

/// "Back in stock": a store with a state file remembers what each build saw of the stock, so a wished-for product
/// out of stock in one build and in stock in a later one is marked on the wish list; a store without one is not.
@Suite struct BackInStockTests {
    static let mark = "Back in stock since you added it"

    /// The soap (wished for on 2026-10-04) out of stock on 2026-12-01, in stock again on 2026-12-02.
    static func restock(_ store: PersonalStore) throws {
        let path = store.directory + "/products.csv"
        let products = try String(contentsOfFile: path, encoding: .utf8)
        try products.replacingOccurrences(
            of: "p-2,S-2,soap,Olive soap,,3.00,,Bath,0,", with: "p-2,S-2,soap,Olive soap,,3.00,,Bath,7,"
        )
        .write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aProductInStockAgainIsMarkedOnTheWishListsThatHoldIt() throws {
        let store = try PersonalStore()
        _ = try EventStore(path: store.directory + "/state.sqlite")
        let first = store.build(asOf: "2026-12-01")
        #expect(first.summary != nil, "\(first.diagnostics.diagnostics)")
        let before = try #require(store.page("w/", containing: "Anna, here is your wish list", in: store.files()))
        #expect(!before.text.contains(Self.mark))
        // Out of stock on 2026-12-01, day 20,788.
        #expect(try EventStore(path: store.directory + "/state.sqlite").lastOutOfStock() == ["p-2": 20_788])

        try Self.restock(store)
        let second = try #require(store.build(asOf: "2026-12-02").summary)
        #expect(second.written > 0)
        let after = try #require(store.page("w/", containing: "Anna, here is your wish list", in: store.files()))
        #expect(after.text.components(separatedBy: Self.mark).count == 2, "one item, the soap")
        #expect(after.text.contains("<p class=\"wish-back\">\(Self.mark)</p>"))

        // Nothing changed since: nothing is written, and the history gains no row.
        let third = try #require(store.build(asOf: "2026-12-02").summary)
        #expect(third.written == 0)
        #expect(try EventStore(path: store.directory + "/state.sqlite").recordStock(["p-2": true], day: 20_790) == 0)
    }

    @Test func withoutAStateFileNoHistoryIsKeptAndNothingIsMarked() throws {
        let store = try PersonalStore()
        #expect(store.build(asOf: "2026-12-01").summary != nil)
        try Self.restock(store)
        #expect(store.build(asOf: "2026-12-02").summary != nil)
        let page = try #require(store.page("w/", containing: "Anna, here is your wish list", in: store.files()))
        #expect(!page.text.contains(Self.mark))
        #expect(!FileManager.default.fileExists(atPath: store.directory + "/state.sqlite"))
    }
}
