import Store
import TextFormats
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

    static func run(_ arguments: ParsedArguments, _ console: Console) -> ExitCode {
        var format: ProductFileFormat?
        if let name = arguments.value("format") {
            guard let known = ProductFileFormat(rawValue: name) else {
                console.err("vitrine check: error: unknown format '\(name)' (vitrine, woocommerce or shopify)\n")
                return .badInput
            }
            format = known
        }
        let directory = CommonOptions.storeDirectory(arguments)
        let result = CheckWorkflow.run(directory: directory, productFormat: format)
        console.print(result.diagnostics)
        let ok = !result.diagnostics.hasErrors
        if arguments.flag("json") {
            var members: [(String, JSONOutput)] = [("store", .string(directory)), ("ok", .bool(ok))]
            members += result.summary.rows.map { ($0.key, .int($0.value)) }
            members += [
                ("errors", .int(result.diagnostics.errorCount)), ("warnings", .int(result.diagnostics.warningCount)),
            ]
            console.out(JSONOutput.object(members).serialized())
        } else if !arguments.flag("quiet") {
            var text = ""
            if result.store != nil {
                for row in result.summary.rows {
                    text +=
                        "  " + row.label.padding(toLength: 22, withPad: " ", startingAt: 0) + String(row.value) + "\n"
                }
            }
            let tally = Console.tally(result.diagnostics)
            text += ok ? "\(directory): ok\(tally.map { " (\($0))" } ?? "")\n" : "\(directory): \(tally ?? "errors")\n"
            console.out(text)
        }
        return ok ? .success : result.diagnostics.hasFailuresOfTheWorld ? .failure : .badInput
    }
}
