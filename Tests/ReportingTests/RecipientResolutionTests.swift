import EventStore
import Store
import Testing
import TextFormats
import Tokens
import Tracking

@testable import VitrineKit

/// Clicks are attributed through `RecipientDirectory`: a stored recipient with or without the key id above its
/// 40 bits, signed by the current key or a retired one, resolves to its customer; anything else to nobody.
@Suite("Recipients of clicks")
struct RecipientResolutionTests {
    static let current = SecretKey(text: "current-secret-0123456789-abcdefghijklmnop")!
    static let retired = SecretKey(text: "retired-secret-0123456789-abcdefghijklmnop")!
    static let identity = "https://shop.example.com"

    static func store(_ ids: [String]) -> LoadedStore {
        LoadedStore(
            directory: "",
            settings: StoreSettings(
                name: "S", baseURL: identity, currency: "EUR", defaultLocale: "en", locales: ["en"], vatBasisPoints: 0,
                sender: .init(name: "S", address: "s@example.com"), replyTo: nil, postalAddress: "", theme: "default",
                secret: .init(), privacy: .init()),
            products: [],
            customers: ids.map { Customer(id: $0, locale: "en", created: Timestamp(secondsSince1970: 0)) }, orders: [],
            wishlists: [], segments: [], coupons: [], campaigns: [])
    }

    static func click(_ recipient: Int64, traffic: TrafficClass = .human) -> EventCount {
        EventCount(
            kind: .click, traffic: traffic, campaign: "c", segment: "s", recipient: recipient, target: "", day: 0,
            count: 1, firstAt: 0, lastAt: 0)
    }

    @Test("current and retired keys, with and without the key id stored; unknown and non-human recipients are not")
    func resolve() throws {
        let keyring = try TrackingKeyring(
            current: Self.current, currentKeyID: 3, retired: [(keyID: 1, secret: Self.retired)],
            storeIdentity: Self.identity)
        let old = try TrackingKeyring(current: Self.retired, currentKeyID: 1, storeIdentity: Self.identity)
        let store = Self.store(["c-1", "c-2", "c-3"])
        let withKey = Int64(3 << 40 | keyring.recipient("c-1"))
        let bare = Int64(keyring.recipient("c-2"))
        let retiredBare = Int64(old.recipient("c-3"))
        let unknown = Int64(keyring.recipient("c-9"))
        let scanner = Int64(keyring.recipient("c-3") | 3 << 40)
        let resolved = ReportWorkflow.resolve(
            [
                Self.click(withKey), Self.click(bare), Self.click(retiredBare), Self.click(unknown),
                Self.click(scanner, traffic: .scanner),
            ], store: store, keyring: keyring)
        #expect(resolved == [withKey: 0, bare: 1, retiredBare: 2])
    }
}
