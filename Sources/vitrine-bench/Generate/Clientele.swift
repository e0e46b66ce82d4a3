import SeededRandom

/// How a profile's customers are made up: languages and countries, business buyers, e-mail and consent.
struct Clientele {
    struct LocaleShare {
        var locale: String
        var share: Double
        var countries: [(code: String, share: Double)]
    }

    var count: Int
    var locales: [LocaleShare]
    var businessShare: Double
    var noEmailShare: Double
    var consentEmailShare: Double
    /// Of those who consent to e-mail.
    var consentTrackingShare: Double
    /// `c000042@example.com` (unique by construction, for W1) rather than addresses made from names.
    var numberedEmails: Bool
    var firstCreated: CalendarDay
    var lastCreated: CalendarDay

    /// Customers in sign-up order: `c-0001` is the oldest account. More accounts are recent (a growing shop).
    func make(random: inout SplitMix64) -> [CustomerRecord] {
        let span = Double(lastCreated - firstCreated + 1)
        var created = (0..<count).map { _ in firstCreated + min(Int(span) - 1, Int(span * random.unit().squareRoot())) }
        created.sort()
        let width = max(4, String(count).count)
        let localeIndex = WeightedIndex(weights: locales.map(\.share))
        let countryIndex = locales.map { WeightedIndex(weights: $0.countries.map(\.share)) }
        var emails = Set<String>()
        var customers: [CustomerRecord] = []
        customers.reserveCapacity(count)
        for index in 0..<count {
            let localeNumber = localeIndex.draw(&random)
            let locale = locales[localeNumber]
            let (first, last) = PersonNames.forLocale(locale.locale).draw(&random)
            var digits = [UInt8]()
            ByteBuffer.appendPadded(index + 1, width: width, to: &digits)
            let number = String(decoding: digits, as: UTF8.self)
            var email = ""
            if !random.chance(noEmailShare) {
                email = numberedEmails ? "c\(number)@example.com" : personalEmail(first.latin, last.latin, &random)
                while !emails.insert(email).inserted {
                    email = personalEmail(first.latin, last.latin + String(random.int(in: 2...99)), &random)
                }
            }
            let consentEmail = !email.isEmpty && random.chance(consentEmailShare)
            var tags: [String] = []
            if random.chance(businessShare) { tags = random.chance(0.4) ? ["b2b", "horeca"] : ["b2b"] }
            customers.append(
                CustomerRecord(
                    id: "c-\(number)", email: email, firstName: first.native, lastName: last.native,
                    locale: locale.locale, country: locale.countries[countryIndex[localeNumber].draw(&random)].code,
                    created: created[index], consentEmail: consentEmail,
                    consentTracking: consentEmail ? random.chance(consentTrackingShare) : random.chance(0.05),
                    tags: tags))
        }
        return customers
    }

    private func personalEmail(_ first: String, _ last: String, _ random: inout SplitMix64) -> String {
        let domain = random.pick(["example.com", "example.org", "example.net", "mail.example.com"])
        let local =
            switch random.below(5) {
            case 0: "\(first)\(last)"
            case 1: "\(first)_\(last)"
            case 2: "\(first.prefix(1)).\(last)"
            default: "\(first).\(last)"
            }
        return "\(local)@\(domain)"
    }
}
