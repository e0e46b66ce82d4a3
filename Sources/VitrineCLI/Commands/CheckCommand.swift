import VitrineKit

/// `vitrine check [STORE]`
enum CheckCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "check", summary: "Load a store, cross-check every file and print what it holds.",
            positionals: [.init(name: "STORE", help: "The store folder (same as --store).", isOptional: true)],
            options: [
                CommonOptions.store,
                .value(
                    "format", "FORMAT", "Format of products.csv: vitrine, woocommerce or shopify (default: detected)."),
                CommonOptions.json, CommonOptions.quiet,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> ExitCode {
        let directory = try CommonOptions.storeDirectory(arguments)
        let result: CheckWorkflow.Result
        do {
            result = try CheckWorkflow.run(directory: directory, format: arguments.value("format"))
        } catch {
            throw UsageError(message: error.message)
        }
        console.print(result.diagnostics)
        if let hint = result.hint { console.err("note: \(hint)\n") }
        if arguments.flag("json") {
            console.out(result.renderedJSON(directory: directory))
        } else if !arguments.flag("quiet") {
            let tally = Console.tally(result.diagnostics)
            console.out(
                result.renderedTable
                    + (result.isOK
                        ? "\(directory): ok\(tally.map { " (\($0))" } ?? "")\n"
                        : "\(directory): \(tally ?? "errors")\n"))
        }
        return ExitCode(diagnostics: result.diagnostics)
    }
}
