import VitrineKit

/// `vitrine segments [STORE] [--json] [--explain CUSTOMER_ID] [--as-of DATE] [--state FILE]`
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
                .value(
                    "as-of", "DATE",
                    "See the store as it stood on this day: later orders are left out (default: the newest order)."),
                .value(
                    "state", "FILE",
                    "The store's state file, whose ingested engagement rules read (default: STORE/state.sqlite)."),
                CommonOptions.json,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> ExitCode {
        let directory = try CommonOptions.storeDirectory(arguments)
        let outcome: SegmentsWorkflow.Outcome
        do {
            outcome = try SegmentsWorkflow.run(
                directory: directory, asOf: arguments.value("as-of"),
                explain: arguments.value("explain"), state: arguments.value("state"))
        } catch {
            throw UsageError(message: error.message)
        }
        console.print(outcome.diagnostics)
        guard outcome.report != nil else {
            let status = ExitCode(diagnostics: outcome.diagnostics)
            return status == .success ? .badInput : status
        }
        if let message = outcome.unknownCustomer {
            console.err("vitrine segments: error: \(message)\n")
            return .badInput
        }
        console.out(outcome.rendered(json: arguments.flag("json")))
        return .success
    }
}
