#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Publisher {
    /// Writes one file directly under `output` (beside the published trees, e.g. `OUTPUT/nginx.conf`) atomically: the
    /// bytes go to a temporary file that is renamed over the old one, so a reader sees the old file or the new one,
    /// never a part. Returns false, writing nothing, when the file already holds these bytes.
    @discardableResult
    public static func writeFile(output: String, name: String, bytes: [UInt8], durable: Bool = true)
        throws(PublishError) -> Bool
    {
        guard let path = OutputPath(name), path.parent == nil, name != ".vitrine" else {
            throw PublishError(.write, path: "\(output)/\(name)", .system(errno: EINVAL))
        }
        try FileSystem.createDirectories(output)
        let directory = FileSystem.openDirectory(output)
        guard directory >= 0 else { throw .system(.inspect, output) }
        defer { close(directory) }
        if let old = FileSystem.readFile(name, in: directory), old == bytes { return false }
        let temporary = ".\(name).tmp"
        unlinkat(directory, temporary, 0)
        var failure: PublishError?
        bytes.withUnsafeBytes { buffer in
            do throws(PublishError) {
                try FileSystem.createFile(
                    temporary, in: directory, bytes: buffer, sync: durable, display: "\(output)/\(name)")
            } catch { failure = error }
        }
        if let failure { throw failure }
        guard renameat(directory, temporary, directory, name) == 0 else {
            let code = errno
            unlinkat(directory, temporary, 0)
            throw .system(.write, "\(output)/\(name)", errno: code)
        }
        if durable && fsync(directory) != 0 { throw .system(.sync, output) }
        return true
    }
}
