import Segmentation
import TextFormats

/// `vitrine segments --explain CUSTOMER_ID`: what the rules saw for one customer, and which rules were tried until
/// one matched. Only metrics and ids: no name or e-mail address.
public struct CustomerExplanation: Sendable {
    public struct Trial: Sendable, Hashable {
        public var segmentID: String
        /// Nil for the fallback.
        public var rule: String?
        public var matched: Bool
    }

    /// One of the customer's picks and why it is there.
    public struct Pick: Sendable, Hashable {
        public enum Reason: Sendable, Hashable {
            /// Near this product of theirs, and how it is theirs ("bought", "wish list", "clicked").
            case near(String, String)
            /// It sells now; none of their products leads to it.
            case popular
        }

        public var productID: String
        public var name: String
        public var reason: Reason
    }

    public var customerID: String
    public var segmentID: String
    public var asOf: Timestamp
    /// Every rule field with its value, in the order of `RuleField.allCases`.
    public var metrics: [(field: String, value: RuleValue)]
    public var tried: [Trial]
    /// Nil when recommendations were not made.
    public var picks: [Pick]?

    /// A value as the report prints it: numbers with up to 4 decimals, dates in ISO 8601, `none` when missing.
    static func text(_ value: RuleValue) -> String {
        switch value {
        case .number(let number?): ReportFormat.number(number)
        case .date(let day?): Timestamp(secondsSince1970: Int64(day) * Timestamp.secondsPerDay).isoDate
        case .number(nil), .date(nil): "none"
        case .string(let text): "\"\(text)\""
        case .boolean(let flag): flag ? "true" : "false"
        case .strings(let list): "[" + list.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .shares(let shares):
            "{" + shares.map { "\"\($0.category)\": \(ReportFormat.number($0.share))" }.joined(separator: ", ") + "}"
        }
    }

    /// Plain text for a terminal.
    public var renderedText: String {
        var out = "customer \(customerID) is in segment \(segmentID) (as of \(asOf.isoDate))\n\nmetrics:\n"
        let width = metrics.map(\.field.count).max() ?? 0
        for (field, value) in metrics {
            out += "  \(ReportFormat.pad(field, width))  \(Self.text(value))\n"
        }
        out += "\nrules tried, first match wins:\n"
        let idWidth = tried.map(\.segmentID.count).max() ?? 0
        for (index, trial) in tried.enumerated() {
            let outcome = trial.matched ? "matched" : "no"
            let rule = trial.rule ?? "(fallback: everyone else)"
            out += "  \(index + 1). \(ReportFormat.pad(trial.segmentID, idWidth))  \(outcome.padding(7))  \(rule)\n"
        }
        if let picks {
            out += "\npicks, best first:\n"
            let productWidth = picks.map(\.productID.count).max() ?? 0
            let nameWidth = min(40, picks.map(\.name.count).max() ?? 0)
            for (index, pick) in picks.enumerated() {
                let name = pick.name.count > nameWidth ? String(pick.name.prefix(nameWidth - 1)) + "…" : pick.name
                let because =
                    switch pick.reason {
                    case .near(let source, let how): "near \(source) (\(how))"
                    case .popular: "popular now"
                    }
                out +=
                    "  \(ReportFormat.padLeft(String(index + 1), 2)). \(ReportFormat.pad(pick.productID, productWidth))  "
                    + "\(ReportFormat.pad(name, nameWidth))  \(because)\n"
            }
        }
        return out
    }

    /// The same as a JSON object.
    public var renderedJSON: String {
        var members: [(String, JSONOutput)] = [
            ("customer", .string(customerID)), ("segment", .string(segmentID)), ("as_of", .string(asOf.isoDate)),
            ("metrics", .object(metrics.map { ($0.field, Self.json($0.value)) })),
            (
                "tried",
                .array(
                    tried.map { trial in
                        .oneLine(
                            .object([
                                ("segment", .string(trial.segmentID)),
                                ("rule", trial.rule.map(JSONOutput.string) ?? .null),
                                ("matched", .bool(trial.matched)),
                            ]))
                    })
            ),
        ]
        if let picks {
            let objects: [JSONOutput] = picks.map { pick in
                var fields: [(String, JSONOutput)] = [("product", .string(pick.productID))]
                switch pick.reason {
                case .near(let source, let how): fields += [("because", .string(how)), ("near", .string(source))]
                case .popular: fields.append(("because", .string("popular")))
                }
                return .oneLine(.object(fields))
            }
            members.append(("picks", .array(objects)))
        }
        return JSONOutput.object(members).serialized()
    }

    static func json(_ value: RuleValue) -> JSONOutput {
        switch value {
        case .number(let number?): .number(ReportFormat.number(number))
        case .date(let day?): .string(Timestamp(secondsSince1970: Int64(day) * Timestamp.secondsPerDay).isoDate)
        case .number(nil), .date(nil): .null
        case .string(let text): .string(text)
        case .boolean(let flag): .bool(flag)
        case .strings(let list): .oneLine(.array(list.map(JSONOutput.string)))
        case .shares(let shares):
            .oneLine(.object(shares.map { ($0.category, .number(ReportFormat.number($0.share))) }))
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { ReportFormat.pad(self, width) }
}
