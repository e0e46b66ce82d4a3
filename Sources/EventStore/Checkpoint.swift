/// How far ingest has read one log file. A file is known by what it holds, not by its name, so that a rotated log
/// (renamed, then compressed) is recognised: `identity` is the hex SHA-256 of its first `identityLength` (at most
/// 4096) decompressed bytes; device and inode help match a file that has grown past a short identity.
public struct Checkpoint: Equatable, Sendable {
    public var identity: String
    public var identityLength: Int
    public var device: Int64
    public var inode: Int64
    /// The last path the file was seen at (for messages).
    public var path: String
    /// Bytes of the decompressed stream consumed, always at a line end.
    public var offset: Int64
    /// Lines consumed.
    public var lines: Int64
    /// Unix time of the batch that wrote this checkpoint.
    public var updated: Int64

    public init(
        identity: String, identityLength: Int, device: Int64, inode: Int64, path: String, offset: Int64,
        lines: Int64, updated: Int64
    ) {
        self.identity = identity
        self.identityLength = identityLength
        self.device = device
        self.inode = inode
        self.path = path
        self.offset = offset
        self.lines = lines
        self.updated = updated
    }
}
