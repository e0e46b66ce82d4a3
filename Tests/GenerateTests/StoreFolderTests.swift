import Foundation
import Store
import Testing
import TextFormats
import VitrineKit

@testable import vitrine_bench

/// What `vitrine-bench generate` writes loads back through the store's own loader as it was made.
@Suite struct StoreFolderTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A new empty folder, removed by `body`'s end.
    func withTemporaryFolder(_ body: (String) throws -> Void) throws {
        let path = NSTemporaryDirectory() + "vitrine-generate-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    /// Two days of the real UCI file (with 70 cancellations): every line, customer and product comes back from
    /// the written folder as the mapping made it, and the folder has no problem for `vitrine check`.
    @Test func realPurchasesLoadBackAsTheyWereMapped() throws {
        let (data, summary) = try OnlineRetailStore.load(path: Self.fixtures + "/online_retail_2010-12-01_to_02.csv")
        #expect(summary.rows == 5217)
        #expect(summary.cancelledInFull + summary.cancelledInPart > 0)
        try withTemporaryFolder { folder in
            _ = try OnlineRetailFolder.makeStore(data).write(to: folder)
            let (store, diagnostics) = StoreLoader.load(directory: folder)
            #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted.map(\.message))")
            let loaded = try #require(store)
            #expect(loaded.settings.currency == "GBP")
            #expect(loaded.segments.map(\.id) == ["vip", "at-risk", "new", "lapsed", "abroad", "everyone"])
            #expect(loaded.customers.map(\.id) == data.customers.map(\.id))
            #expect(loaded.customers.map(\.country) == data.customers.map(\.country))
            #expect(loaded.customers.map(\.created.day) == data.customers.map(\.created.day))
            #expect(loaded.products.map(\.id) == data.products.map(\.id))
            #expect(loaded.products.map(\.name) == data.products.map(\.name))
            #expect(loaded.products.map(\.price) == data.products.map(\.price))
            #expect(loaded.products.map(\.category) == data.products.map(\.category))
            func lines(_ orders: [OrderLine]) -> [String] {
                orders.map {
                    "\($0.orderID) \($0.customer) \($0.product) \($0.date) \($0.quantity) \($0.unitPrice.minorUnits) "
                        + "\($0.status)"
                }
            }
            #expect(lines(loaded.orders) == lines(data.orders))
            #expect(loaded.orderCount == Set(data.orders.map(\.orderID)).count)
        }
    }

    /// `Catalog/` is what `generate example` writes, byte for byte, as the README says.
    @Test func theExampleStoreIsGeneratedByteForByte() throws {
        try withTemporaryFolder { folder in
            let written = try ExampleStore().makeStore().write(to: folder)
            #expect(written.files.count == 8)
            for (name, _) in written.files {
                let generated = FileManager.default.contents(atPath: "\(folder)/\(name)")
                let committed = FileManager.default.contents(atPath: "\(Self.packageRoot)/Catalog/\(name)")
                #expect(generated != nil && generated == committed, "Catalog/\(name) differs from generate example")
            }
        }
    }
}
