/// The map of a `MustacheValue`: string keys in insertion order.
///
/// Why not a `Dictionary`: a template looks up the same few names thousands of times per render, and hashing a
/// Swift `String` costs more than the rest of a lookup. Each key here carries a fingerprint (its byte count
/// and first seven bytes, see `MapKey`) computed once; template names carry theirs from compile time, so a
/// lookup in a typical model map (a dozen keys) is a scan over integers, with a string comparison only for
/// long keys whose fingerprints match. Maps larger than `indexThreshold` also keep a dictionary index.
public struct MustacheMap: Sendable {
    /// One array (one reference to retain when a map is passed around), keys next to their values.
    private var entries: [Entry] = []
    private var index: [String: Int]? = nil

    private struct Entry: Sendable {
        var key: MapKey
        var value: MustacheValue
    }

    private static let indexThreshold = 24

    public init() {}

    /// A map of `dictionary`'s entries, in key order (so iteration is deterministic).
    public init(_ dictionary: [String: MustacheValue]) {
        entries.reserveCapacity(dictionary.count)
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            entries.append(Entry(key: MapKey(key), value: value))
        }
        buildIndexIfLarge()
    }

    /// A map of `pairs` in their order; a repeated key keeps its first place and its last value.
    public init(_ pairs: some Sequence<(String, MustacheValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    public subscript(key: String) -> MustacheValue? {
        get { position(of: MapKey(key)).map { entries[$0].value } }
        set {
            let mapKey = MapKey(key)
            if let position = position(of: mapKey) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    index = nil
                    buildIndexIfLarge()
                }
            } else if let newValue {
                entries.append(Entry(key: mapKey, value: newValue))
                if index != nil {
                    index?[key] = entries.count - 1
                } else {
                    buildIndexIfLarge()
                }
            }
        }
    }

    /// The render path: a key whose fingerprint was computed when the template was compiled.
    @inline(__always)
    func value(for key: MapKey) -> MustacheValue? {
        position(of: key).map { entries[$0].value }
    }

    @inline(__always)
    private func position(of key: MapKey) -> Int? {
        if let index { return index[key.string] }
        return entries.withUnsafeBufferPointer { candidates in
            for position in candidates.indices where candidates[position].key.fingerprint == key.fingerprint {
                if key.isExact || candidates[position].key.string == key.string { return position }
            }
            return nil
        }
    }

    private mutating func buildIndexIfLarge() {
        guard entries.count > Self.indexThreshold else { return }
        var built: [String: Int] = [:]
        built.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() { built[entry.key.string] = position }
        index = built
    }
}

extension MustacheMap: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: MustacheValue)> {
        entries.lazy.map { (key: $0.key.string, value: $0.value) }.makeIterator()
    }
}

extension MustacheMap: Equatable {
    /// Same keys with equal values, in any order.
    public static func == (lhs: MustacheMap, rhs: MustacheMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }
}

extension MustacheMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self.init(elements)
    }
}

/// A key with its fingerprint: the byte count in the top byte and up to the first seven bytes below it.
/// Keys of at most seven bytes (most model field names) are equal exactly when their fingerprints are.
struct MapKey: Sendable, Hashable {
    let string: String
    let fingerprint: UInt64

    init(_ string: String) {
        self.string = string
        var fingerprint = UInt64(min(string.utf8.count, 255)) << 56
        var shift: UInt64 = 0
        for byte in string.utf8.prefix(7) {
            fingerprint |= UInt64(byte) << shift
            shift += 8
        }
        self.fingerprint = fingerprint
    }

    var isExact: Bool { fingerprint >> 56 <= 7 }
}
