import Foundation
import VitrineKit

/// `vitrine mail CAMPAIGN [--store DIR] [--output DIR] [--segment ID]… [--limit N] [--as-of DATE] [--quiet] [--json]`
enum MailCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "mail",
            summary: "Write one MIME message per consenting recipient of a campaign into OUTPUT/mail/CAMPAIGN.",
            positionals: [.init(name: "CAMPAIGN", help: "The campaign's id in campaigns.json.", isOptional: false)],
            options: [
                CommonOptions.store, CommonOptions.output,
                .value("segment", "ID", "Mail only this segment of the campaign (repeat for several; default: all)."),
                .value("limit", "N", "Write at most N messages (the first recipients in customers.csv order)."),
                .value(
                    "as-of", "DATE",
                    "The day coupons must be valid on and the Date of the messages (default: the send date)."),
                .value(
                    "state", "FILE", "The store's state file: suppressions, opt-outs (default: STORE/state.sqlite)."),
                CommonOptions.quiet, CommonOptions.json,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> ExitCode {
        let output = arguments.value("output") ?? "Output"
        let options: MailWorkflow.Options
        do {
            options = try MailWorkflow.Options(
                store: arguments.value("store") ?? "Catalog", output: output,
                campaign: arguments.positionals.first ?? "", segments: arguments.allValues("segment"),
                limit: arguments.value("limit"), state: arguments.value("state"), asOf: arguments.value("as-of"))
        } catch {
            throw UsageError(message: error.message)
        }
        let result = ProgressBar.around(arguments, console, unit: "messages") {
            MailWorkflow.run(options, progress: $0)
        }
        console.print(result.diagnostics)
        guard let summary = result.summary else {
            return ExitCode(nothingDone: result.diagnostics, worldFailed: result.writeFailed)
        }
        CommonOptions.printSummary(
            arguments, console, json: { summary.renderedJSON(output: output) },
            text: { summary.renderedLines(output: output) })
        return .success
    }
}
