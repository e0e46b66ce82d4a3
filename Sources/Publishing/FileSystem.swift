#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few system calls the publisher needs, relative to directory descriptors so that no path is resolved twice.
enum FileSystem {
    static func openDirectory(_ path: String, relativeTo directory: Int32 = AT_FDCWD) -> Int32 {
        openat(directory, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    /// `mkdir -p` for an absolute or relative path.
    static func createDirectories(_ path: String) throws(PublishError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex else {
            throw .system(.createDirectory, path)
        }
        try createDirectories(String(path[..<slash]))
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw .system(.createDirectory, path) }
    }

    static func createDirectory(_ name: String, in directory: Int32, display: String) throws(PublishError) {
        if mkdirat(directory, name, 0o755) != 0 && errno != EEXIST {
            throw .system(.createDirectory, display)
        }
    }

    /// Writes every byte, retrying short writes and interrupted calls.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let result = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += result
        }
        return true
    }

    /// Creates `name` (which must not exist) with these bytes.
    static func createFile(
        _ name: String, in directory: Int32, bytes: UnsafeRawBufferPointer, sync: Bool, display: String
    ) throws(PublishError) {
        let fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .system(.write, display) }
        defer { close(fd) }
        guard writeAll(fd, bytes) else { throw .system(.write, display) }
        if sync && fsync(fd) != 0 { throw .system(.sync, display) }
    }

    /// The whole file, or nil with errno set.
    static func readFile(_ name: String, in directory: Int32) -> [UInt8]? {
        let fd = openat(directory, name, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while offset < buffer.count {
                let result = read(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return result == 0 }
                offset += result
            }
            return true
        }
        guard ok else { return nil }
        return offset == bytes.count ? bytes : Array(bytes[..<offset])
    }

    /// The names in a folder, without `.` and `..`.
    static func names(in path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a file, a symbolic link or a whole folder, never following links. True when nothing is left.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        if unlink(path) == 0 || errno == ENOENT { return true }
        guard errno == EISDIR || errno == EPERM else { return false }
        let fd = openDirectory(path)
        guard fd >= 0 else { return false }
        let emptied = removeContents(of: fd)
        close(fd)
        return emptied && rmdir(path) == 0
    }

    /// Empties the folder open at `fd` (which stays open), depth first, without following links.
    private static func removeContents(of fd: Int32) -> Bool {
        let listing = dup(fd)
        guard listing >= 0, let dir = fdopendir(listing) else { return false }
        defer { closedir(dir) }
        var ok = true
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            if unlinkat(fd, name, 0) == 0 { continue }
            guard errno == EISDIR || errno == EPERM else {
                ok = false
                continue
            }
            let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else {
                ok = false
                continue
            }
            ok = removeContents(of: child) && ok
            close(child)
            if unlinkat(fd, name, AT_REMOVEDIR) != 0 { ok = false }
        }
        return ok
    }

    /// Flushes the file system holding `fd`: syncfs(2) where the C library has it (looked up at run time, as Glibc's
    /// Swift overlay does not export it), else sync(2).
    static func syncFileSystem(_ fd: Int32) -> Bool {
        #if canImport(Glibc)
            typealias SyncFS = @convention(c) (Int32) -> Int32
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
                return unsafeBitCast(symbol, to: SyncFS.self)(fd) == 0
            }
        #endif
        sync()
        return true
    }
}
