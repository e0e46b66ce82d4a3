import Foundation

/// One file of the store folder, written through a byte buffer that is flushed about every megabyte, so that a
/// million order lines stream to disk in a few large writes.
final class StoreFile {
    static let flushThreshold = 1 << 20

    /// The bytes not yet on disk; rows append to it directly.
    var buffer: [UInt8] = []
    private let handle: FileHandle
    private(set) var byteCount = 0

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw GenerateError.cannotWrite(path: path)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw GenerateError.cannotWrite(path: path) }
        self.handle = handle
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    func write(_ text: String) { buffer.append(contentsOf: text.utf8) }

    func field(_ text: String) { ByteBuffer.appendField(text, to: &buffer) }

    func comma() { buffer.append(UInt8(ascii: ",")) }

    /// Fields that each end in a comma: the start of a row whose later columns need other writers.
    func fieldsThenComma(_ texts: String...) {
        for text in texts {
            field(text)
            comma()
        }
    }

    /// Ends a row with LF and flushes when the buffer is full.
    func endRow() throws {
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// A CSV header or any row of plain strings.
    func row(_ fields: [String]) throws {
        for (index, text) in fields.enumerated() {
            if index > 0 { comma() }
            field(text)
        }
        try endRow()
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        byteCount += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; returns the size of the file.
    func close() throws -> Int {
        try flush()
        try handle.close()
        return byteCount
    }
}

/// Why generation stopped.
enum GenerateError: Error, CustomStringConvertible {
    case cannotWrite(path: String)

    var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write \(path)"
        }
    }
}
