import EventStore
import Foundation
import Store
import Testing
import Tokens

@testable import VitrineKit

@Suite struct InitKeyFileTests {
    static let catalog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Catalog").path

    /// `vitrine init` writes a fresh key (mode 0600) that .gitignore lists and store.json points at.
    @Test func initWritesAKeyFile() throws {
        let parent = NSTemporaryDirectory() + "vitrine-init-key-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let written = try InitWorkflow.run(destination: "\(parent)/shop", example: Self.catalog)
        #expect(written.contains(".vitrine-secret"))
        var status = stat()
        #expect(stat("\(parent)/shop/.vitrine-secret", &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        let ignore = try String(contentsOfFile: "\(parent)/shop/.gitignore", encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains("/.vitrine-secret"))
        #expect(ignore.contains("*.sqlite*"), "the example's own lines stay")
        // And a state file, ignored by that line, so the store keeps its stock history from its first build.
        #expect(written.contains("state.sqlite"))
        #expect(try EventStore(path: "\(parent)/shop/state.sqlite").fileSchemaVersion() == EventStore.schemaVersion)
        let settings = try String(contentsOfFile: "\(parent)/shop/store.json", encoding: .utf8)
        #expect(settings.contains("\"secret\": { \"file\": \".vitrine-secret\" },"))
        #expect(!settings.contains("VITRINE_SECRET"))
        let key = try SecretResolver.resolve(
            .init(file: ".vitrine-secret"), storeFolder: "\(parent)/shop", environment: [:])
        #expect("\(key)" == "SecretKey(43 bytes, redacted)")

        let other = try InitWorkflow.run(destination: "\(parent)/other", example: Self.catalog)
        #expect(other.count == written.count)
        let first = try String(contentsOfFile: "\(parent)/shop/.vitrine-secret", encoding: .utf8)
        #expect(try String(contentsOfFile: "\(parent)/other/.vitrine-secret", encoding: .utf8) != first)
    }

    @Test(arguments: [
        (
            "{\n  \"name\": \"secret\",\n  \"secret\": { \"env\": \"X\" },\n  \"theme\": \"default\"\n}",
            "{\n  \"name\": \"secret\",\n  \"secret\": { \"file\": \".k\" },\n  \"theme\": \"default\"\n}"
        ),
        ("{\"secret\":{\"env\":\"X\",\"file\":\"/a\"}}", "{\"secret\":{ \"file\": \".k\" }}"),
        ("{\n  \"name\": \"A\"\n}", "{\n  \"secret\": { \"file\": \".k\" },\n  \"name\": \"A\"\n}"),
    ])
    func pointingSecret(before: String, after: String) {
        #expect(InitWorkflow.pointingSecret(before, at: ".k") == after)
    }
}
