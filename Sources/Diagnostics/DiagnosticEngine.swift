/// Collects every finding of a run (loaders keep going after the first problem) and decides the outcome.
/// Sources are registered so the printer can show the offending line with a caret.
///
/// A hostile or broken file can hold a million mistakes of one kind: the engine keeps the first
/// `retainedPerKind` of each kind (same file, same severity, same message but for its quoted values and numbers),
/// counts the rest, and the last one kept says "N more … like this". Counts and the outcome include every finding.
public struct DiagnosticEngine: Sendable {
    /// The findings kept, in the order they were emitted; the last of a capped kind carries the "more" note.
    public var diagnostics: [Diagnostic] {
        guard !suppressed.isEmpty else { return stored }
        var all = stored
        for (_, kind) in suppressed where kind.count > 0 {
            let severity = all[kind.lastIndex].severity.rawValue
            let file = all[kind.lastIndex].location.map { " in \($0.file)" } ?? ""
            all[kind.lastIndex].notes.append(
                .init("\(kind.count) more \(severity)\(kind.count == 1 ? "" : "s") like this\(file)"))
        }
        return all
    }
    public private(set) var sources: [String: SourceText] = [:]
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0

    /// Findings of one kind kept before the rest are only counted.
    public static let retainedPerKind = 100

    private var stored: [Diagnostic] = []
    /// Per kind: how many were kept, where the last one kept is, and how many more were only counted.
    private var suppressed: [String: (kept: Int, lastIndex: Int, count: Int)] = [:]

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) {
        emit(diagnostic, alsoSuppressed: 0)
    }

    private mutating func emit(_ diagnostic: Diagnostic, alsoSuppressed: Int) {
        var diagnostic = diagnostic
        diagnostic.message = Diagnostic.displayable(diagnostic.message)
        for index in diagnostic.notes.indices {
            diagnostic.notes[index].message = Diagnostic.displayable(diagnostic.notes[index].message)
        }
        let total = 1 + alsoSuppressed
        if diagnostic.isFailureOfTheWorld { hasFailuresOfTheWorld = true }
        switch diagnostic.severity {
        case .error: errorCount += total
        case .warning: warningCount += total
        case .note: break
        }
        let key = Self.kind(of: diagnostic)
        var kind = suppressed[key] ?? (0, 0, 0)
        if kind.kept < Self.retainedPerKind {
            kind.kept += 1
            kind.lastIndex = stored.count
            stored.append(diagnostic)
        } else {
            kind.count += 1
        }
        kind.count += alsoSuppressed
        suppressed[key] = kind
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

    /// Takes over another engine's findings and sources (a stage that ran with its own engine), with the same
    /// limit per kind over both.
    public mutating func merge(_ other: DiagnosticEngine) {
        var countedElsewhere: [Int: Int] = [:]
        for (_, kind) in other.suppressed where kind.count > 0 { countedElsewhere[kind.lastIndex] = kind.count }
        for (index, diagnostic) in other.stored.enumerated() {
            emit(diagnostic, alsoSuppressed: countedElsewhere[index] ?? 0)
        }
        sources.merge(other.sources) { mine, _ in mine }
    }

    public var hasErrors: Bool { errorCount > 0 }
    /// Whether an error was a failure of the world (a file that cannot be read): the exit status is then 1.
    public private(set) var hasFailuresOfTheWorld = false

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

    /// The file, severity and message without what varies from one finding of the kind to the next: quoted
    /// values and numbers (`unknown product id "…"` at line 7 and at line 9 are one kind).
    private static func kind(of diagnostic: Diagnostic) -> String {
        var key = Array((diagnostic.location?.file ?? "").utf8)
        key.append(0)
        key.append(contentsOf: diagnostic.severity.rawValue.utf8)
        key.append(0)
        var quoted = false
        for byte in diagnostic.message.utf8 {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                key.append(byte)
            } else if !quoted, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                key.append(byte)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}
