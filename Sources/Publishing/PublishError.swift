#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure of the world while publishing: the step, the path and why.
public struct PublishError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the publisher was doing.
    public enum Step: String, Sendable {
        case lock = "lock the output"
        case inspect = "inspect the published tree"
        case readManifest = "read the manifest"
        case createDirectory = "create a folder"
        case write = "write a file"
        case link = "keep an unchanged file"
        case sync = "flush to disk"
        case writeManifest = "write the manifest"
        case swap = "switch the published tree"
        case clean = "remove an old generation"
    }

    public enum Reason: Equatable, Sendable {
        /// A system call failed with this errno.
        case system(errno: Int32)
        /// `OUTPUT/<tree>` exists and is not a tree this publisher made (a real folder, or a link elsewhere).
        case foreignTree
        /// Another build holds the output's lock.
        case busy
        /// The same path was published twice in one build.
        case duplicatePath
        /// A file the previous build's manifest lists is gone; the manifest is dropped so the next build is full.
        case previousFileMissing
        /// `publish` or `commit` after `commit`.
        case alreadyCommitted
    }

    public var step: Step
    public var path: String
    public var reason: Reason

    public init(_ step: Step, path: String, _ reason: Reason) {
        self.step = step
        self.path = path
        self.reason = reason
    }

    static func system(_ step: Step, _ path: String, errno code: Int32 = errno) -> PublishError {
        PublishError(step, path: path, .system(errno: code))
    }

    public var description: String {
        let why: String
        switch reason {
        case .system(let code): why = String(cString: strerror(code))
        case .foreignTree:
            why =
                "it exists and was not published by vitrine; move it away (vitrine never deletes what it did not write)"
        case .busy: why = "another build is publishing to this output"
        case .duplicatePath: why = "the build produced this path twice"
        case .previousFileMissing:
            why = "a file of the previous build is gone; run the build again (it will rebuild every page)"
        case .alreadyCommitted: why = "this build was already committed"
        }
        return "cannot \(step.rawValue) \(path): \(why)"
    }
}

/// What a build's publishing did.
public struct PublishSummary: Sendable, Equatable {
    /// Files whose bytes are new or changed.
    public var written: Int
    /// Files kept from the previous build (reused or published with the same bytes).
    public var unchanged: Int
    /// Files of the previous build this build no longer produces.
    public var removed: Int
    public var bytesWritten: Int64
    /// Of the files written, `.gz` siblings (counted in `written` and `bytesWritten` too).
    public var compressed = 0

    public init(written: Int = 0, unchanged: Int = 0, removed: Int = 0, bytesWritten: Int64 = 0) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
        self.bytesWritten = bytesWritten
    }
}
