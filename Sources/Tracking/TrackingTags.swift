import Crypto

/// Short tags of campaign, segment and target ids in tokens, and the tables that turn them back into ids.
///
/// A tag is the leading bytes of SHA-256 of `"vitrine-tag/" · domain · 0 · id`: stable across builds, with no
/// table to ship. Two ids of a domain can share a tag; the tables built from the store's ids report it, and the
/// build turns it into a diagnostic (rename one id) rather than letting clicks be credited to the wrong campaign.
public struct TrackingTags: Sendable {
    /// A namespace of tags.
    public enum Domain: String, Sendable, Hashable, CaseIterable {
        case campaign, segment, target
    }

    /// Two ids of a domain with one tag (or a target whose tag is 0, which means "none").
    public struct Collision: Sendable, Hashable {
        public var domain: Domain
        public var ids: [String]
        public var tag: UInt32
        public init(domain: Domain, ids: [String], tag: UInt32) {
            self.domain = domain
            self.ids = ids
            self.tag = tag
        }
    }

    /// Why the tables cannot be built.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            /// Ids whose tags collide; each collision lists the ids in the order given.
            case collisions([Collision])
        }
        public var reason: Reason
        public init(reason: Reason) { self.reason = reason }

        public var description: String {
            switch reason {
            case .collisions(let collisions):
                collisions.map {
                    "\($0.domain.rawValue) ids \($0.ids.joined(separator: ", ")) share a tracking tag; "
                        + "rename one of them"
                }.joined(separator: "\n")
            }
        }
    }

    public static func campaignTag(_ id: String) -> UInt16 { UInt16(truncatingIfNeeded: tag(id, .campaign) >> 16) }
    public static func segmentTag(_ id: String) -> UInt16 { UInt16(truncatingIfNeeded: tag(id, .segment) >> 16) }
    public static func targetTag(_ id: String) -> UInt32 { tag(id, .target) }

    /// The leading 32 bits of the domain's hash of `id`; campaign and segment tags keep the top 16.
    static func tag(_ id: String, _ domain: Domain) -> UInt32 {
        var hasher = SHA256()
        hasher.update("vitrine-tag/\(domain.rawValue)\u{0}".utf8)
        hasher.update(id.utf8)
        let digest = hasher.finalize()
        return UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
    }

    private let campaigns: [UInt16: String]
    private let segments: [UInt16: String]
    private let targets: [UInt32: String]

    /// The lookup tables of the store's campaigns, segments and targets (products and links); throws every
    /// collision at once.
    public init(campaigns: [String], segments: [String], targets: [String]) throws(Failure) {
        var collisions: [Collision] = []
        func table<Tag: FixedWidthInteger>(_ ids: [String], _ domain: Domain, _ tag: (String) -> Tag) -> [Tag: String] {
            var table: [Tag: String] = [:]
            var clashes: [Tag: [String]] = [:]
            for id in ids {
                let value = tag(id)
                if domain == .target, value == 0 { clashes[value, default: ["(none)"]].append(id) }
                if let other = table[value], other != id {
                    clashes[value, default: [other]].append(id)
                } else {
                    table[value] = id
                }
            }
            for (value, ids) in clashes.sorted(by: { $0.key < $1.key }) {
                collisions.append(Collision(domain: domain, ids: ids, tag: UInt32(value)))
            }
            return table
        }
        self.campaigns = table(campaigns, .campaign, Self.campaignTag)
        self.segments = table(segments, .segment, Self.segmentTag)
        self.targets = table(targets, .target, Self.targetTag)
        guard collisions.isEmpty else { throw Failure(reason: .collisions(collisions)) }
    }

    public func campaign(_ tag: UInt16) -> String? { campaigns[tag] }
    public func segment(_ tag: UInt16) -> String? { segments[tag] }
    /// Nil for 0 (no target) and for a tag of no known target.
    public func target(_ tag: UInt32) -> String? { targets[tag] }
}
