import Diagnostics
import Foundation

/// The templates partials and parents are looked up in, by name (`card`, `partials/card`).
///
/// Built up front and immutable, so renders on many threads share it without locks. `load(directories:)`
/// is the theme loader: it finds every `NAME.mustache` under an ordered list of directories, and a name
/// found in an earlier directory hides the same name in later ones (a store's theme overrides any single
/// file of `Themes/default/`). Each file is parsed once.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template]

    public init() {
        templates = [:]
    }

    /// A library of compiled templates, keyed by their names.
    public init(_ templates: [Template]) {
        self.templates = [:]
        for template in templates where self.templates[template.name] == nil {
            self.templates[template.name] = template
        }
    }

    /// Parses in-memory templates (name → source); syntax errors go to `diagnostics`.
    public init(sources: [String: String], diagnostics: inout DiagnosticEngine) {
        self.templates = [:]
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let source = SourceText(path: name, text: text)
            let template = Template(source: source, name: name)
            diagnostics.register(source)
            for problem in template.diagnostics { diagnostics.emit(problem) }
            templates[name] = template
        }
    }

    /// The template called `name`, if any.
    public subscript(name: String) -> Template? {
        templates[name]
    }

    /// Every name, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// Adds (or replaces) a template under its name.
    public mutating func add(_ template: Template) {
        templates[template.name] = template
    }

    var sources: [SourceText] { templates.values.map(\.source.text) }

    /// Loads every `.mustache` file under `directories` (searched in order; the first file found for a name
    /// wins). A file's name is its path below its directory without the extension. Syntax errors and
    /// unreadable files go to `diagnostics`; a directory that does not exist is skipped (a store without its
    /// own theme), unless none of them exists.
    public static func load(directories: [String], diagnostics: inout DiagnosticEngine) -> TemplateLibrary {
        var library = TemplateLibrary()
        var anyDirectory = false
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else { continue }
            anyDirectory = true
            for relative in mustacheFiles(in: directory) {
                let name = String(relative.dropLast(".mustache".count))
                guard library.templates[name] == nil else { continue }
                let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
                guard let template = loadTemplate(path: path, name: name, diagnostics: &diagnostics) else { continue }
                library.templates[name] = template
            }
        }
        if !anyDirectory {
            diagnostics.error(
                "no template directory found (looked in \(directories.joined(separator: ", ")))", at: nil)
        }
        return library
    }

    /// Reads and parses one file; nil (with a diagnostic) when it cannot be read.
    static func loadTemplate(path: String, name: String, diagnostics: inout DiagnosticEngine) -> Template? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read template \(path)", at: nil)
            return nil
        }
        let source = SourceText(path: path, bytes: [UInt8](data))
        diagnostics.register(source)
        let template = Template(source: source, name: name)
        for problem in template.diagnostics { diagnostics.emit(problem) }
        return template
    }

    /// Paths of `.mustache` files below `directory`, relative to it, sorted (deterministic diagnostics).
    static func mustacheFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".mustache") { found.append(path) }
        }
        return found.sorted()
    }

    /// Checks that every partial and parent named literally by every template exists in the library;
    /// each miss is an error at the tag.
    public func checkReferences(diagnostics: inout DiagnosticEngine) {
        for name in names {
            guard let template = templates[name] else { continue }
            for reference in template.references where templates[reference.name] == nil {
                diagnostics.error("unknown partial \"\(reference.name)\"", at: reference.location)
            }
        }
    }

    /// Renders the template called `name` with this library for its partials.
    public func render(_ name: String, _ context: MustacheValue, options: RenderOptions = .lenient)
        -> Result<[UInt8], TemplateError>
    {
        guard let template = templates[name] else {
            var engine = DiagnosticEngine()
            engine.error("unknown template \"\(name)\"", at: nil)
            return .failure(TemplateError(diagnostics: engine))
        }
        return template.render(context, library: self, options: options)
    }
}
