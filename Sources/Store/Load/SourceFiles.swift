import Diagnostics
import Foundation
import TextFormats

#if canImport(Glibc)
    import Glibc
    /// The system call (inside `SourceFiles`, `read` names the store's own).
    private let systemRead = Glibc.read
#else
    import Darwin
    private let systemRead = Darwin.read
#endif

/// Reading the files of a store folder (and other input files, such as a data set to import). A file that cannot
/// be read is a diagnostic, not a crash.
public enum SourceFiles {
    static func exists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The file's text registered with the engine (for excerpts) and checked for invalid UTF-8; nil when it
    /// cannot be read (reported).
    public static func read(_ path: String, diagnostics: inout DiagnosticEngine) -> SourceText? {
        let bytes: [UInt8]
        switch contents(path) {
        case .success(let read): bytes = read
        case .failure(let reason):
            diagnostics.emit(.failure("cannot read \(path): \(reason.message)", at: nil))
            return nil
        }
        let source = SourceText(path: path, bytes: bytes)
        diagnostics.register(source)
        UTF8Validation.check(source, diagnostics: &diagnostics)
        return source
    }

    /// Why a file could not be read, in the words of the message.
    struct ReadFailure: Error, Equatable {
        var message: String

        init(message: String) { self.message = message }

        /// The system's own words (`No such file or directory`), as every other tool on the machine says them.
        init(errorNumber: Int32) {
            message = String(cString: strerror(errorNumber))
        }
    }

    /// A regular file's bytes, read straight into the array: going through `Data` cost a second copy of every
    /// byte (35 ms for a 57 MB orders file, before any worker starts).
    static func contents(_ path: String) -> Result<[UInt8], ReadFailure> {
        // Opened without blocking: opening a FIFO for reading waits for a writer, forever. The type is checked on
        // the descriptor (no race with a rename), and only a regular file is read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(ReadFailure(errorNumber: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(ReadFailure(errorNumber: errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(ReadFailure(errorNumber: EISDIR))
        case S_IFIFO: return .failure(ReadFailure(message: "it is a pipe (FIFO), not a regular file"))
        case S_IFCHR, S_IFBLK: return .failure(ReadFailure(message: "it is a device, not a regular file"))
        case S_IFSOCK: return .failure(ReadFailure(message: "it is a socket, not a regular file"))
        default: return .failure(ReadFailure(message: "not a regular file"))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let size = Int(status.st_size)
        var failed: Int32?
        /// Reads into `buffer` from `start` until it is full or the file ends; the bytes now initialised.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int) -> Int {
            var count = start
            while count < buffer.count {
                let read = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read > 0 {
                    count += read
                } else if read == 0 || errno != EINTR {
                    if read < 0 { failed = errno }
                    break
                }
            }
            return count
        }
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in count = fill(buffer, from: 0) }
        // A file that grew since `fstat` is read to its end (`fill` stops short only at the end of the file).
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var more = bytes.count == size
        while more, failed == nil {
            let count = chunk.withUnsafeMutableBufferPointer { fill($0, from: 0) }
            bytes += chunk[..<count]
            more = count == chunk.count
        }
        return failed.map { .failure(ReadFailure(errorNumber: $0)) } ?? .success(bytes)
    }
}
