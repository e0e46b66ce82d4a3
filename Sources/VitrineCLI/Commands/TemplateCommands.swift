import Diagnostics
import Foundation
import Mustache
import Store
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
            let result = TemplateRendering.render(
                templateFile: arguments.positionals[0], dataFile: arguments.value("data"),
                partialsDirectory: arguments.value("partials"), strict: arguments.flag("strict"))
            switch result {
            case .success(let bytes):
                console.outBytes(bytes)
                return .success
            case .failure(let error):
                console.print(error.diagnostics)
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
            // Without --store, pages render against ./Catalog when there is one; a theme alone is still checked.
            let storeDirectory = arguments.value("store") ?? "Catalog"
            var (store, storeDiagnostics): (LoadedStore?, DiagnosticEngine) = (nil, DiagnosticEngine())
            if arguments.value("store") != nil || FileManager.default.fileExists(atPath: storeDirectory) {
                (store, storeDiagnostics) = StoreLoader.load(directory: storeDirectory)
            }
            if storeDiagnostics.hasErrors {
                console.err(
                    "vitrine theme check: error: \(storeDirectory) has errors (run vitrine check \(storeDirectory)); pages are not rendered\n"
                )
            }
            let theme = arguments.positionals.first ?? store?.settings.theme
            let directories = ThemeLocation.searchPath(theme: theme, store: storeDirectory)
            let diagnostics = ThemeCheckWorkflow.run(
                directories: directories, store: storeDiagnostics.hasErrors ? nil : store)
            console.print(diagnostics)
            if !arguments.flag("quiet") {
                let tally = Console.tally(diagnostics)
                let name = directories.first ?? "theme"
                console.out(
                    diagnostics.hasErrors
                        ? "\(name): \(tally ?? "errors")\n" : "\(name): ok\(tally.map { " (\($0))" } ?? "")\n")
            }
            return diagnostics.hasErrors || storeDiagnostics.hasErrors ? .badInput : .success
        })
}
