import Evaluation
import Foundation
import Store
import Testing
import TextFormats

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
        let (data, summary, diagnostics) = OnlineRetailStore.load(
            path: Self.fixtures + "/online_retail_2010-12-01_to_02.csv")
        #expect(diagnostics.diagnostics.isEmpty)
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

extension StoreFolderTests {
    /// A damaged UCI file: `generate uci` exits 2 and writes nothing (its problems go to stderr with their places,
    /// as `OnlineRetailStoreTests` pins); a missing one exits 1 (with the advice of where the data set comes from).
    @Test func generateUCIWritesNothingFromABadFile() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let damaged = "\(folder)/damaged.csv"
            try Data(
                """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                1,10001,ONE,1,2011-01-10 10:00:00,1.00,1.0,United Kingdom
                2,10002,TWO,1,2011-01-11

                """.utf8
            ).write(to: URL(fileURLWithPath: damaged))
            let store = "\(folder)/store"
            #expect(VitrineBench.run(["generate", "uci", store, "--data", damaged]) == .badInput)
            #expect(VitrineBench.run(["generate", "uci", store, "--data", "\(folder)/missing.csv"]) == .failure)
            #expect(!FileManager.default.fileExists(atPath: store))
        }
    }

    /// A file being written stays beside the old one until `close`: a run that stops before leaves the old bytes
    /// and no partial file.
    @Test func aStoreFileReplacesTheOldOneOnlyWhenClosed() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = "\(folder)/orders.csv"
            try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
            do {
                let abandoned = try StoreFile(path: path)
                try abandoned.row(["new"])
                try abandoned.flush()
                #expect(FileManager.default.contents(atPath: path) == Data("old\n".utf8))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["orders.csv"])
            #expect(FileManager.default.contents(atPath: path) == Data("old\n".utf8))
            let written = try StoreFile(path: path)
            try written.row(["new", "row"])
            #expect(try written.close() == 8)
            #expect(FileManager.default.contents(atPath: path) == Data("new,row\n".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["orders.csv"])
        }
    }
}
