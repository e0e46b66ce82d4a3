import Crypto
import Foundation

/// A new secret key file: 32 bytes from /dev/urandom as base64url and a line end, readable by its owner only.
public enum KeyFile {
    /// The bytes of randomness in a new key (256 bits).
    public static let randomByteCount = 32

    /// Writes a new key at `path`; never over an existing file.
    public static func create(at path: String) throws(SecretError) {
        var random = [UInt8](repeating: 0, count: randomByteCount)
        try readRandom(into: &random, path: path)
        var line = Array((Base64URL.encode(random) + "\n").utf8)
        for index in random.indices { random[index] = 0 }
        defer { for index in line.indices { line[index] = 0 } }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotCreateKeyFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            let reason = written < 0 ? String(cString: strerror(errno)) : "short write"
            unlink(path)
            throw .cannotCreateKeyFile(path: path, reason: reason)
        }
    }

    private static func readRandom(into bytes: inout [UInt8], path: String) throws(SecretError) {
        let source = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard source >= 0 else {
            throw .cannotCreateKeyFile(path: path, reason: "/dev/urandom: \(String(cString: strerror(errno)))")
        }
        defer { close(source) }
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(source, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw .cannotCreateKeyFile(path: path, reason: "/dev/urandom gave no bytes") }
            filled += count
        }
    }
}
