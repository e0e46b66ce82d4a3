import Foundation
import Publishing
import Testing

/// The whole-build shortcut: a rebuild whose inputs hash the same loads and renders nothing; any changed input —
/// a store file, the build day — goes through the page-by-page build, and reverting it finds the first stamp again.
@Suite struct BuildStampTests {
    @Test func theStampFollowsEveryInputAndNeverOutlivesTheSiteItDescribes() throws {
        let store = try InlineStore(products: BuildTests.products, orders: BuildTests.orders)
        let first = try #require(store.build().summary)
        let stamp = try #require(Publisher.stamp(output: store.output, tree: "site"))
        #expect(stamp.pages == first.pages)
        #expect(stamp.files == first.written)

        let again = try #require(store.build().summary)
        #expect(again.rendered == 0 && again.written == 0)
        #expect(again.unchanged == first.written)
        #expect(Publisher.stamp(output: store.output, tree: "site") == stamp)

        // A byte more in a store file: a new stamp, though no page changes.
        let productsFile = store.directory + "/products.csv"
        let original = try String(contentsOfFile: productsFile, encoding: .utf8)
        try (original + "\n").write(toFile: productsFile, atomically: true, encoding: .utf8)
        let touched = try #require(store.build().summary)
        #expect(touched.written == 0)
        let touchedStamp = try #require(Publisher.stamp(output: store.output, tree: "site"))
        #expect(touchedStamp.inputs != stamp.inputs)

        // Another build day is another input.
        _ = try #require(store.build(asOf: "2026-12-02").summary)
        #expect(Publisher.stamp(output: store.output, tree: "site")?.inputs != touchedStamp.inputs)

        // Back to the first inputs: the first stamp again.
        try original.write(toFile: productsFile, atomically: true, encoding: .utf8)
        _ = try #require(store.build().summary)
        #expect(Publisher.stamp(output: store.output, tree: "site")?.inputs == stamp.inputs)

        // A site that is gone has no stamp: the next build publishes it again in full.
        try FileManager.default.removeItem(atPath: store.output + "/site")
        #expect(Publisher.stamp(output: store.output, tree: "site") == nil)
        let rebuilt = try #require(store.build().summary)
        #expect(rebuilt.written > 0)
        #expect(FileManager.default.fileExists(atPath: store.output + "/site/index.html"))
    }
}
