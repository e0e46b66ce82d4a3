import Diagnostics

/// The names a rule can use, each with its type. The spelling is the rule language's (snake_case).
public enum RuleField: String, Sendable, Hashable, CaseIterable {
    case monetaryRank = "monetary_rank"
    case orders
    case monetary
    case aov
    case daysSinceLastOrder = "days_since_last_order"
    case firstOrder = "first_order"
    case lastOrder = "last_order"
    case tenureDays = "tenure_days"
    case rScore = "r_score"
    case fScore = "f_score"
    case mScore = "m_score"
    case ltv
    case projectedLTV = "projected_ltv"
    case lifecycle
    case locale
    case country
    case tags
    case created
    case consentEmail = "consent_email"
    case consentTracking = "consent_tracking"
    case affinity
    case clicks30Days = "clicks_30d"
    case lastOpen = "last_open"
    case lastClick = "last_click"
    case clickedCategories = "clicked_categories"
    case unsubscribed

    public var type: RuleType {
        switch self {
        case .monetaryRank, .orders, .monetary, .aov, .daysSinceLastOrder, .tenureDays, .rScore, .fScore, .mScore,
            .ltv, .projectedLTV, .clicks30Days:
            .number
        case .firstOrder, .lastOrder, .created, .lastOpen, .lastClick: .date
        case .lifecycle, .locale, .country: .string
        case .tags, .clickedCategories: .stringList
        case .consentEmail, .consentTracking, .unsubscribed: .boolean
        case .affinity: .categoryMap
        }
    }

    /// The field closest to a misspelled name, by the same measure as every "did you mean" of vitrine.
    static func suggestion(for name: String) -> RuleField? {
        Spelling.suggestion(for: name, among: allCases.map(\.rawValue)).flatMap(RuleField.init(rawValue:))
    }
}

/// The types of the rule language.
public enum RuleType: Sendable, Hashable {
    case number, string, boolean, date, stringList, numberList, dateList, categoryMap

    var spelling: String {
        switch self {
        case .number: "a number"
        case .string: "a string"
        case .boolean: "a condition (true or false)"
        case .date: "a date"
        case .stringList: "a list of strings"
        case .numberList: "a list of numbers"
        case .dateList: "a list of dates"
        case .categoryMap: "a map of categories (write affinity[\"Category\"])"
        }
    }
}
