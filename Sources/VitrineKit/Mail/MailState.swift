import EventStore
import Foundation

/// What `mail` reads of the store's state file: the customers never to mail (suppressed) and those who opted out
/// of tracking. A store that has no state file yet has neither.
struct MailState {
    var suppressed: Set<String> = []
    var optedOut: Set<String> = []

    static func read(path: String) throws -> MailState {
        guard FileManager.default.fileExists(atPath: path) else { return MailState() }
        let events = try EventStore(path: path)
        return MailState(suppressed: Set(try events.suppressions().keys), optedOut: try events.trackingOptOuts())
    }
}
