import TextFormats

/// `store.json`: who the shop is and how it speaks to customers.
public struct StoreSettings: Sendable {
    public struct Sender: Sendable, Hashable {
        public var name: String
        public var address: String
        public init(name: String, address: String) {
            self.name = name
            self.address = address
        }
    }

    /// Where the signing secret lives; the secret itself is never in the store folder.
    public struct SecretSource: Sendable, Hashable {
        public var environmentVariable: String?
        public var file: String?
        /// The tracking key id (0…15) this secret signs or verifies under; 0 unless `key_id` says otherwise.
        public var keyID: Int
        /// Earlier secrets that still verify tracking tokens already sent, never sign (`retired`).
        public var retired: [SecretSource]
        public init(
            environmentVariable: String? = nil, file: String? = nil, keyID: Int = 0, retired: [SecretSource] = []
        ) {
            self.environmentVariable = environmentVariable
            self.file = file
            self.keyID = keyID
            self.retired = retired
        }
    }

    public struct Privacy: Sendable, Hashable {
        public var trackOpens: Bool = true
        public var attributionDays: Int = 7
        public init(trackOpens: Bool = true, attributionDays: Int = 7) {
            self.trackOpens = trackOpens
            self.attributionDays = attributionDays
        }
    }

    public var name: String
    public var baseURL: String
    public var currency: String
    public var defaultLocale: String
    public var locales: [String]
    /// Percent of VAT included in product prices, in hundredths of a percent (24% = 2400).
    public var vatBasisPoints: Int64
    public var sender: Sender
    public var replyTo: String?
    public var postalAddress: String
    public var theme: String
    public var secret: SecretSource
    public var privacy: Privacy

    public init(
        name: String, baseURL: String, currency: String, defaultLocale: String, locales: [String],
        vatBasisPoints: Int64, sender: Sender, replyTo: String?, postalAddress: String, theme: String,
        secret: SecretSource, privacy: Privacy
    ) {
        self.name = name
        self.baseURL = baseURL
        self.currency = currency
        self.defaultLocale = defaultLocale
        self.locales = locales
        self.vatBasisPoints = vatBasisPoints
        self.sender = sender
        self.replyTo = replyTo
        self.postalAddress = postalAddress
        self.theme = theme
        self.secret = secret
        self.privacy = privacy
    }
}
