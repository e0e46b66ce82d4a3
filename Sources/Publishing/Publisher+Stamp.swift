#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A run's stamp: a digest of every input of the run (`build`, `mail`) that published `OUTPUT/<tree>`, with what that
/// run counted. A caller whose inputs hash to the same digest can skip the whole run — loading, planning, rendering,
/// composing — because the published tree is already what it would produce.
///
/// Stored as `OUTPUT/.vitrine/<tree>/stamp`: a first line `INPUTS PAGES FILES TREE`, then one line `COUNT NAME` per
/// further figure. TREE names the published generation and its folder's inode, modification and change times: a file
/// added, removed or renamed in the tree's top folder changes them, and the stamp is no longer trusted. A stamp of
/// an older vitrine (three fields) reads as none: the next run goes in full and writes a new one.
public struct BuildStamp: Equatable, Sendable {
    /// The inputs' fingerprint, in hex.
    public var inputs: String
    /// What the run produced: a build's pages (and assets), a mail run's messages.
    public var pages: Int
    /// The files of the published tree (with `.gz` siblings, exports, a mail run's manifest).
    public var files: Int
    /// Further figures of the run's summary, by name (a mail run's customers skipped, by reason); none for a build.
    public var figures: [String: Int]
    /// The published generation the stamp describes (set when recorded).
    var tree = ""

    public init(inputs: Fingerprint, pages: Int, files: Int, figures: [String: Int] = [:]) {
        self.inputs = inputs.hex
        self.pages = pages
        self.files = files
        // A name is the rest of its line.
        self.figures = figures.filter { !$0.key.utf8.contains(UInt8(ascii: "\n")) }
    }

    var text: String {
        "\(inputs) \(pages) \(files) \(tree)\n"
            + figures.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)\n" }.joined()
    }

    init?(text: String) {
        let lines = text.split(separator: "\n")
        guard let first = lines.first else { return nil }
        let fields = first.split(separator: " ")
        guard fields.count == 4, fields[0].utf8.count == 32, let pages = Int(fields[1]), let files = Int(fields[2])
        else { return nil }
        var figures: [String: Int] = [:]
        for line in lines.dropFirst() {
            guard let space = line.firstIndex(of: " "), let count = Int(line[..<space]) else { return nil }
            figures[String(line[line.index(after: space)...])] = count
        }
        self.inputs = String(fields[0])
        self.pages = pages
        self.files = files
        self.figures = figures
        self.tree = String(fields[3])
    }
}

extension Publisher {
    /// The stamp of the run that published `OUTPUT/<tree>`, when there is one and the tree it describes is still in
    /// place: the link resolves to the same generation, with its manifest, and its top folder is as it was left.
    public static func stamp(output: String, tree: String) -> BuildStamp? {
        guard let published = publishedTree(output: output, tree: tree) else { return nil }
        let directory = FileSystem.openDirectory("\(output)/.vitrine/\(tree)")
        guard directory >= 0 else { return nil }
        defer { close(directory) }
        guard let bytes = FileSystem.readFile("stamp", in: directory),
            let stamp = BuildStamp(text: String(decoding: bytes, as: UTF8.self)), stamp.tree == published
        else { return nil }
        return stamp
    }

    /// Records `stamp` for `OUTPUT/<tree>` after a run published it (temporary file and rename), tied to the
    /// generation published now.
    public static func record(_ stamp: BuildStamp, output: String, tree: String) throws(PublishError) {
        guard let published = publishedTree(output: output, tree: tree) else { return }
        var stamp = stamp
        stamp.tree = published
        let state = "\(output)/.vitrine/\(tree)"
        try FileSystem.createDirectories(state)
        let directory = FileSystem.openDirectory(state)
        guard directory >= 0 else { throw .system(.inspect, state) }
        defer { close(directory) }
        unlinkat(directory, "stamp.tmp", 0)
        var failure: PublishError?
        Array(stamp.text.utf8).withUnsafeBytes { buffer in
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

    /// Forgets the stamp: the next run goes in full (called before a run changes anything).
    public static func forgetStamp(output: String, tree: String) {
        guard isTreeName(tree) else { return }
        unlink("\(output)/.vitrine/\(tree)/stamp")
    }

    /// The published generation of `OUTPUT/<tree>` as a stamp names it — `g<n>:<inode>:<mtime>:<ctime>` (times in
    /// nanoseconds) — nil when the link does not resolve to a generation folder with its manifest.
    private static func publishedTree(output: String, tree: String) -> String? {
        guard isTreeName(tree) else { return nil }
        var target = [CChar](repeating: 0, count: 4096)
        let length = readlink("\(output)/\(tree)", &target, target.count - 1)
        guard length > 0 else { return nil }
        let link = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let prefix = ".vitrine/\(tree)/generations/"
        guard link.hasPrefix(prefix), let number = Int(link.dropFirst(prefix.count)) else { return nil }
        let generation = "\(output)/\(link)"
        var status = stat()
        guard stat(generation, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
            access(generation + ".manifest", R_OK) == 0
        else { return nil }
        #if canImport(Darwin)
            let (modification, change) = (status.st_mtimespec, status.st_ctimespec)
        #else
            let (modification, change) = (status.st_mtim, status.st_ctim)
        #endif
        let modified = Int64(modification.tv_sec) * 1_000_000_000 + Int64(modification.tv_nsec)
        let changed = Int64(change.tv_sec) * 1_000_000_000 + Int64(change.tv_nsec)
        return "g\(number):\(status.st_ino):\(modified):\(changed)"
    }

    /// A single path component the publisher accepts as a tree (a campaign id from the command line may be anything).
    private static func isTreeName(_ tree: String) -> Bool {
        OutputPath(tree) != nil && !tree.utf8.contains(UInt8(ascii: "/")) && tree != ".vitrine"
    }
}
