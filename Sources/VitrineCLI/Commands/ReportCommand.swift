import VitrineKit

/// `vitrine report [--store DIR] [--output DIR] [--state FILE] [--campaign ID] [--as-of DATE] [--json] [--quiet]`
enum ReportCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "report",
            summary: "Report campaigns (opens, clicks, orders) and customers into OUTPUT/reports as HTML, CSV, JSON.",
            options: [
                CommonOptions.store, CommonOptions.output,
                .value(
                    "state", "FILE", "The store's state file (default: STORE/state.sqlite; none yet reports zeros)."),
                .value("campaign", "ID", "Report this campaign only (default: every campaign)."),
                .value(
                    "as-of", "DATE",
                    "See the store as it stood on this day: later orders are left out (default: the newest order)."),
                .flag("json", "Print the figures of report.json."), CommonOptions.quiet,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> ExitCode {
        let output = arguments.value("output") ?? "Output"
        let options: ReportWorkflow.Options
        do {
            options = try ReportWorkflow.Options(
                store: arguments.value("store") ?? "Catalog", output: output, state: arguments.value("state"),
                campaign: arguments.value("campaign"), asOf: arguments.value("as-of"))
        } catch {
            throw UsageError(message: error.message)
        }
        let result = ReportWorkflow.run(options)
        console.print(result.diagnostics)
        guard let summary = result.summary else {
            return ExitCode(nothingDone: result.diagnostics, worldFailed: result.ioFailed)
        }
        CommonOptions.printSummary(
            arguments, console, json: { summary.renderedJSON }, text: { summary.renderedText(output: output) })
        return .success
    }
}
