import CZlib

/// A failure of zlib while making or reading a gzip file: the step and why, with zlib's own status kept for what the
/// named reasons do not cover.
public struct GzipError: Error, Equatable, Sendable {
    /// What was being done.
    public enum Step: Equatable, Sendable {
        case startCompressing, compress, startDecompressing, decompress
    }

    /// Why it failed.
    public enum Reason: Equatable, Sendable {
        /// `Z_STREAM_ERROR`: a parameter zlib refuses (a level outside -1…9) or an inconsistent stream.
        case invalidParameter
        /// `Z_DATA_ERROR` (or `Z_NEED_DICT`): the input is not a gzip member or is corrupt (a bad check value).
        case corruptData
        /// `Z_MEM_ERROR`: zlib could not allocate its state.
        case outOfMemory
        /// `Z_VERSION_ERROR`: the zlib linked at run time is incompatible with the headers.
        case incompatibleVersion
        /// The input ended before the gzip member did.
        case truncated
        /// Bytes follow the end of the gzip member.
        case trailingData
        /// The stream was already finished.
        case finished
        /// Any other zlib status.
        case status(Int32)

        init(zlibStatus status: Int32) {
            switch status {
            case Z_STREAM_ERROR: self = .invalidParameter
            case Z_DATA_ERROR, Z_NEED_DICT: self = .corruptData
            case Z_MEM_ERROR: self = .outOfMemory
            case Z_VERSION_ERROR: self = .incompatibleVersion
            default: self = .status(status)
            }
        }
    }

    public let step: Step
    public let reason: Reason

    public init(step: Step, reason: Reason) {
        self.step = step
        self.reason = reason
    }
}
