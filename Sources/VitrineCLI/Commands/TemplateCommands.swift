import VitrineKit

/// `vitrine template render` and `vitrine theme check`: the theme author's tools.
enum TemplateCommands {
    static let render = Command(
        spec: CommandSpec(
            name: "template render",
            summary: "Render one Mustache template to stdout: exactly the rendered bytes, nothing added.",
            positionals: [.init(name: "TEMPLATE", help: "The .mustache file to render.", isOptional: false)],
            options: [
                .value("data", "FILE.json", "The data (context) as JSON; default: an empty object."),
                .value("partials", "DIR", "Where partial NAME is DIR/NAME.mustache; default: the template's folder."),
                .flag("strict", "A name that resolves to nothing is an error, not an empty string."),
            ]),
        run: { arguments, console in
            let options = TemplateRenderWorkflow.Options(
                dataFile: arguments.value("data"), partialsDirectory: arguments.value("partials"),
                strict: arguments.flag("strict"))
            switch TemplateRenderWorkflow.run(templateFile: arguments.positionals[0], options: options) {
            case .success(let bytes):
                console.outBytes(bytes)
                return .success
            case .failure(let failure):
                console.print(failure.diagnostics)
                if case .unreadable = failure { return .failure }
                return .badInput
            }
        })

    static let check = Command(
        spec: CommandSpec(
            name: "theme check",
            summary:
                "Parse every template of a theme strictly, check every partial it names, and render its pages and e-mails against the store's data.",
            positionals: [
                .init(name: "THEME", help: "A theme folder or name (default: the store's theme).", isOptional: true)
            ],
            options: [CommonOptions.store, CommonOptions.quiet]),
        run: { arguments, console in
            let outcome = ThemeCheckWorkflow.run(theme: arguments.positionals.first, store: arguments.value("store"))
            if let store = outcome.brokenStore {
                console.err(
                    "vitrine theme check: error: \(store) has errors (run vitrine check \(store)); pages are not rendered\n"
                )
            }
            console.print(outcome.diagnostics)
            if !arguments.flag("quiet") {
                let tally = Console.tally(outcome.diagnostics)
                console.out(
                    outcome.diagnostics.hasErrors
                        ? "\(outcome.theme): \(tally ?? "errors")\n"
                        : "\(outcome.theme): ok\(tally.map { " (\($0))" } ?? "")\n")
            }
            return outcome.hasErrors ? .badInput : .success
        })
}
