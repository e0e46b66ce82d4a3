import Diagnostics
import Store
import TextFormats

extension SegmentsWorkflow {
    /// What `vitrine segments` prints: the table or JSON of every segment, or one customer's explanation.
    public struct Outcome: Sendable {
        public var diagnostics: DiagnosticEngine
        /// Nil when the store or its rules have errors (they are in `diagnostics`).
        public var report: SegmentReport?
        public var explanation: CustomerExplanation?
        /// `--explain` named a customer the store does not have: what to tell the user.
        public var unknownCustomer: String?
        /// The store's currency, for the table's money column.
        public var currency: String

        /// The text a terminal shows, or the same as JSON.
        public func rendered(json: Bool) -> String {
            if let explanation { return json ? explanation.renderedJSON : explanation.renderedText }
            guard let report else { return "" }
            return json ? report.renderedJSON : report.renderedTable(currency: currency)
        }
    }

    /// Loads the store in `directory` and segments it as it stood on `asOf` (`YYYY-MM-DD`, default: the day of the
    /// newest order), with the engagement of its state file; with `explain`, that customer's metrics, rules tried and
    /// picks.
    public static func run(
        directory: String, asOf: String?, explain customerID: String?, state: String? = nil
    ) throws(OptionError) -> Outcome {
        let day = try OptionError.day(asOf, option: "as-of")
        var (store, diagnostics) = StoreLoader.load(directory: directory)
        var outcome = Outcome(
            diagnostics: diagnostics, report: nil, explanation: nil, unknownCustomer: nil,
            currency: store?.settings.currency ?? "")
        guard let store, !diagnostics.hasErrors,
            let report = run(store, storeFolder: directory, state: state, asOf: day, diagnostics: &diagnostics)
        else {
            outcome.diagnostics = diagnostics
            return outcome
        }
        outcome.diagnostics = diagnostics
        outcome.report = report
        if let customerID {
            outcome.explanation = explain(store, report: report, customerID: customerID)
            if outcome.explanation == nil {
                outcome.unknownCustomer = "no customer \"\(customerID)\" in \(directory)/customers.csv"
            }
        }
        return outcome
    }
}
