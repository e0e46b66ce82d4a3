import Diagnostics
import Foundation

/// The workflows the CLI calls: one function per command, each returning bytes or every diagnostic.
public enum TemplateRendering {
    /// `vitrine template render TEMPLATE [--data FILE.json] [--partials DIR] [--strict]`: exactly the rendered
    /// bytes, nothing added. Partial `name` is the file `DIR/name.mustache` (default DIR: the template's own
    /// folder). Any syntax error in the template or a partial it uses, a partial that does not exist, bad JSON,
    /// or (strict) a name that resolves to nothing fails with every diagnostic, sources registered for excerpts.
    public static func render(
        templateFile: String, dataFile: String? = nil, partialsDirectory: String? = nil, strict: Bool = false
    ) -> Result<[UInt8], TemplateError> {
        var diagnostics = DiagnosticEngine()
        guard let main = TemplateLibrary.loadTemplate(path: templateFile, name: templateFile, diagnostics: &diagnostics)
        else { return .failure(TemplateError(diagnostics: diagnostics)) }

        let directory = partialsDirectory ?? parentDirectory(of: templateFile)
        let library = partials(of: main, in: directory, diagnostics: &diagnostics)

        var context = MustacheValue.map([:])
        if let dataFile {
            if let data = FileManager.default.contents(atPath: dataFile) {
                let source = SourceText(path: dataFile, bytes: [UInt8](data))
                switch MustacheValue.parseJSON(source) {
                case .success(let value): context = value
                case .failure(let error): diagnostics.merge(error.diagnostics)
                }
            } else {
                diagnostics.error("cannot read data file \(dataFile)", at: nil)
            }
        }
        guard !diagnostics.hasErrors else { return .failure(TemplateError(diagnostics: diagnostics)) }

        var output: [UInt8] = []
        let problems = main.render(context, library: library, options: strict ? .strict : .lenient, into: &output)
        guard problems.isEmpty else {
            for problem in problems { diagnostics.emit(problem) }
            return .failure(TemplateError(diagnostics: diagnostics))
        }
        return .success(output)
    }

    /// `vitrine theme check`: parses every `.mustache` file under `directories` (a store's theme first, then
    /// the default theme), reporting every syntax error of every file, and checks that every partial and
    /// parent named in a template that is in use resolves (through the same override order renders use).
    public static func checkTheme(directories: [String]) -> DiagnosticEngine {
        var diagnostics = DiagnosticEngine()
        var ignored = DiagnosticEngine()
        let library = TemplateLibrary.load(directories: directories, diagnostics: &ignored)
        if library.names.isEmpty {
            diagnostics.error("no .mustache templates in \(directories.joined(separator: ", "))", at: nil)
        }
        // Every file, also one hidden by an override (it is the default a store falls back to), with its
        // syntax errors and then the partials it names that resolve to nothing.
        for directory in directories {
            for relative in TemplateLibrary.mustacheFiles(in: directory) {
                let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
                guard let template = TemplateLibrary.loadTemplate(path: path, name: relative, diagnostics: &diagnostics)
                else { continue }
                for reference in template.references where library[reference.name] == nil {
                    diagnostics.error("unknown partial \"\(reference.name)\"", at: reference.location)
                }
            }
        }
        return diagnostics
    }

    /// The partials `main` needs, loaded from `directory`: every name it (and they, transitively) use literally
    /// must exist; when a dynamic name (`{{>*name}}`) appears, every template of the directory is loaded too.
    private static func partials(of main: Template, in directory: String, diagnostics: inout DiagnosticEngine)
        -> TemplateLibrary
    {
        var library = TemplateLibrary()
        var pending = [main]
        var usesDynamicNames = main.usesDynamicNames
        while let template = pending.popLast() {
            for reference in template.references where library[reference.name] == nil {
                let path = directory + "/" + reference.name + ".mustache"
                guard FileManager.default.fileExists(atPath: path) else {
                    diagnostics.error(
                        "partial \"\(reference.name)\" not found (no file \(path))", at: reference.location)
                    continue
                }
                guard let partial = loadTemplate(path, name: reference.name, into: &library, &diagnostics) else {
                    continue
                }
                usesDynamicNames = usesDynamicNames || partial.usesDynamicNames
                pending.append(partial)
            }
        }
        if usesDynamicNames {
            var ignored = DiagnosticEngine()
            let everything = TemplateLibrary.load(directories: [directory], diagnostics: &ignored)
            for name in everything.names where library[name] == nil {
                if let template = everything[name] { library.add(template) }
            }
        }
        return library
    }

    private static func loadTemplate(
        _ path: String, name: String, into library: inout TemplateLibrary, _ diagnostics: inout DiagnosticEngine
    ) -> Template? {
        guard let template = TemplateLibrary.loadTemplate(path: path, name: name, diagnostics: &diagnostics) else {
            return nil
        }
        library.add(template)
        return template
    }

    private static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
