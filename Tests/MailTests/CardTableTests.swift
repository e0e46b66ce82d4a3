import Mustache
import Testing

@testable import Mail

/// The product cards the composing workers share: each kept until its view is finished, a few views at a time.
@Suite struct CardTableTests {
    static func card(_ name: String, product: Int32 = 0) -> CardTable.Card {
        let fields = MustacheMap([("name", .string(name)), ("url", .null)])
        return CardTable.Card(
            fields: fields, url: "https://s.example/v/p/\(name)/", product: product,
            urlPosition: fields.position(ofKey: "url"))
    }

    static func name(_ card: CardTable.Card?) -> String? {
        if case .string(let name)? = card?.fields["name"] { return name }
        return nil
    }

    @Test func aCardIsFoundInItsViewOnly() {
        let table = CardTable(productCount: 10)
        #expect(table.card(view: 0, product: 3) == nil)
        table.insert(Self.card("tea", product: 3), view: 0, product: 3)
        #expect(Self.name(table.card(view: 0, product: 3)) == "tea")
        #expect(table.card(view: 0, product: 3)?.product == 3)
        #expect(table.card(view: 0, product: 3)?.urlPosition == 1)
        #expect(table.card(view: 0, product: 3)?.fields["name"] == .string("tea"))
        #expect(table.card(view: 1, product: 3) == nil)
        #expect(table.card(view: 0, product: 4) == nil)
    }

    @Test func theLowestNumberedViewIsDroppedWhenAFourthStarts() {
        let table = CardTable(productCount: 4)
        for view: Int32 in [2, 0, 1] { table.insert(Self.card("v\(view)"), view: view, product: 1) }
        for view: Int32 in [0, 1, 2] { #expect(Self.name(table.card(view: view, product: 1)) == "v\(view)") }
        table.insert(Self.card("v5"), view: 5, product: 0)
        #expect(table.card(view: 0, product: 1) == nil)
        for view: Int32 in [1, 2] { #expect(Self.name(table.card(view: view, product: 1)) == "v\(view)") }
        #expect(Self.name(table.card(view: 5, product: 0)) == "v5")
        // A card added to a kept view drops nothing.
        table.insert(Self.card("v1b"), view: 1, product: 2)
        for view: Int32 in [1, 2] { #expect(Self.name(table.card(view: view, product: 1)) == "v\(view)") }
        #expect(Self.name(table.card(view: 1, product: 2)) == "v1b")
    }
}
