/// The map of a `MustacheValue`: string keys in insertion order.
///
/// Why not a `Dictionary`: a template looks up the same few names thousands of times per render, and hashing a
/// Swift `String` costs more than the rest of a lookup. Each key here carries a fingerprint (see `MapKey`)
/// computed once; template names carry theirs from compile time, so a lookup in a typical model map (a dozen
/// keys) is a scan over integers, with a string comparison only for long keys whose fingerprints match. Maps
/// larger than `indexThreshold` (string tables) also keep an open-addressing table of positions hashed from the
/// fingerprints, so no string is hashed on the render path at all.
///
/// A map may also lie over a base map (`init(_:over:)`): its own entries first, then the base's. A site shows the
/// same product card on many pages that differ only in a link or two: each page's card is two entries over one
/// shared map instead of a copy of it. Anything but a lookup sees the two flattened into one map, in the base's
/// order with the overlay's values, then the overlay's other keys.
public struct MustacheMap: Sendable {
    /// One array (one reference to retain when a map is passed around), keys next to their values.
    private var entries: [Entry] = []
    /// The index of a large map and the base of an overlay: nil for most maps, so a map stays two words.
    private var extra: Extra? = nil

    private struct Entry: Sendable {
        var key: MapKey
        var value: MustacheValue
    }

    /// Copied before it is changed unless this map holds the only reference (see `setIndex`).
    private final class Extra: @unchecked Sendable {
        /// Empty, or a power-of-two table of `position + 1` (0: a free slot), probed linearly from `slot(of:)`.
        var index: [Int32]
        let base: MustacheMap?
        init(index: [Int32], base: MustacheMap?) {
            self.index = index
            self.base = base
        }
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
    public init(_ pairs: [(String, MustacheValue)]) {
        // The page models' path: one allocation, no index upkeep until the end.
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            let mapKey = MapKey(key)
            if let position = scan(for: mapKey) {
                entries[position].value = value
            } else {
                entries.append(Entry(key: mapKey, value: value))
            }
        }
        buildIndexIfLarge()
    }

    /// A map of `pairs` in their order; a repeated key keeps its first place and its last value.
    public init(_ pairs: some Sequence<(String, MustacheValue)>) {
        self.init(Array(pairs))
    }

    /// `pairs` over `base`: a lookup finds a key of `pairs` first, then any key of `base` (which is shared, not
    /// copied). Equal to the map of `base`'s entries with `pairs` set on it.
    public init(_ pairs: [(String, MustacheValue)], over base: MustacheMap) {
        self.init(pairs)
        if base.isEmpty { return }
        if extra == nil {
            extra = Extra(index: [], base: base)
        } else {
            self = base.flattened(with: self)
        }
    }

    public var count: Int {
        guard let base = extra?.base else { return entries.count }
        return base.count + entries.count { base.value(for: $0.key) == nil }
    }

    public var isEmpty: Bool { count == 0 }

