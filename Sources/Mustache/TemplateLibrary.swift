import Diagnostics

/// The templates partials and parents are looked up in, by name (`card`, `partials/card`).
///
/// Built up front and immutable, so renders on many threads share it without locks. The engine reads no
/// files: a theme loader (vitrine's `ThemeLoader`) fills it from folders.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] {
        didSet { keyed = Self.keyed(templates) }
    }
    /// The same templates for the render path: a theme has a few dozen, and a scan over their names'
    /// fingerprints costs less than hashing the name of every partial included.
    private var keyed = Keyed()

    private struct Keyed: Sendable {
        var fingerprints: [UInt64] = []
        var names: [String] = []
        var templates: [Template] = []
    }

    public init() {
        templates = [:]
    }

    /// A library of compiled templates, keyed by their names.
    public init(_ templates: [Template]) {
        self.templates = [:]
        for template in templates where self.templates[template.name] == nil {
            self.templates[template.name] = template
        }
        keyed = Self.keyed(self.templates)
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
        keyed = Self.keyed(templates)
    }

    /// Observers do not run in an initializer: every one ends with this.
    private static func keyed(_ templates: [String: Template]) -> Keyed {
        var keyed = Keyed()
        for (name, template) in templates {
            keyed.fingerprints.append(MapKey(name).fingerprint)
            keyed.names.append(name)
            keyed.templates.append(template)
        }
        return keyed
    }

    /// The template called `name`, if any.
    public subscript(name: String) -> Template? {
        templates[name]
    }

    /// The render path's lookup of a name written in a template.
    func template(for name: MapKey) -> Template? {
        let position = keyed.fingerprints.withUnsafeBufferPointer { fingerprints -> Int? in
            for position in fingerprints.indices where fingerprints[position] == name.fingerprint {
                if name.isExact || keyed.names[position] == name.string { return position }
            }
            return nil
        }
        return position.map { keyed.templates[$0] }
    }

    /// Every name, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// Adds (or replaces) a template under its name.
    public mutating func add(_ template: Template) {
        templates[template.name] = template
    }

    var sources: [SourceText] { templates.values.map(\.source.text) }

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
