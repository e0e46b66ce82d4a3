import Mustache
import Testing

/// `MustacheMap`: small maps are scanned by fingerprint, large ones (locale string tables) are indexed.
@Suite("MustacheMap")
struct MustacheMapTests {
    @Test func smallAndLargeMapsFindEveryKey() throws {
        for size in [0, 1, 7, 24, 25, 500] {
            var map = MustacheMap()
            for index in 0..<size { map["key_\(index)"] = .int(index) }
            map["a"] = "short"
            map["a_long_key_sharing_a_prefix_1"] = 1
            map["a_long_key_sharing_a_prefix_2"] = 2
            #expect(map.count == size + 3)
            for index in 0..<size { #expect(map["key_\(index)"] == .int(index), "size \(size)") }
            #expect(map["a_long_key_sharing_a_prefix_2"] == 2)
            #expect(map["a_long_key_sharing_a_prefix_3"] == nil)
            #expect(map["key_\(size)"] == nil)
            let template = try Template("{{t.a}} {{t.key_0}} {{t.a_long_key_sharing_a_prefix_1}}")
            let expected = size > 0 ? "short 0 1" : "short  1"
            #expect(try template.renderString(["t": .map(map)]) == expected)
        }
    }

    @Test func replaceRemoveAndOrder() {
        var map: MustacheMap = ["b": 1, "a": 2, "c": 3]
        map["a"] = 20
        map["b"] = nil
        map["d"] = 4
        #expect(map.map(\.key) == ["a", "c", "d"])
        #expect(map["a"] == 20)
        #expect(map == ["d": 4, "a": 20, "c": 3])
        #expect(MustacheMap(["z": 1, "y": 2]).map(\.key) == ["y", "z"])
    }

    @Test func largeMapRemovalKeepsTheIndexRight() {
        var map = MustacheMap((0..<40).map { ("k\($0)", MustacheValue.int($0)) })
        map["k3"] = nil
        #expect(map.count == 39)
        #expect(map["k3"] == nil)
        #expect(map["k39"] == 39)
        map["k40"] = 40
        #expect(map["k40"] == 40)
    }

    @Test func longKeysSharingTheirFirstBytesAndLengthStayApart() throws {
        // Same length and same first seven bytes: told apart by the hash of all their bytes (and the string).
        let names = (0..<300).map { "category:" + String(String(100_000 + $0).dropFirst()) }
        let small = MustacheMap(names.prefix(10).map { ($0, MustacheValue.string($0)) })
        let large = MustacheMap(names.map { ($0, MustacheValue.string($0)) })
        for name in names.prefix(10) { #expect(small[name] == .string(name)) }
        for name in names { #expect(large[name] == .string(name)) }
        #expect(large["category:00300"] == nil)
        #expect(large.map(\.key) == names)
        let template = try Template("{{t.category:00007}} {{t.category:00299}}")
        #expect(try template.renderString(["t": .map(large)]) == "category:00007 category:00299")
    }

    @Test func pairsKeepTheFirstPlaceAndTheLastValueOfARepeatedKey() {
        let map = MustacheMap([("a", 1), ("b", 2), ("a", 3)] as [(String, MustacheValue)])
        #expect(map.map(\.key) == ["a", "b"])
        #expect(map["a"] == 3)
    }
}

/// Positions found once and set in many copies (what each e-mail does with its view's context).
@Suite("MustacheMap positions")
struct MustacheMapPositionTests {
    @Test(arguments: [3, 24, 25, 60])
    func aPositionSetsTheSameFieldAsItsKey(size: Int) throws {
        let base = MustacheMap((0..<size).map { ("field_\($0)", MustacheValue.null) })
        let key = "field_\(size - 2)"
        let position = try #require(base.position(ofKey: key))
        var byPosition = base
        byPosition[at: position] = "set"
        var byKey = base
        byKey[key] = "set"
        #expect(byPosition == byKey)
        #expect(byPosition[at: position] == "set")
        #expect(byPosition.map(\.key) == base.map(\.key))
        // The shared map is a value: setting a copy leaves it as it was.
        #expect(base[key] == .null)
        #expect(base.position(ofKey: "field_\(size)") == nil)
        let template = try Template("{{\(key)}}|{{field_0}}")
        #expect(try template.renderString(.map(byPosition)) == "set|")
    }
}
