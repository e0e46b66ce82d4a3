import Diagnostics

/// Exit statuses of every command (SPEC §7).
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// The world failed: I/O, a server, a crash of a step.
    case failure = 1
    /// The input is wrong: a bad store, template or command line.
    case badInput = 2
}

extension ExitCode {
    /// The status a run's diagnostics call for: success without errors, a failure of the world when a file could
    /// not be read, bad input otherwise.
    public init(diagnostics: DiagnosticEngine) {
        self =
            !diagnostics.hasErrors ? .success : diagnostics.hasFailuresOfTheWorld ? .failure : .badInput
    }
}

extension ExitCode {
    /// The status of a command that produced nothing: a failure of the world when the workflow says so or a file
    /// could not be read, bad input otherwise (even when the diagnostics hold only warnings).
    init(nothingDone diagnostics: DiagnosticEngine, worldFailed: Bool) {
        self = worldFailed || ExitCode(diagnostics: diagnostics) == .failure ? .failure : .badInput
    }
}
