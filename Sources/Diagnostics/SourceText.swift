#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The bytes of one source file with a table of line starts built once, so hot paths can keep
/// byte offsets and turn them into line and column only when a diagnostic is made.
public struct SourceText: Sendable {
    public let path: String
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            // memchr scans many bytes per instruction; a byte loop cost about six instructions a byte, serially,
            // before any worker starts on a large file.
            var position = 0
            while let found = buffer.firstIndex(of: UInt8(ascii: "\n"), in: position..<buffer.count) {
                position = found + 1
                starts.append(position)
            }
        }
        self.lineStarts = starts
    }

    /// The same text in storage of its own. Workers that each read one part of a file keep their own copy: every
    /// slice of the bytes retains and releases their storage, and two cores doing that on one shared storage
    /// fight over its reference count.
    public func unshared() -> SourceText {
        // `Array(bytes)` would share the storage; this copies it. The line table is read only for diagnostics.
        let copy = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
        return SourceText(path: path, bytes: copy, lineStarts: lineStarts)
    }

    private init(path: String, bytes: [UInt8], lineStarts: [Int]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Lines in the file (a final line break does not start another line).
    public var lineCount: Int { bytes.last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count }

    /// The location of a byte offset (an offset equal to `bytes.count` is the end of the file).
    public func location(atOffset offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        // Binary search for the last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(file: path, line: low + 1, column: clamped - lineStarts[low] + 1)
    }

    /// The text of a 1-based line without its line terminator, or nil past the end.
    public func line(_ number: Int) -> String? {
        lineRange(number).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The byte offsets of a 1-based line without its line terminator, or nil past the end.
    public func lineRange(_ number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first index of `byte` within `range`, by `memchr` (many bytes per instruction: for the scans that run
    /// over a whole file before any worker starts).
    public func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard let base = baseAddress, !range.isEmpty else { return nil }
        return memchr(base + range.lowerBound, Int32(byte), range.count).map {
            base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
        }
    }
}
