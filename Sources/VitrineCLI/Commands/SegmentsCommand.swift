import Diagnostics
import Store
import TextFormats
import VitrineKit

/// `vitrine segments [STORE] [--json] [--explain CUSTOMER_ID] [--as-of DATE]`
enum SegmentsCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "segments",
            summary:
                "Put every customer in the first segment whose rule matches; print the segments and the 80/20 line.",
            positionals: [.init(name: "STORE", help: "The store folder (same as --store).", isOptional: true)],
            options: [
                CommonOptions.store,
                .value(
                    "explain", "CUSTOMER_ID",
                    "Show one customer's metrics, which rule matched, and their picks with the reason for each."),
                .value("as-of", "DATE", "The day recency is counted from (default: the newest order)."),
                CommonOptions.json,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) -> ExitCode {
        var asOf: Timestamp?
        if let text = arguments.value("as-of") {
            switch ISO8601.parse(text) {
            case .success(let timestamp): asOf = timestamp
            case .failure(let failure):
                console.err("vitrine segments: error: invalid --as-of \"\(text)\": \(failure)\n")
                return .badInput
            }
        }
        let directory = CommonOptions.storeDirectory(arguments)
        var (store, diagnostics) = StoreLoader.load(directory: directory)
        guard let store, !diagnostics.hasErrors else {
            console.print(diagnostics)
            return diagnostics.hasFailuresOfTheWorld ? .failure : .badInput
        }
        guard let report = SegmentsWorkflow.run(store, asOf: asOf, diagnostics: &diagnostics) else {
            console.print(diagnostics)
            return .badInput
        }
        console.print(diagnostics)
        if let customerID = arguments.value("explain") {
            guard let explanation = SegmentsWorkflow.explain(store, report: report, customerID: customerID) else {
                console.err("vitrine segments: error: no customer \"\(customerID)\" in \(directory)/customers.csv\n")
                return .badInput
            }
            console.out(arguments.flag("json") ? explanation.renderedJSON : explanation.renderedText)
            return .success
        }
        console.out(arguments.flag("json") ? report.renderedJSON : report.renderedTable)
        return .success
    }
}
