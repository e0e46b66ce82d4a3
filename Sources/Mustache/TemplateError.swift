import Diagnostics

/// Everything that went wrong parsing or rendering, with the sources to print excerpts from.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: DiagnosticEngine

    public init(diagnostics: DiagnosticEngine) {
        self.diagnostics = diagnostics
    }

    init(_ problems: [Diagnostic], sources: [SourceText]) {
        var engine = DiagnosticEngine()
        for source in sources { engine.register(source) }
        for problem in problems { engine.emit(problem) }
        self.diagnostics = engine
    }

    /// One `file:line:col: error: message` line per problem, in file order.
    public var description: String {
        diagnostics.sorted.map(\.description).joined(separator: "\n")
    }
}
