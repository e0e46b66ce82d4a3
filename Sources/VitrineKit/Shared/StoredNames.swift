import EventStore

// The event store's module and its main class share a name, so `EventStore.Suppression` names nothing; and Ingest
// has types of the same names. These aliases, in a file that imports only the event store, tell them apart.

/// A suppression row of the state file.
typealias StoredSuppression = Suppression
/// An event kind as the state file stores it.
typealias StoredEventKind = EventKind
/// One pseudonym's engagement as the state file sums it.
typealias StoredEngagement = Engagement
