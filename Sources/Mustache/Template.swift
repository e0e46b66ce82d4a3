import Diagnostics

/// A compiled Mustache template: parsed once, immutable, rendered any number of times from any thread.
///
///     let template = try Template("Hello {{name}}!")
///     let bytes = try template.render(["name": "Ada"]).get()
public struct Template: Sendable {
    /// One reference: every include of a partial passes a template around, and four fields meant four retains.
    private let compiled: Compiled

    private final class Compiled: Sendable {
        let name: String
        let source: SourceRef
        let nodes: [Node]
        let diagnostics: [Diagnostic]
        init(name: String, source: SourceRef, nodes: [Node], diagnostics: [Diagnostic]) {
            self.name = name
            self.source = source
            self.nodes = nodes
            self.diagnostics = diagnostics
        }
    }

    /// The name partials use to refer to it (`partials/card`).
    public var name: String { compiled.name }
    var source: SourceRef { compiled.source }
    var nodes: [Node] { compiled.nodes }
    /// Every syntax error of the source (empty for a good template).
    public var diagnostics: [Diagnostic] { compiled.diagnostics }

    /// Parses `source`, recovering after errors: the diagnostics list all of them. A template with errors
    /// still renders what it could make sense of; callers that must not ship it check `hasErrors`.
    public init(source: SourceText, name: String? = nil) {
        let reference = SourceRef(source)
        var parser = TemplateParser(source: reference)
        let nodes = parser.parse()
        compiled = Compiled(
            name: name ?? source.path, source: reference, nodes: nodes, diagnostics: parser.diagnostics)
    }

    /// Parses a template held in memory; throws every syntax error at once.
    public init(_ text: String, name: String = "template") throws(TemplateError) {
        self.init(source: SourceText(path: name, text: text), name: name)
        if hasErrors {
            var engine = DiagnosticEngine()
            engine.register(source.text)
            for diagnostic in diagnostics { engine.emit(diagnostic) }
            throw TemplateError(diagnostics: engine)
        }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The source text (for diagnostics printing).
    public var sourceText: SourceText { source.text }

    /// Appends the render to `output` (the hot path: reuse one buffer across renders) and returns the
    /// problems met (strict-mode misses, runaway recursion; lenient renders of good data return none).
    @discardableResult
    public func render(
        _ context: MustacheValue, library: TemplateLibrary = TemplateLibrary(), options: RenderOptions = .lenient,
        into output: inout [UInt8]
    ) -> [Diagnostic] {
        var renderer = Renderer(out: [], context: context, library: library, options: options, source: source)
        swap(&renderer.out, &output)
        renderer.render(nodes)
        swap(&renderer.out, &output)
        return renderer.diagnostics
    }

    /// Renders to a new buffer; fails with every problem met.
    public func render(
        _ context: MustacheValue, library: TemplateLibrary = TemplateLibrary(), options: RenderOptions = .lenient
    ) -> Result<[UInt8], TemplateError> {
        var output: [UInt8] = []
        let problems = render(context, library: library, options: options, into: &output)
        if problems.isEmpty { return .success(output) }
        return .failure(TemplateError(problems, sources: [source.text] + library.sources))
    }

    /// Renders to a `String` (tests, small texts); throws every problem met.
    public func renderString(
        _ context: MustacheValue, library: TemplateLibrary = TemplateLibrary(), options: RenderOptions = .lenient
    ) throws(TemplateError) -> String {
        String(decoding: try render(context, library: library, options: options).get(), as: UTF8.self)
    }

    /// The partials and parents this template names literally, with where (dynamic names are left out).
    public var references: [(name: String, location: SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        collectReferences(nodes, into: &found)
        return found
    }

    /// Whether a partial or parent name is looked up in the context (`{{>*name}}`).
    public var usesDynamicNames: Bool { containsDynamicName(nodes) }

    private func containsDynamicName(_ nodes: [Node]) -> Bool {
        nodes.contains { node in
            switch node {
            case .text, .variable: false
            case .section(let section): containsDynamicName(section.nodes)
            case .block(let block): containsDynamicName(block.content.nodes)
            case .partial(let call): if case .dynamic = call.reference { true } else { false }
            case .parent(let call):
                if case .dynamic = call.reference {
                    true
                } else {
                    call.overrides.values.contains { containsDynamicName($0.nodes) }
                }
            }
        }
    }

    private func collectReferences(_ nodes: [Node], into found: inout [(String, SourceLocation)]) {
        for node in nodes {
            switch node {
            case .text, .variable: break
            case .section(let section): collectReferences(section.nodes, into: &found)
            case .block(let block): collectReferences(block.content.nodes, into: &found)
            case .partial(let call):
                if case .fixed(let name) = call.reference {
                    found.append((name.string, source.text.location(atOffset: call.offset)))
                }
            case .parent(let call):
                if case .fixed(let name) = call.reference {
                    found.append((name.string, source.text.location(atOffset: call.offset)))
                }
                for content in call.overrides.values { collectReferences(content.nodes, into: &found) }
            }
        }
    }
}
