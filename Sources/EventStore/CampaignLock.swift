#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exclusive right to send one campaign, held as an OS advisory lock (`flock`) on a file beside the state file.
/// The kernel drops it when the holder's descriptor closes, including when the process is killed (`kill -9`), so a
/// crashed `send` never leaves a stale lock. The lock file itself stays (removing it would race with a new holder).
public final class CampaignLock {
    /// The lock file.
    public let path: String
    private var descriptor: Int32

    init(path: String, campaign: String, statePath: String) throws(EventStoreError) {
        self.path = path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw EventStoreError(.lockFile(errno), path: path) }
        // flock(2): LOCK_NB fails with EWOULDBLOCK at once when another open file description holds the lock.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            descriptor = -1
            if code == EWOULDBLOCK { throw EventStoreError(.campaignLocked(campaign), path: statePath) }
            throw EventStoreError(.lockFile(code), path: path)
        }
    }

    /// Lets another process send the campaign. Called on deinit too; calling it twice is harmless.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

extension EventStore {
    /// Takes the send lock of `campaign`, or fails with `.campaignLocked` when another process (or another lock in
    /// this one) holds it. The lock file is `<state file>.send-<campaign>.lock`, the campaign's bytes outside
    /// `A-Z a-z 0-9 . _ -` written as `%XX`.
    public func lockCampaign(_ campaign: String) throws(EventStoreError) -> CampaignLock {
        try CampaignLock(path: Self.lockPath(state: path, campaign: campaign), campaign: campaign, statePath: path)
    }

    static func lockPath(state: String, campaign: String) -> String {
        var name = ""
        for byte in campaign.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                name += "%"
                name.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                name.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        // A campaign named ".." or starting with "." cannot escape: the name is a suffix of the state file's name.
        return "\(state).send-\(name).lock"
    }
}
