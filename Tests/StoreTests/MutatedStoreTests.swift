import Diagnostics
import Foundation
import SeededRandom
import Testing

@testable import Store

/// Random damage to every file of a good store: the loader must never crash or hang, and every finding must
/// point inside the file it names.
@Suite("Damaged stores")
struct MutatedStoreTests {
    static let files = [
        "store.json", "products.csv", "customers.csv", "orders.csv", "wishlists.csv", "segments.json",
        "coupons.json", "campaigns.json",
    ]
    static let interesting: [UInt8] = Array("\",\n\r{}[]:\\ 0-.@>|".utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xFF]

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0...random.below(4) {
            let position = random.below(bytes.count + 1)
            switch random.below(5) {
            case 0: bytes.insert(interesting[random.below(interesting.count)], at: position)
            case 1: if position < bytes.count { bytes.remove(at: position) }
            case 2: if position < bytes.count { bytes[position] = interesting[random.below(interesting.count)] }
            case 3: bytes = Array(bytes.prefix(position))
            default:
                let end = min(bytes.count, position + random.below(40))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return bytes
    }

    @Test("600 damaged stores load without crashing and report in-file positions")
    func damaged() throws {
        let directory = try FixtureStore.make()
        var originals: [String: [UInt8]] = [:]
        for name in Self.files {
            originals[name] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)")))
        }
        // Seeded, so a failure is reproducible from its iteration number.
        var random = SplitMix64(seed: 2026)
        var reported = 0
        for _ in 0..<600 {
            let name = Self.files[random.below(Self.files.count)]
            let damaged = Self.mutate(originals[name]!, &random)
            try Data(damaged).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
            let (_, diagnostics) = StoreLoader.load(directory: directory)
            reported += diagnostics.diagnostics.isEmpty ? 0 : 1
            for diagnostic in diagnostics.diagnostics {
                guard let location = diagnostic.location else { continue }
                let source = try #require(diagnostics.sources[location.file])
                #expect(location.line >= 1 && location.line <= max(1, source.lineCount + 1), "\(diagnostic)")
                #expect(location.column >= 1, "\(diagnostic)")
            }
            try Data(originals[name]!).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
        #expect(reported > 300, "most damage is noticed")
    }
}
