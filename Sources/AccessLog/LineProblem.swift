/// Why a line gave no record.
public enum LineProblem: Sendable, Hashable {
    /// The line does not follow the format (a literal missing, a status or time that is not one).
    case malformed
    /// The line ends before the format does (a cut-off line, a quoted field never closed).
    case truncated
    /// The line holds bytes that are not UTF-8.
    case notUTF8
    /// The line is longer than the reader's maximum; it was skipped.
    case gigantic
    /// The line is empty.
    case empty
}
