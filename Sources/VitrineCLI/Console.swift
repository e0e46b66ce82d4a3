import Diagnostics
import Foundation

/// Where a command writes: results on stdout, diagnostics and progress on stderr, colour only on a terminal.
///
/// Writes go straight to the file descriptors with `write(2)`: a full disk, a closed pipe or a closed descriptor
/// is a failure of the world that the command reports (exit 1), never a trap inside `FileHandle`.
public struct Console: Sendable {
    public var useColor: Bool
    private let failures = WriteFailures()

    public init(useColor: Bool = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil) {
        self.useColor = useColor
    }

    public func out(_ text: String) {
        var text = text
        text.withUTF8 { write($0, to: 1) }
    }

    public func outBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0, to: 1) }
    }

    public func err(_ text: String) {
        var text = text
        text.withUTF8 { write($0, to: 2) }
    }

    /// The first failed write to stdout or stderr, as `strerror` words (`No space left on device`); nil when every
    /// write went through.
    public var outputFailure: String? { failures.first?.message }

    /// The reader went away (`vitrine segments | head`): a failure, but one nobody needs to be told about.
    public var readerClosedOutput: Bool { failures.first?.code == EPIPE }

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

    private func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard var next = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                failures.record(descriptor == 1 ? "stdout" : "stderr", errno)
                return
            }
            next += written
            remaining -= written
        }
    }
}

/// The first write failure of a run, shared by copies of a `Console`.
private final class WriteFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: (message: String, code: Int32)?

    var first: (message: String, code: Int32)? { lock.withLock { recorded } }

    func record(_ stream: String, _ code: Int32) {
        lock.withLock {
            if recorded == nil { recorded = ("cannot write to \(stream): \(String(cString: strerror(code)))", code) }
        }
    }
}
