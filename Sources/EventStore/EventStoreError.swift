import SQLite

/// A failure of the store's state file: why, and which file. Messages name files, campaigns and tables, never a
/// customer, an address or any other bound value.
public struct EventStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The file exists but is not a SQLite database (or its header is damaged).
        case notADatabase
        /// The file was written by a newer vitrine: its schema version is above what this one knows.
        case newerSchema(found: Int, known: Int)
        /// Another process holds the send lock of this campaign.
        case campaignLocked(String)
        /// The lock file could not be opened or locked (an `errno`).
        case lockFile(Int32)
        /// A journal transition named a message that was never enqueued.
        case notInJournal(campaign: String)
        /// A journal transition the protocol forbids (e.g. `sent` without `handing` first, or `handing` again after
        /// `sent`): a bug in the caller that could send a message twice.
        case invalidTransition(campaign: String, from: JournalState, to: JournalState)
        /// Any other failure of SQLite.
        case database(SQLiteError)
    }

    public var reason: Reason
    /// The state file (or the lock file for `.lockFile`).
    public var path: String

    public init(_ reason: Reason, path: String) {
        self.reason = reason
        self.path = path
    }

    public var description: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch reason {
        case .notADatabase:
            return "\(path) is not a SQLite database: the store's state file is damaged or was replaced"
        case .newerSchema(let found, let known):
            return "\(name) is schema v\(found), this vitrine knows up to v\(known) (\(path))"
        case .campaignLocked(let campaign):
            return "campaign \(campaign) is being sent by another process (lock beside \(path))"
        case .lockFile(let code):
            return "cannot lock \(path): errno \(code)"
        case .notInJournal(let campaign):
            return "a message of campaign \(campaign) is not in the send journal of \(path)"
        case .invalidTransition(let campaign, let from, let to):
            return "a message of campaign \(campaign) cannot go from \(from.rawValue) to \(to.rawValue) (\(path))"
        case .database(let error):
            return "\(path): \(error)"
        }
    }
}
