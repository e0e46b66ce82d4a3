import Diagnostics
import TextFormats

/// `customers.csv`.
enum CustomersLoader {
    static let required = ["id", "created"]
    static let known = [
        "id", "email", "first_name", "last_name", "locale", "country", "created", "consent_email",
        "consent_tracking", "tags",
    ]

    static func load(
        _ source: SourceText, settings: StoreSettings?, diagnostics: inout DiagnosticEngine
    ) -> (customers: [Customer], rejected: Rejected) {
        guard var table = CSVTable(source: source, required: required, known: known, diagnostics: &diagnostics) else {
            return ([], Rejected(everything: true))
        }
        var rejected = Rejected()
        let c = (
            id: table.column("id"), email: table.column("email"), first: table.column("first_name"),
            last: table.column("last_name"), locale: table.column("locale"), country: table.column("country"),
            created: table.column("created"), consentEmail: table.column("consent_email"),
            consentTracking: table.column("consent_tracking"), tags: table.column("tags")
        )
        let defaultLocale = settings?.defaultLocale ?? "en"
        var customers: [Customer] = []
        customers.reserveCapacity(source.bytes.count / 80)
        // First places as byte offsets: a location is worked out only for a message.
        var ids = FirstDefinitions(source: source, expected: source.lineCount)
        var firstRowOfEmail: [String: (id: String, offset: Int)] = [:]
        firstRowOfEmail.reserveCapacity(source.lineCount)
        while table.nextRow(diagnostics: &diagnostics) {
            let errorsBefore = diagnostics.errorCount
            let id = table.requiredString(c.id, "customer id", diagnostics: &diagnostics)
            let email = table.optionalString(c.email)
            // The address itself is never repeated in a message: it is personal data.
            if let email, !EmailAddress.isValid(email) {
                diagnostics.error("invalid e-mail address", at: table.location(c.email))
            }
            let locale = table.optionalString(c.locale) ?? defaultLocale
            if let settings, !settings.locales.contains(locale) {
                diagnostics.error(
                    "locale \"\(locale)\" is not one of the store's locales (\(settings.locales.joined(separator: ", ")))",
                    at: table.location(c.locale))
            }
            let country = table.optionalString(c.country)
            if let country, country.utf8.count != 2 || !country.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) {
                diagnostics.error(
                    "invalid country \"\(country)\": expected an ISO 3166-1 alpha-2 code such as GR",
                    at: table.location(c.country))
            }
            let created = table.date(c.created, "created date", diagnostics: &diagnostics)
            if case .absent = created { diagnostics.error("missing created date", at: table.location(c.created)) }
            table.checkNoControlCharacters(c.first, "a first name", diagnostics: &diagnostics)
            table.checkNoControlCharacters(c.last, "a last name", diagnostics: &diagnostics)
            let consentEmail = table.bool(c.consentEmail, "consent_email", diagnostics: &diagnostics)
            let consentTracking = table.bool(c.consentTracking, "consent_tracking", diagnostics: &diagnostics)
            if let id {
                ids.recordIdentifier(
                    id, what: "customer id", at: table.offset(c.id), diagnostics: &diagnostics)
            }
            if let email, let id {
                // Mail systems treat addresses case-insensitively in practice (RFC 5321 §2.4 allows it).
                let hasCapitals = table.bytes(c.email).contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
                let key = hasCapitals ? email.lowercased() : email
                if let first = firstRowOfEmail[key] {
                    diagnostics.error(
                        "e-mail address already belongs to customer \"\(first.id)\"", at: table.location(c.email),
                        notes: [.init("first used here", at: source.location(atOffset: first.offset))])
                } else {
                    firstRowOfEmail[key] = (id, table.offset(c.email))
                }
            }
            guard diagnostics.errorCount == errorsBefore, let id, let created = created.value else {
                rejected.insert(id: id)
                continue
            }
            customers.append(
                Customer(
                    id: id, email: email, firstName: table.string(c.first), lastName: table.string(c.last),
                    locale: locale, country: country, created: created, consentEmail: consentEmail.value ?? false,
                    consentTracking: consentTracking.value ?? false, tags: ProductsLoader.list(table.string(c.tags))))
        }
        return (customers, rejected)
    }
}
