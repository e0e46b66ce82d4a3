import Foundation
import Store
import Testing

/// `secret` in store.json: the current key's `key_id`, and `retired` keys that verify tracking tokens only.
@Suite struct SecretSettingsTests {
    static func storeJSON(secret: String) -> String {
        """
        {
          "name": "Fixture Shop",
          "base_url": "https://fixture.example.com",
          "currency": "EUR",
          "default_locale": "en", "locales": ["en", "el", "fa"],
          "sender": { "address": "news@fixture.example.com" },
          "postal_address": "Ermou 1, 105 63 Athens, Greece",
          "secret": \(secret)
        }
        """
    }

    static func load(secret: String) throws -> (StoreSettings.SecretSource?, [String]) {
        let directory = try FixtureStore.make(files: ["store.json": storeJSON(secret: secret)])
        let (store, diagnostics) = StoreLoader.load(directory: directory)
        return (store?.settings.secret, FixtureStore.lines(diagnostics, relativeTo: directory))
    }

    @Test func plainSecretIsKeyZero() throws {
        let (secret, lines) = try Self.load(secret: #"{ "env": "VITRINE_SECRET" }"#)
        #expect(lines.isEmpty, "\(lines)")
        #expect(secret == StoreSettings.SecretSource(environmentVariable: "VITRINE_SECRET", keyID: 0, retired: []))
    }

    @Test func keyIDAndRetired() throws {
        let (secret, lines) = try Self.load(
            secret:
                #"{ "env": "VITRINE_SECRET", "key_id": 2, "retired": [{ "file": "~/.old.key", "key_id": 1 }, {"env": "OLD0", "key_id": 0}] }"#
        )
        #expect(lines.isEmpty, "\(lines)")
        #expect(
            secret
                == StoreSettings.SecretSource(
                    environmentVariable: "VITRINE_SECRET", keyID: 2,
                    retired: [
                        .init(file: "~/.old.key", keyID: 1), .init(environmentVariable: "OLD0", keyID: 0),
                    ]))
    }

    @Test(arguments: [
        (
            #"{ "env": "V", "key_id": 16 }"#,
            #"store.json:8:37: error: "key_id" must be between 0 and 15"#
        ),
        (
            #"{ "env": "V", "retired": {"env": "W"} }"#,
            #"store.json:8:38: error: "retired" must be an array of secrets, found an object"#
        ),
        (
            #"{ "env": "V", "retired": [{"env": "W"}] }"#,
            #"store.json:8:39: error: missing required key "key_id" (the tracking key id it verified under)"#
        ),
        (
            #"{ "env": "V", "key_id": 3, "retired": [{"env": "W", "key_id": 3}] }"#,
            #"store.json:8:75: error: tracking key id 3 is used twice (each secret needs its own "key_id")"#
        ),
        (
            #"{ "env": "V", "retired": [{"key_id": 1}] }"#,
            #"store.json:8:39: error: a retired secret needs "env" or "file""#
        ),
        (
            #"{ "env": "V", "retired": [{"file": "old.key", "key_id": 1}] }"#,
            #"store.json:8:48: error: "retired.file" must be an absolute path outside the store folder (the store gets published and committed) or a hidden file name listed in its .gitignore, like ".vitrine-secret""#
        ),
        (
            #"{ "env": "V", "retired": ["W"] }"#,
            #"store.json:8:39: error: expected a retired secret as an object, found a string"#
        ),
    ])
    func errors(secret: String, expected: String) throws {
        let (loaded, lines) = try Self.load(secret: secret)
        #expect(loaded == nil)
        #expect(lines.contains(expected), "\(lines)")
    }

    @Test func unknownKeyInRetiredIsWarned() throws {
        let (loaded, lines) = try Self.load(
            secret: #"{ "env": "V", "retired": [{"env": "W", "key_id": 1, "kid": 2}] }"#)
        #expect(loaded != nil)
        #expect(
            lines.contains { $0.hasPrefix("store.json:8:65: warning: unknown key \"kid\" in a retired secret") },
            "\(lines)")
    }
}
