/// Exit statuses of every benchmark command, as `vitrine`'s (SPEC §7).
enum ExitCode: Int32, Sendable {
    case success = 0
    /// The world failed: a file that cannot be read or written, data that is not there.
    case failure = 1
    /// The input is wrong: a bad command line or a damaged data file.
    case badInput = 2
}

/// Why a command stops: the message for stderr (nil when the problems are already printed) and the exit status.
struct BenchFailure: Error {
    var message: String?
    var exitCode: ExitCode

    /// The world failed (exit 1).
    static func failure(_ message: String) -> BenchFailure { BenchFailure(message: message, exitCode: .failure) }

    /// Bad input whose problems are printed (exit 2).
    static let badInput = BenchFailure(message: nil, exitCode: .badInput)
}
