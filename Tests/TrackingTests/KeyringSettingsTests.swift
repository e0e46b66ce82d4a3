import Store
import Testing
import Tokens
import Tracking

/// A keyring from store.json's `secret`: the current key signs under its `key_id`, retired keys verify.
@Suite struct KeyringSettingsTests {
    static let settings = StoreSettings(
        name: "Shop", baseURL: "https://shop.example.com/", currency: "EUR", defaultLocale: "en", locales: ["en"],
        vatBasisPoints: 0, sender: .init(name: "Shop", address: "news@shop.example.com"), replyTo: nil,
        postalAddress: "Street 1", theme: "default",
        secret: .init(
            environmentVariable: "NEW_SECRET", keyID: 1, retired: [.init(environmentVariable: "OLD_SECRET", keyID: 0)]),
        privacy: .init())

    @Test func fromSettings() throws {
        let environment = [
            "NEW_SECRET": "another secret of at least thirty-two characters",
            "OLD_SECRET": "correct horse battery staple, 32+ characters long",
        ]
        let keyring = try TrackingKeyring(settings: Self.settings, storeFolder: ".", environment: environment)
        #expect(keyring.currentKeyID == 1)
        let old = TrackingToken(kind: .click, campaign: 1, segment: 2, recipient: 3, target: 4, day: 5)
        let oldText = old.text(keyring: TrackingTokenTests.keyring)
        #expect(TrackingTokenTests.verify(oldText, keyring) == .valid(old, keyID: 0))
    }

    @Test func missingRetiredSecretIsAnError() {
        #expect(throws: TrackingKeyring.Failure(reason: .secret(.environmentVariableUnset("OLD_SECRET")))) {
            try TrackingKeyring(
                settings: Self.settings, storeFolder: ".",
                environment: ["NEW_SECRET": "another secret of at least thirty-two characters"])
        }
    }
}
