import Crypto
import Testing
import Tokens
import Tracking

/// Tokens carry no customer id or e-mail in any decodable form, and the pseudonyms map back only with the keys.
@Suite struct PrivacyTests {
    static let keyring = TrackingTokenTests.keyring
    static let customers = (0..<1000).map { "cust-\(String($0 * 7919 % 100_000))" }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).leftPadded(2) }.joined() }

    /// The forms in which an id could hide: its bytes, hex, base64url at each of the 3 alignments.
    static func forms(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var forms = [bytes, Array(hex(bytes).utf8), Array(hex(bytes).uppercased().utf8)]
        for shift in 0..<3 {
            let encoded = Array(Base64URL.encode([UInt8](repeating: 0, count: shift) + bytes).utf8)
            // Drop the characters the padding bytes and the ragged end touch.
            let start = (shift * 4 + 2) / 3
            let end = max(start, encoded.count - 2)
            forms.append(Array(encoded[start..<end]))
        }
        return forms.filter { $0.count >= 4 }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }

    @Test func tokensHideTheCustomer() {
        for customer in Self.customers {
            let email = "\(customer)@example.com"
            let decorator = LinkDecorator(
                baseURL: "https://shop.example.com", keyring: Self.keyring, campaign: "spring", segment: "vip",
                recipient: .init(customerID: customer, trackingConsent: true), day: 19800)
            let urls = [
                decorator.link(to: "https://shop.example.com/p/tea/", target: "p-tea"), decorator.pixelURL!,
                decorator.unsubscribeURL, decorator.privacyURL,
            ]
            for url in urls {
                let text = String(url[url.range(of: "vt=")!.upperBound...].prefix(TrackingToken.textLength))
                let decoded = Base64URL.decode(text)!
                #expect(decoded.count == TrackingToken.byteCount)
                for secret in [customer, email] {
                    for form in Self.forms(of: secret) {
                        #expect(!Self.contains(Array(url.utf8), form), "\(customer)")
                        #expect(!Self.contains(decoded, form), "\(customer)")
                        #expect(!Self.contains(Array(Self.hex(decoded).utf8), form), "\(customer)")
                    }
                }
            }
        }
    }

    @Test func directoryMapsPseudonymsBack() throws {
        let directory = RecipientDirectory(customerIDs: Self.customers, keyring: Self.keyring)
        for customer in Self.customers {
            #expect(directory.customerID(of: Self.keyring.recipient(customer), keyID: 0) == customer)
        }
        #expect(directory.customerID(of: Self.keyring.recipient("nobody"), keyID: 0) == nil)
        #expect(directory.customerID(of: Self.keyring.recipient(Self.customers[0]), keyID: 1) == nil)
        // Pseudonyms under a retired key resolve under that key's id.
        let rotated = try TrackingKeyring(
            current: TrackingTokenTests.other, currentKeyID: 1,
            retired: [(keyID: 0, secret: TrackingTokenTests.secret)], storeIdentity: TrackingTokenTests.store)
        let both = RecipientDirectory(customerIDs: Self.customers, keyring: rotated)
        #expect(both.customerID(of: Self.keyring.recipient(Self.customers[5]), keyID: 0) == Self.customers[5])
        #expect(both.customerID(of: rotated.recipient(Self.customers[5]), keyID: 1) == Self.customers[5])
        #expect(rotated.recipient(Self.customers[5]) != Self.keyring.recipient(Self.customers[5]))
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
