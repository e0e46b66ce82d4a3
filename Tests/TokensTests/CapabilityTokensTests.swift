import Crypto
import Store
import Testing
import Tokens

@Suite struct CapabilityTokensTests {
    static let secret = SecretKey(text: "correct horse battery staple, 32+ characters long")!
    static let store = "https://shop.example.com"
    static let tokens = CapabilityTokens(secret: secret, storeIdentity: store)
    static let customers = (1...1000).map { "C\(String($0))" }

    /// The derivation as documented, recomputed independently (Python's hmac and base64 modules):
    /// base64url(HMAC-SHA256(secret, "vitrine/v1" · field(store) · field(purpose) · field(id)…)[0..<18]).
    @Test func pinnedDerivation() {
        #expect(Self.tokens.token(for: .wishlist(customer: "C001")) == "H9NnFnXsO7wOG8oR6X4QxFfK")
        #expect(Self.tokens.token(for: .gift(customer: "C001")) == "QkaqjI0qM7isEv25RczMc6B4")
        #expect(Self.tokens.token(for: .coupon(coupon: "WELCOME10", customer: "C001")) == "AxDkON9-3zoxSnsSVkmtIK2-")
        #expect(Self.tokens.couponCode(prefix: "VIP-", coupon: "WELCOME10", customer: "C001") == "VIP-XJ779YH3P7MS")
    }

    @Test func stableAcrossRebuilds() {
        let again = CapabilityTokens(
            secret: SecretKey(text: " correct horse battery staple, 32+ characters long\n")!,
            storeIdentity: Self.store)
        for customer in Self.customers.prefix(50) {
            for page in Self.pages(customer) { #expect(again.token(for: page) == Self.tokens.token(for: page)) }
        }
    }

    @Test func shapeIs144BitsOfBase64URL() throws {
        for customer in Self.customers.prefix(100) {
            for page in Self.pages(customer) {
                let token = Self.tokens.token(for: page)
                #expect(token.utf8.count == 24)
                #expect(CapabilityTokens.tokenLength == 24)
                let bytes = try #require(Base64URL.decode(token))
                #expect(bytes.count * 8 >= 128)
            }
        }
    }

    /// Nothing about the customer is in the token: not the id, e-mail or name, in clear, in base64url, or in the
    /// decoded bytes; and every customer's token is different.
    @Test func revealsNothing() throws {
        let people = [
            ("C1234", "maria.papadopoulou@example.gr", "Maria"), ("42", "a@b.co", "Al"),
            ("customer-0007", "niloufar@example.ir", "نیلوفر"),
        ]
        for (id, email, name) in people {
            for page in Self.pages(id) {
                let token = Self.tokens.token(for: page)
                let decoded = try #require(Base64URL.decode(token))
                for secret in [id, email, name] {
                    #expect(!token.contains(secret))
                    #expect(!token.contains(Base64URL.encode(secret.utf8)))
                    #expect(!Self.contains(decoded, Array(secret.utf8)), "\(page)")
                }
            }
        }
        let all = Self.customers.map { Self.tokens.token(for: .wishlist(customer: $0)) }
        #expect(Set(all).count == all.count)
    }

    @Test func aNewSecretChangesEveryToken() {
        let rotated = CapabilityTokens(
            secret: SecretKey(text: "correct horse battery staple, 32+ characters lonG")!, storeIdentity: Self.store)
        for customer in Self.customers {
            for page in Self.pages(customer) { #expect(rotated.token(for: page) != Self.tokens.token(for: page)) }
            #expect(
                rotated.couponCode(prefix: "", coupon: "K", customer: customer)
                    != Self.tokens.couponCode(prefix: "", coupon: "K", customer: customer))
        }
    }

    /// Two stores (even with one secret by mistake) share no token.
    @Test func twoStoresNeverShareOne() {
        let other = CapabilityTokens(secret: Self.secret, storeIdentity: "https://other.example.com")
        let mine = Set(Self.customers.flatMap { Self.pages($0).map(Self.tokens.token(for:)) })
        let theirs = Set(Self.customers.flatMap { Self.pages($0).map(other.token(for:)) })
        #expect(mine.isDisjoint(with: theirs))
        #expect(mine.count == Self.customers.count * 3)
    }

    /// The base URL names the store; a trailing slash does not make another store.
    @Test func storeIdentityFromSettings() throws {
        let settings = Self.settings(baseURL: "https://shop.example.com/")
        let fromSettings = CapabilityTokens(secret: Self.secret, settings: settings)
        #expect(fromSettings.token(for: .gift(customer: "C9")) == Self.tokens.token(for: .gift(customer: "C9")))
        let elsewhere = CapabilityTokens(secret: Self.secret, settings: Self.settings(baseURL: "https://b.example"))
        #expect(elsewhere.token(for: .gift(customer: "C9")) != Self.tokens.token(for: .gift(customer: "C9")))
    }

    /// The wish list, its gift view and each coupon page have unrelated tokens; fields cannot be re-split.
    @Test func purposesAreSeparate() {
        let wishlists = Set(Self.customers.map { Self.tokens.token(for: .wishlist(customer: $0)) })
        let gifts = Set(Self.customers.map { Self.tokens.token(for: .gift(customer: $0)) })
        let coupons = Set(Self.customers.map { Self.tokens.token(for: .coupon(coupon: "K", customer: $0)) })
        #expect(wishlists.isDisjoint(with: gifts))
        #expect(wishlists.isDisjoint(with: coupons))
        #expect(gifts.isDisjoint(with: coupons))
        #expect(
            Self.tokens.token(for: .coupon(coupon: "ab", customer: "c"))
                != Self.tokens.token(for: .coupon(coupon: "a", customer: "bc")))
        #expect(
            Self.tokens.token(for: .coupon(coupon: "K1", customer: "C1"))
                != Self.tokens.token(for: .coupon(coupon: "K2", customer: "C1")))
    }

    @Test func couponCodes() {
        let alphabet = Set("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var codes: Set<String> = []
        var seen: Set<Character> = []
        for customer in Self.customers {
            let code = Self.tokens.couponCode(prefix: "SPRING-", coupon: "SPRING24", customer: customer)
            #expect(code.hasPrefix("SPRING-"))
            let body = code.dropFirst("SPRING-".count)
            #expect(body.count == 12)
            #expect(body.allSatisfy(alphabet.contains), "\(code)")
            #expect(!body.contains { "0O1IL".contains($0) })
            seen.formUnion(body)
            codes.insert(code)
            #expect(code == Self.tokens.couponCode(prefix: "SPRING-", coupon: "SPRING24", customer: customer))
            #expect(code != Self.tokens.couponCode(prefix: "SPRING-", coupon: "AUTUMN24", customer: customer))
        }
        #expect(codes.count == Self.customers.count)
        #expect(seen == alphabet, "12,000 uniform draws use every one of the 31 symbols")
        #expect(CapabilityTokens.couponCodeLength >= 10)
    }

    static func pages(_ customer: String) -> [PersonalPage] {
        [.wishlist(customer: customer), .gift(customer: customer), .coupon(coupon: "WELCOME10", customer: customer)]
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    static func settings(baseURL: String) -> StoreSettings {
        StoreSettings(
            name: "Shop", baseURL: baseURL, currency: "EUR", defaultLocale: "en", locales: ["en"], vatBasisPoints: 0,
            sender: .init(name: "Shop", address: "news@example.com"), replyTo: nil, postalAddress: "Street 1",
            theme: "default", secret: .init(environmentVariable: "VITRINE_SECRET"), privacy: .init())
    }
}
