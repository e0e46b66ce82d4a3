import Diagnostics
import Foundation
import Mustache
import Store

/// `vitrine template render TEMPLATE [--data FILE.json] [--partials DIR] [--strict]`: one template rendered to
/// exactly its bytes, nothing added.
///
/// Partial `name` is the file `DIR/name.mustache` (default DIR: the template's own folder), and only a file below
/// DIR: a name with a `..` part, a leading `/` or a NUL is an error at its tag. A partial with no file renders as
/// nothing (spec "Failed Lookup"), or is an error at its tag in strict mode, as is a name that resolves to nothing.
public enum TemplateRenderWorkflow {
    public struct Options: Sendable {
        /// The data (context) as JSON; nil for an empty object.
        public var dataFile: String?
        /// Where partials are; nil for the template's own folder.
        public var partialsDirectory: String?
        /// A name that resolves to nothing (variable, section, partial) is an error rather than nothing.
        public var strict: Bool

        public init(dataFile: String? = nil, partialsDirectory: String? = nil, strict: Bool = false) {
            self.dataFile = dataFile
            self.partialsDirectory = partialsDirectory
            self.strict = strict
        }
    }

    /// Why nothing was rendered, with every diagnostic (sources registered for excerpts).
    public enum Failure: Error {
        /// A file could not be read: a failure of the world.
        case unreadable(DiagnosticEngine)
        /// The template, a partial or the data is wrong.
        case invalid(DiagnosticEngine)

        public var diagnostics: DiagnosticEngine {
            switch self {
            case .unreadable(let diagnostics), .invalid(let diagnostics): diagnostics
            }
        }
    }

    /// The rendered bytes, or every problem met: syntax errors of the template and of the partials it uses, bad
    /// JSON, files that cannot be read, and (strict) names that resolve to nothing.
    public static func run(templateFile: String, options: Options = Options()) -> Result<[UInt8], Failure> {
        var diagnostics = DiagnosticEngine()
        guard let main = ThemeLoader.template(path: templateFile, name: templateFile, diagnostics: &diagnostics)
        else { return .failure(.unreadable(diagnostics)) }

        var unreadable = false
        let directory = options.partialsDirectory ?? parentDirectory(of: templateFile)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            // A mistyped --partials would otherwise render every partial as nothing without a word.
            diagnostics.error("cannot read partials folder \(directory): no such folder", at: nil)
            unreadable = true
        }
        let library = partials(of: main, in: directory, diagnostics: &diagnostics, unreadable: &unreadable)
        var context = MustacheValue.map([:])
        if let dataFile = options.dataFile {
            if let source = SourceFiles.read(dataFile, diagnostics: &diagnostics) {
                switch MustacheValue.parseJSON(source) {
                case .success(let value): context = value
                case .failure(let error): diagnostics.merge(error.diagnostics)
                }
            } else {
                unreadable = true
            }
        }
        if unreadable { return .failure(.unreadable(diagnostics)) }
        guard !diagnostics.hasErrors else { return .failure(.invalid(diagnostics)) }

        var output: [UInt8] = []
        let problems = main.render(
            context, library: library, options: options.strict ? .strict : .lenient, into: &output)
        guard problems.isEmpty else {
            for problem in problems { diagnostics.emit(problem) }
            return .failure(.invalid(diagnostics))
        }
        return .success(output)
    }

    /// The partials `main` needs, loaded from `directory`: every name it (and they, transitively) use literally
    /// that has a file; when a dynamic name (`{{>*name}}`) appears, every template of the folder is loaded too.
    private static func partials(
        of main: Template, in directory: String, diagnostics: inout DiagnosticEngine, unreadable: inout Bool
    ) -> TemplateLibrary {
        var library = TemplateLibrary()
        var pending = [main]
        var refused: Set<String> = []
        var usesDynamicNames = main.usesDynamicNames
        while let template = pending.popLast() {
            for reference in template.references where library[reference.name] == nil {
                if let problem = ThemeLocation.relativePathProblem(reference.name) {
                    diagnostics.error(
                        "partial name \"\(ThemeLocation.printable(reference.name))\" \(problem): partials are files below"
                            + " \(directory)", at: reference.location)
                    refused.insert(reference.name)
                    continue
                }
                let path = ThemeLoader.join(directory, reference.name + ".mustache")
                // No file: the tag renders as nothing, or is an error where strict rendering reaches it.
                guard !refused.contains(reference.name), FileManager.default.fileExists(atPath: path) else {
                    continue
                }
                guard let partial = ThemeLoader.template(path: path, name: reference.name, diagnostics: &diagnostics)
                else {
                    unreadable = true
                    refused.insert(reference.name)
                    continue
                }
                library.add(partial)
                usesDynamicNames = usesDynamicNames || partial.usesDynamicNames
                pending.append(partial)
            }
        }
        if usesDynamicNames {
            var ignored = DiagnosticEngine()
            let everything = ThemeLoader.library(directories: [directory], diagnostics: &ignored)
            for name in everything.names where library[name] == nil {
                if let template = everything[name] { library.add(template) }
            }
        }
        return library
    }

    private static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
