import TextFormats

/// One person or business of `customers.csv`. Their e-mail and names never leave the store (no URLs, no logs).
public struct Customer: Sendable, Hashable {
    public var id: String
    public var email: String?
    public var firstName: String
    public var lastName: String
    public var locale: String
    public var country: String?
    public var created: Timestamp
    public var consentEmail: Bool
    public var consentTracking: Bool
    public var tags: [String]

    public init(
        id: String, email: String? = nil, firstName: String = "", lastName: String = "", locale: String,
        country: String? = nil, created: Timestamp, consentEmail: Bool = false, consentTracking: Bool = false,
        tags: [String] = []
    ) {
        self.id = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.locale = locale
        self.country = country
        self.created = created
        self.consentEmail = consentEmail
        self.consentTracking = consentTracking
        self.tags = tags
    }
}
