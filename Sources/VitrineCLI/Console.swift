import Diagnostics
import Foundation

/// Where a command writes: results on stdout, diagnostics and progress on stderr, colour only on a terminal.
public struct Console {
    public var useColor: Bool

    public init(useColor: Bool = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil) {
        self.useColor = useColor
    }

    public func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func outBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    public func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Every diagnostic with its excerpt, then a count line when there were errors or warnings.
    public func print(_ diagnostics: DiagnosticEngine) {
        let printer = DiagnosticPrinter(useColor: useColor)
        err(printer.render(diagnostics))
    }

    /// `3 errors, 1 warning` (nothing when clean).
    public static func tally(_ diagnostics: DiagnosticEngine) -> String? {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        guard errors + warnings > 0 else { return nil }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }
}
