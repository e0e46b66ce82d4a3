import Foundation
import TextFormats

/// One file of the store folder, written through a byte buffer that is flushed about every megabyte, so that a
/// million order lines stream to disk in a few large writes. The bytes go to a `.partial` file beside it, renamed
/// over the file only by `close`: an interrupted or failed run leaves the previous file whole, never half of one.
final class StoreFile {
    static let flushThreshold = 1 << 20

    /// The bytes not yet on disk; rows append to it directly.
    var buffer: [UInt8] = []
    private let handle: FileHandle
    private let path: String
    private let partialPath: String
    private var closed = false
    private(set) var byteCount = 0

    init(path: String) throws {
        self.path = path
        partialPath = path + ".partial"
        guard FileManager.default.createFile(atPath: partialPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: partialPath)
        else { throw GenerateError.cannotWrite(path: path) }
        self.handle = handle
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    func write(_ text: String) { buffer.append(contentsOf: text.utf8) }

    func field(_ text: String) { CSVWriter.appendField(text, to: &buffer) }

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

    /// Flushes, closes and puts the file in place; returns its size.
    func close() throws -> Int {
        try flush()
        try handle.close()
        guard rename(partialPath, path) == 0 else { throw GenerateError.cannotWrite(path: path) }
        closed = true
        return byteCount
    }

    deinit {
        guard !closed else { return }
        // Closing twice is harmless here: a failed `close` may have closed the handle already.
        try? handle.close()
        unlink(partialPath)
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
