/// Collects every finding of a run (loaders keep going after the first problem) and decides the outcome.
/// Sources are registered so the printer can show the offending line with a caret.
public struct DiagnosticEngine: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var sources: [String: SourceText] = [:]

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        emit(.error(message, at: location, notes: notes))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        emit(.warning(message, at: location, notes: notes))
    }

    /// Makes a file's text available for source-line excerpts.
    public mutating func register(_ source: SourceText) {
        sources[source.path] = source
    }

    /// Takes over another engine's findings and sources (a stage that ran with its own engine).
    public mutating func merge(_ other: DiagnosticEngine) {
        diagnostics.append(contentsOf: other.diagnostics)
        sources.merge(other.sources) { mine, _ in mine }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// Findings in file order (stable for equal places), the way compilers list them.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let l = lhs.element.location
            let r = rhs.element.location
            switch (l, r) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?):
                if l.file != r.file { return lhs.offset < rhs.offset }
                if l.line != r.line { return l.line < r.line }
                if l.column != r.column { return l.column < r.column }
                return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}
