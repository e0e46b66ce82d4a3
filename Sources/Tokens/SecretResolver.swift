import Foundation
import Store

/// Finds the store's secret where `store.json` says it lives: the environment variable first (a deployment
/// overrides a developer's key file), then the key file.
public enum SecretResolver {
    /// The secret of a store whose folder is `storeFolder` (a relative `file` is read from it).
    public static func resolve(
        _ source: StoreSettings.SecretSource, storeFolder: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SecretError) -> SecretKey {
        if let name = source.environmentVariable, let value = environment[name], !value.isEmpty {
            guard let key = SecretKey(text: value) else { throw .tooShort(source: "$\(name)") }
            return key
        }
        if let file = source.file {
            let path = resolvedPath(file, storeFolder: storeFolder, environment: environment)
            return try readKeyFile(path)
        }
        if let name = source.environmentVariable { throw .environmentVariableUnset(name) }
        throw .notConfigured
    }

    /// `~/…` from HOME; a relative path from the store folder; an absolute path as it is.
    static func resolvedPath(_ file: String, storeFolder: String, environment: [String: String]) -> String {
        if file.hasPrefix("~/"), let home = environment["HOME"] { return home + file.dropFirst() }
        if file.hasPrefix("/") { return file }
        return (storeFolder.isEmpty ? "." : storeFolder) + "/" + file
    }

    private static func readKeyFile(_ path: String) throws(SecretError) -> SecretKey {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .fileUnreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .fileUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .fileUnreadable(path: path, reason: "not a file") }
        guard status.st_mode & 0o077 == 0 else { throw .fileTooOpen(path: path) }
        // A key is a line; refuse to slurp whatever large file a typo points at.
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw .fileUnreadable(path: path, reason: String(cString: strerror(errno))) }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        for index in buffer.indices { buffer[index] = 0 }
        guard let key = SecretKey(text: text) else { throw .tooShort(source: path) }
        return key
    }
}
