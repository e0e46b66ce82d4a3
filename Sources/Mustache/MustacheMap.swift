/// The map of a `MustacheValue`: string keys in insertion order.
///
/// Why not a `Dictionary`: a template looks up the same few names thousands of times per render, and hashing a
/// Swift `String` costs more than the rest of a lookup. Each key here carries a fingerprint (see `MapKey`)
/// computed once; template names carry theirs from compile time, so a lookup in a typical model map (a dozen
/// keys) is a scan over integers, with a string comparison only for long keys whose fingerprints match. Maps
/// larger than `indexThreshold` (string tables) also keep an open-addressing table of positions hashed from the
/// fingerprints, so no string is hashed on the render path at all.
public struct MustacheMap: Sendable {
    /// One array (one reference to retain when a map is passed around), keys next to their values.
    private var entries: [Entry] = []
    /// Empty, or a power-of-two table of `position + 1` (0: a free slot), probed linearly from `slot(of:)`.
    private var index: [Int32] = []

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
                    index = []
                    buildIndexIfLarge()
                }
            } else if let newValue {
                entries.append(Entry(key: mapKey, value: newValue))
                if index.isEmpty || entries.count * 2 > index.count {
                    buildIndexIfLarge()
                } else {
                    insertInIndex(entries.count - 1)
                }
            }
        }
    }

    /// Where `key` is, for a caller that sets the same field in many copies of one map (`subscript(at:)`): the key
    /// is found once instead of hashed and compared on every copy. Positions stay valid while no key is removed.
    package func position(ofKey key: String) -> Int? { position(of: MapKey(key)) }

    /// The value at a position from `position(ofKey:)`.
    package subscript(at position: Int) -> MustacheValue {
        get { entries[position].value }
        set { entries[position].value = newValue }
    }

    /// The render path: a key whose fingerprint was computed when the template was compiled.
    @inline(__always)
    func value(for key: MapKey) -> MustacheValue? {
        position(of: key).map { entries[$0].value }
    }

    @inline(__always)
    private func position(of key: MapKey) -> Int? {
        if index.isEmpty { return scan(for: key) }
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

    private mutating func buildIndexIfLarge() {
        guard entries.count > Self.indexThreshold else {
            index = []
            return
        }
        // At most half full, so probe runs stay short.
        var size = 64
        while size < entries.count * 4 { size <<= 1 }
        index = [Int32](repeating: 0, count: size)
        for position in entries.indices { insertInIndex(position) }
    }

    private mutating func insertInIndex(_ position: Int) {
        let mask = index.count - 1
        var slot = Self.slot(of: entries[position].key.fingerprint, mask: mask)
        while index[slot] != 0 { slot = (slot + 1) & mask }
        index[slot] = Int32(position + 1)
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
