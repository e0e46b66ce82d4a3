/// What one generation holds: for every file, the fingerprint it was made from, its content hash and size.
///
/// Stored beside the generation as text, one file a line, sorted by path bytes:
/// ```
/// vitrine-manifest 1
/// <fingerprint: 32 hex> <content hash: 32 hex> <size: decimal> <path>
/// ```
/// Paths cannot hold control bytes (`OutputPath`), so a line ends at the first newline.
struct Manifest {
    struct Entry {
        var path: OutputPath
        var fingerprint: (UInt64, UInt64)
        var content: (UInt64, UInt64)
        var size: Int64
    }

    static let header = Array("vitrine-manifest 1\n".utf8)

    var entries: [Entry] = []

    /// nil when the bytes are not a manifest of this version (the caller then treats the previous build as unknown).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Manifest? {
        guard bytes.count >= header.count, header.indices.allSatisfy({ bytes[$0] == header[$0] }) else { return nil }
        var manifest = Manifest()
        manifest.entries.reserveCapacity(bytes.count / 120)
        var offset = header.count
        let end = bytes.count
        while offset < end {
            // 32 + 1 + 32 + 1 hex and spaces, then at least "0 x\n".
            guard end - offset >= 70,
                let f1 = Hex.word(bytes, at: offset), let f2 = Hex.word(bytes, at: offset + 16),
                bytes[offset + 32] == UInt8(ascii: " "),
                let c1 = Hex.word(bytes, at: offset + 33), let c2 = Hex.word(bytes, at: offset + 49),
                bytes[offset + 65] == UInt8(ascii: " ")
            else { return nil }
            offset += 66
            var size: Int64 = 0
            var digits = 0
            while offset < end, bytes[offset] &- UInt8(ascii: "0") < 10, digits < 18 {
                size = size * 10 + Int64(bytes[offset] - UInt8(ascii: "0"))
                offset += 1
                digits += 1
            }
            guard digits > 0, offset < end, bytes[offset] == UInt8(ascii: " ") else { return nil }
            offset += 1
            let pathStart = offset
            while offset < end, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
            guard offset < end else { return nil }
            let pathBytes = UnsafeRawBufferPointer(rebasing: bytes[pathStart..<offset])
            guard let path = OutputPath(String(decoding: pathBytes, as: UTF8.self)) else { return nil }
            offset += 1
            manifest.entries.append(Entry(path: path, fingerprint: (f1, f2), content: (c1, c2), size: size))
        }
        return manifest
    }

    /// The manifest of `entries` (sorted by path) and `more` (also sorted by path), merged, handed to `write` in
    /// pieces of about 1 MiB: a build of 400,000 files makes no copy of its entries nor of the whole file.
    static func serialize(
        _ entries: [Entry], _ more: [Entry] = [], into write: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        let capacity = 1 << 20
        var buffer = [UInt8]()
        buffer.reserveCapacity(capacity + 4096)
        buffer.append(contentsOf: header)
        var first = 0
        var second = 0
        while first < entries.count || second < more.count {
            let entry: Entry
            if second == more.count || (first < entries.count && entries[first].path < more[second].path) {
                entry = entries[first]
                first += 1
            } else {
                entry = more[second]
                second += 1
            }
            Hex.append(entry.fingerprint, to: &buffer)
            buffer.append(UInt8(ascii: " "))
            Hex.append(entry.content, to: &buffer)
            buffer.append(UInt8(ascii: " "))
            buffer.append(contentsOf: String(entry.size).utf8)
            buffer.append(UInt8(ascii: " "))
            buffer.append(contentsOf: entry.path.string.utf8)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= capacity {
                try buffer.withUnsafeBytes { try write($0) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try buffer.withUnsafeBytes { try write($0) }
    }
}
