import Gzip

/// A failure to read a log file: the step, and why (the errno, or the gzip failure).
public struct LogReaderError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// `open(2)` or `fstat(2)` failed with this errno.
        case open(Int32)
        /// `read(2)` failed with this errno.
        case read(Int32)
        /// The gzip stream is corrupt.
        case gzip(GzipError.Reason)
        /// A gzip file ended inside a member.
        case truncatedGzip
        /// The starting offset lies past the end of the file: it is not the file the offset was taken from.
        case offsetBeyondEnd
    }

    public let reason: Reason

    public init(reason: Reason) {
        self.reason = reason
    }
}
