import Foundation
import VitrineKit

/// `vitrine ingest FILE… [--store DIR] [--state FILE] [--log-format FORMAT] [--batch-lines N] [--quiet] [--json]`
enum IngestCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "ingest",
            summary: "Read access logs into the store's state: tracked opens, clicks, unsubscribes and opt-outs.",
            positionals: [
                .init(
                    name: "FILE",
                    help: "An access log, plain or gzip; a rotated copy resumes where the file stopped.",
                    isOptional: false, isRepeated: true)
            ],
            options: [
                CommonOptions.store,
                .value("state", "FILE", "The store's state file (default: STORE/state.sqlite)."),
                .value(
                    "log-format", "FORMAT",
                    "combined, vitrine, json, or an nginx log_format string (default: combined or vitrine)."),
                .value("batch-lines", "N", "Lines per transaction with the file's checkpoint (default: 1000000)."),
                CommonOptions.quiet, CommonOptions.json,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> ExitCode {
        let options: IngestWorkflow.Options
        do {
            options = try IngestWorkflow.Options(
                store: arguments.value("store") ?? "Catalog", files: arguments.positionals,
                state: arguments.value("state"), logFormat: arguments.value("log-format"),
                batchLines: arguments.value("batch-lines"))
        } catch {
            throw UsageError(message: error.message)
        }
        let quiet = arguments.flag("quiet") || arguments.flag("json")
        let result = IngestWorkflow.run(options) {
            if !quiet { console.err("vitrine ingest: waiting for another ingest of this store to finish\n") }
        }
        console.print(result.diagnostics)
        guard let summary = result.summary else {
            return result.failed
                ? .failure : ExitCode(diagnostics: result.diagnostics) == .failure ? .failure : .badInput
        }
        CommonOptions.printSummary(
            arguments, console, json: { summary.renderedJSON() }, text: { summary.renderedLines() })
        return result.failed ? .failure : .success
    }
}