    public subscript(key: String) -> MustacheValue? {
        get { value(for: MapKey(key)) }
        set {
            if let base = extra?.base { self = base.flattened(with: self) }
            let mapKey = MapKey(key)
            if let position = position(of: mapKey) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    extra = nil
                    buildIndexIfLarge()
                }
            } else if let newValue {
                entries.append(Entry(key: mapKey, value: newValue))
                if let index = extra?.index, !index.isEmpty, entries.count * 2 <= index.count {
                    insertInIndex(entries.count - 1)
                } else {
                    buildIndexIfLarge()
                }
            }
        }
    }

    /// The render path: a key whose fingerprint was computed when the template was compiled.
    @inline(__always)
    func value(for key: MapKey) -> MustacheValue? {
        if let position = position(of: key) { return entries[position].value }
        return extra?.base?.value(for: key)
    }

    /// `overlay`'s entries set on this map's, as one map with no base.
    private func flattened(with overlay: MustacheMap) -> MustacheMap {
        var flat = extra?.base.map { $0.flattened(with: self) } ?? self
        for entry in overlay.entries {
            if let position = flat.scan(for: entry.key) {
                flat.entries[position].value = entry.value
            } else {
                flat.entries.append(entry)
            }
        }
        flat.extra = nil
        flat.buildIndexIfLarge()
        return flat
    }

    /// Every entry as a lookup sees it: the flattened map's.
    private var allEntries: [Entry] {
        guard let base = extra?.base else { return entries }
        return base.flattened(with: self).entries
    }

    @inline(__always)
    private func position(of key: MapKey) -> Int? {
        guard let index = extra?.index, !index.isEmpty else { return scan(for: key) }
        return index.withUnsafeBufferPointer { table in
            entries.withUnsafeBufferPointer { candidates in
                let mask = table.count - 1
                var slot = Self.slot(of: key.fingerprint, mask: mask)
                while table[slot] != 0 {
                    let position = Int(table[slot]) - 1
                    if candidates[position].key.fingerprint == key.fingerprint
                        && (key.isExact || candidates[position].key.string == key.string)
                    {
                        return position
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    @inline(__always)
    private func scan(for key: MapKey) -> Int? {
        entries.withUnsafeBufferPointer { candidates in
            for position in candidates.indices where candidates[position].key.fingerprint == key.fingerprint {
                if key.isExact || candidates[position].key.string == key.string { return position }
            }
            return nil
        }
    }

    /// Fibonacci hashing of the fingerprint: the multiply carries every byte of it into the bits kept.
    @inline(__always)
    private static func slot(of fingerprint: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Only for a map with no base (an overlay is flattened before it changes).
    private mutating func buildIndexIfLarge() {
        guard entries.count > Self.indexThreshold else {
            extra = nil
            return
        }
        // At most half full, so probe runs stay short.
        var size = 64
        while size < entries.count * 4 { size <<= 1 }
        extra = Extra(index: [Int32](repeating: 0, count: size), base: nil)
        for position in entries.indices { insertInIndex(position) }
    }

    private mutating func insertInIndex(_ position: Int) {
        guard var current = extra else { return }
        extra = nil
        if !isKnownUniquelyReferenced(&current) { current = Extra(index: current.index, base: current.base) }
        defer { extra = current }
        let mask = current.index.count - 1
        var slot = Self.slot(of: entries[position].key.fingerprint, mask: mask)
        while current.index[slot] != 0 { slot = (slot + 1) & mask }
        current.index[slot] = Int32(position + 1)
    }
}

extension MustacheMap: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: MustacheValue)> {
        allEntries.lazy.map { (key: $0.key.string, value: $0.value) }.makeIterator()
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

/// A key with its fingerprint: the byte count in the top byte; below it, for keys of at most seven bytes (most
/// model field names) the bytes themselves, so such keys are equal exactly when their fingerprints are, and for
/// longer keys 56 bits of an FNV-1a hash of all their bytes (keys sharing a long prefix, as string tables' do,
/// still differ), confirmed by comparing the strings.
struct MapKey: Sendable, Hashable {
    let string: String
    let fingerprint: UInt64

    init(_ string: String) {
        self.string = string
        if let fingerprint = string.utf8.withContiguousStorageIfAvailable({ Self.fingerprint(of: $0) }) {
            self.fingerprint = fingerprint
        } else {
            self.fingerprint = Array(string.utf8).withUnsafeBufferPointer { Self.fingerprint(of: $0) }
        }
    }

    private static func fingerprint(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var fingerprint = UInt64(min(count, 255)) << 56
        if count <= 7 {
            for position in 0..<count { fingerprint |= UInt64(bytes[position]) << UInt64(position * 8) }
            return fingerprint
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return fingerprint | (hash & 0x00FF_FFFF_FFFF_FFFF)
    }

    var isExact: Bool { fingerprint >> 56 <= 7 }
}
