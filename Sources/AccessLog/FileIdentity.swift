/// What tells one log apart from another across rotation: the file's device and inode, and a 64-bit FNV-1a hash of
/// the first `min(4096, size)` decompressed bytes with that length. A rotated copy (renamed, or gzipped) keeps the
/// hash; `LogReader.continues(_:)` checks a stored identity against a file that may have grown since.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    /// How many leading bytes (of the decompressed stream) the hash covers: 4096, or fewer for a shorter file.
    public var prefixLength: Int
    /// FNV-1a 64 of those bytes.
    public var prefixHash: UInt64

    public init(device: UInt64, inode: UInt64, prefixLength: Int, prefixHash: UInt64) {
        self.device = device
        self.inode = inode
        self.prefixLength = prefixLength
        self.prefixHash = prefixHash
    }

    /// Whether two identities are the same log's content, wherever the files are (the hash and its length).
    public func hasSameContent(as other: FileIdentity) -> Bool {
        prefixLength == other.prefixLength && prefixHash == other.prefixHash
    }

    static let prefixCapacity = 4096

    /// FNV-1a, 64 bits (draft-eastlake-fnv §2): cheap, and enough to tell logs apart, not to resist an adversary.
    static func fnv1a(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
