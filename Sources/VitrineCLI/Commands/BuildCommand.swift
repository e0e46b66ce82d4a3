import Foundation
import VitrineKit

/// `vitrine build [STORE] [--store DIR] [--output DIR] [--as-of DATE] [--segment ID]… [--shard i/n] [--state FILE] [--quiet]
/// [--json]`
enum BuildCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "build", summary: "Render every segment's catalog into OUTPUT/site, writing only what changed.",
            positionals: [.init(name: "STORE", help: "The store folder (same as --store).", isOptional: true)],
            options: [
                CommonOptions.store, CommonOptions.output,
                .value("as-of", "DATE", "The build date: coupons valid on it are offered (default: today)."),
                .value("segment", "ID", "Build only this segment (repeat for several; default: all)."),
                .value(
                    "gzip", "LEVEL",
                    "The zlib level of the .gz sibling of every compressible file, 1 to 9, or off (default: 9)."),
                .value("shard", "I/N", "Render only slice I of N (1 ≤ I ≤ N); N shards together make the full site."),
                .value(
                    "state", "FILE",
                    "The store's state file, whose ingested engagement rules read (default: STORE/state.sqlite)."),
                CommonOptions.quiet, CommonOptions.json,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> ExitCode {
        let store = try CommonOptions.storeDirectory(arguments)
        let output = arguments.value("output") ?? "Output"
        let options: BuildWorkflow.Options
        do {
            options = try BuildWorkflow.Options(
                store: store, output: output, asOf: arguments.value("as-of"), segments: arguments.allValues("segment"),
                shard: arguments.value("shard"), gzip: arguments.value("gzip"), state: arguments.value("state"))
        } catch {
            throw UsageError(message: error.message)
        }
        let result = ProgressBar.around(arguments, console, unit: "pages") { BuildWorkflow.run(options, progress: $0) }
        console.print(result.diagnostics)
        guard let summary = result.summary else {
            return ExitCode(nothingDone: result.diagnostics, worldFailed: result.writeFailed)
        }
        CommonOptions.printSummary(
            arguments, console, json: { summary.renderedJSON(output: output) },
            text: { summary.renderedLine(output: output) })
        return .success
    }
}
