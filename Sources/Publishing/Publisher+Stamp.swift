#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A build's stamp: a digest of every input of the build that published `OUTPUT/<tree>`, with what that build
/// counted. A caller whose inputs hash to the same digest can skip the whole build — loading, planning, rendering —
/// because the published tree is already what it would produce.
public struct BuildStamp: Equatable, Sendable {
    /// The inputs' fingerprint, in hex.
    public var inputs: String
    /// The summary line's figures of the build that wrote the stamp: pages, files (with `.gz` siblings and exports).
    public var pages: Int
    public var files: Int

    public init(inputs: Fingerprint, pages: Int, files: Int) {
        self.inputs = inputs.hex
        self.pages = pages
        self.files = files
    }

    var line: String { "\(inputs) \(pages) \(files)\n" }

    init?(line: String) {
        let fields = line.split(separator: " ")
        guard fields.count == 3, fields[0].utf8.count == 32, let pages = Int(fields[1]),
            let files = Int(fields[2].hasSuffix("\n") ? fields[2].dropLast() : fields[2])
        else { return nil }
        self.inputs = String(fields[0])
        self.pages = pages
        self.files = files
    }
}

extension Publisher {
    /// The stamp of the build that published `OUTPUT/<tree>`, when there is one and the tree it describes is still
    /// in place (the link resolves to a generation with its manifest).
    public static func stamp(output: String, tree: String) -> BuildStamp? {
        let state = "\(output)/.vitrine/\(tree)"
        var target = [CChar](repeating: 0, count: 4096)
        let length = readlink("\(output)/\(tree)", &target, target.count - 1)
        guard length > 0 else { return nil }
        let generation =
            "\(output)/" + String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var status = stat()
        guard stat(generation, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
            access(generation + ".manifest", R_OK) == 0
        else { return nil }
        let directory = FileSystem.openDirectory(state)
        guard directory >= 0 else { return nil }
        defer { close(directory) }
        return FileSystem.readFile("stamp", in: directory).flatMap {
            BuildStamp(line: String(decoding: $0, as: UTF8.self))
        }
    }

    /// Records `stamp` for `OUTPUT/<tree>` after a build published it (temporary file and rename).
    public static func record(_ stamp: BuildStamp, output: String, tree: String) throws(PublishError) {
        let state = "\(output)/.vitrine/\(tree)"
        try FileSystem.createDirectories(state)
        let directory = FileSystem.openDirectory(state)
        guard directory >= 0 else { throw .system(.inspect, state) }
        defer { close(directory) }
        unlinkat(directory, "stamp.tmp", 0)
        var failure: PublishError?
        Array(stamp.line.utf8).withUnsafeBytes { buffer in
            do throws(PublishError) {
                try FileSystem.createFile(
                    "stamp.tmp", in: directory, bytes: buffer, sync: false, display: "\(state)/stamp")
            } catch { failure = error }
        }
        if let failure { throw failure }
        guard renameat(directory, "stamp.tmp", directory, "stamp") == 0 else {
            let code = errno
            unlinkat(directory, "stamp.tmp", 0)
            throw .system(.write, "\(state)/stamp", errno: code)
        }
    }

    /// Forgets the stamp: the next build runs in full (called before a build changes anything).
    public static func forgetStamp(output: String, tree: String) {
        unlink("\(output)/.vitrine/\(tree)/stamp")
    }
}
