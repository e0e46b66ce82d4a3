import Foundation
import Gzip

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one writer of a published tree such as `OUTPUT/site`: writes only what changed, removes what is no longer
/// produced, and switches the tree to the new build atomically.
///
/// Layout (everything but `OUTPUT/<tree>` lives under `OUTPUT/.vitrine/<tree>/`, which only the publisher touches):
/// ```
/// OUTPUT/<tree>                          -> .vitrine/<tree>/generations/<n>   (a symbolic link)
/// OUTPUT/.vitrine/<tree>/lock            flock(2): one build at a time
/// OUTPUT/.vitrine/<tree>/generations/<n>           the published files
/// OUTPUT/.vitrine/<tree>/generations/<n>.manifest  path → fingerprint, content hash, size
/// ```
/// A build writes a new generation `<n+1>`: changed files are written, unchanged ones are hard links to generation
/// `<n>`'s files (no file is ever modified in place, only replaced, so sharing inodes is safe). `commit` flushes the
/// new generation and its manifest, points a fresh link at it and renames that link over `OUTPUT/<tree>`
/// (rename(2) is atomic). Generation `<n>` is then kept as the *standby*: the next build that changes something
/// takes it over as its own (its manifest deleted first, then the folder renamed to `<n+2>`), and brings it up to
/// date by replacing only the files that differ, linking what it lacks and unlinking what is no longer produced.
/// So a build that changes one page costs what differs across the last two builds, not a link per file. A build
/// killed at any moment leaves the link on a complete generation; the next build deletes whatever is neither that
/// generation nor a standby with its manifest (a taken-over standby has none). A build in which nothing changed
/// creates no generation and writes nothing.
///
/// With `gzipLevel` set, every compressible file (html, css, js, svg, xml, txt, json) gets a `<path>.gz` sibling for
/// nginx's `gzip_static`, when compressing makes it smaller: compressed only when the file is written, kept (hard
/// linked) with it when the file is reused or republished with the same bytes, removed with it.
///
/// A real folder at `OUTPUT/<tree>` (or a link elsewhere) is refused with `.foreignTree`: the publisher never
/// deletes data it did not write; move the folder away once and the next build publishes normally.
public final class Publisher: @unchecked Sendable {
    /// What became of one of the previous build's files in this build.
    private enum Status: Equatable {
        case untouched
        case reused
        /// Published again with the same bytes (under this fingerprint).
        case same(UInt64, UInt64)
        /// Published with new bytes: its entry is in `fresh`.
        case replaced
    }

    public let output: String
    public let tree: String
    private let removalScope: (@Sendable (OutputPath) -> Bool)?
    private let durable: Bool
    private let gzipLevel: Int?
    /// The compressors of the `.gz` siblings, reused from file to file.
    private let gzip: GzipPool?

    private let outputFD: Int32
    private let generationsFD: Int32
    private let lockFD: Int32
    let generationsPath: String
    let statePath: String
    private let previousGeneration: Int?
    private let previousFD: Int32
    private let newGeneration: Int

    private let previous: [Manifest.Entry]
    private let previousIndex: [OutputPath: Int]
    /// The standby generation (see above): its number, what each of its files holds, and its folders.
    private let standbyGeneration: Int?
    private let standby: [OutputPath: Manifest.Entry]
    private let standbyFolders: Set<Substring>
    /// True once the new generation is the standby taken over (its files are `standby`'s until replaced).
    private var tookOverStandby = false

    private let lock = NSLock()
    private var newFD: Int32 = -1
    private var status: [Status]
    private var fresh: [Manifest.Entry] = []
    private var freshPaths: Set<OutputPath> = []
    private var siblingsWritten = 0
    private var createdDirectories: Set<Substring> = []
    private var committed = false

    /// Opens `output` (created if missing) to publish `output/tree` (a single path component such as "site").
    ///
    /// `removalScope`, when given, limits removal to the paths it accepts: a shard build (`--shard i/n`) passes
    /// "belongs to my shard", so the previous build's files of other shards are kept. `durable: false` skips the
    /// flush to disk (tests; the switch stays atomic for killed processes, only a power loss could lose the build).
    /// `gzipLevel` (zlib, 1–9), when given, adds the `.gz` siblings.
    public init(
        output: String, tree: String, removalScope: (@Sendable (OutputPath) -> Bool)? = nil, durable: Bool = true,
        gzipLevel: Int? = nil
    ) throws(PublishError) {
        guard let treePath = OutputPath(tree), !tree.utf8.contains(UInt8(ascii: "/")), tree != ".vitrine" else {
            throw PublishError(.inspect, path: tree, .system(errno: EINVAL))
        }
        self.output = output
        self.tree = treePath.string
        self.removalScope = removalScope
        self.durable = durable
        self.gzipLevel = gzipLevel
        self.gzip = gzipLevel.map { GzipPool(level: $0) }
        statePath = "\(output)/.vitrine/\(tree)"
        generationsPath = "\(statePath)/generations"
        try FileSystem.createDirectories(generationsPath)

        outputFD = FileSystem.openDirectory(output)
        guard outputFD >= 0 else { throw .system(.inspect, output) }
        generationsFD = FileSystem.openDirectory(generationsPath)
        guard generationsFD >= 0 else {
            close(outputFD)
            throw .system(.inspect, generationsPath)
        }
        lockFD = open("\(statePath)/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else {
            close(outputFD)
            close(generationsFD)
            throw .system(.lock, "\(statePath)/lock")
        }
        var state = (previousFD: Int32(-1), previousGeneration: Int?.none, standby: Int?.none)
        do throws(PublishError) {
            if flock(lockFD, LOCK_EX | LOCK_NB) != 0 {
                throw errno == EWOULDBLOCK
                    ? PublishError(.lock, path: output, .busy) : .system(.lock, "\(statePath)/lock")
            }
            state.previousGeneration = try Self.publishedGeneration(output: output, outputFD: outputFD, tree: tree)
            // Whatever the link does not point at is left from a killed build (or an old one being deleted).
            let names = FileSystem.names(in: generationsPath)
            var highest = state.previousGeneration ?? 0
            // The standby: the newest other generation that still has its manifest.
            state.standby = names.compactMap { name -> Int? in
                guard let number = Int(name), number != state.previousGeneration,
                    names.contains("\(number).manifest")
                else { return nil }
                return number
            }.max()
            for name in names {
                let number = Int(name.prefix { $0 != "." }) ?? 0
                highest = max(highest, number)
                let kept = [state.previousGeneration, state.standby].compactMap { $0 }
                if kept.contains(where: { name == "\($0)" || name == "\($0).manifest" }) { continue }
                FileSystem.removeTree("\(generationsPath)/\(name)")
            }
            unlink("\(statePath)/swap")
            newGeneration = highest + 1
            if let current = state.previousGeneration {
                state.previousFD = FileSystem.openDirectory("\(current)", relativeTo: generationsFD)
            }
        } catch {
            close(outputFD)
            close(generationsFD)
            close(lockFD)
            throw error
        }
        previousGeneration = state.previousFD >= 0 ? state.previousGeneration : nil
        previousFD = state.previousFD

        var entries: [Manifest.Entry] = []
        if let current = previousGeneration,
            let bytes = FileSystem.readFile("\(current).manifest", in: generationsFD),
            let manifest = bytes.withUnsafeBytes({ Manifest.parse($0) })
        {
            entries = manifest.entries
        }
        var index: [OutputPath: Int] = [:]
        index.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() { index[entry.path] = position }
        var standbyEntries: [OutputPath: Manifest.Entry] = [:]
        var folders = Set<Substring>()
        if let number = state.standby {
            if let bytes = FileSystem.readFile("\(number).manifest", in: generationsFD),
                let manifest = bytes.withUnsafeBytes({ Manifest.parse($0) })
            {
                standbyEntries.reserveCapacity(manifest.entries.count)
                for var entry in manifest.entries {
                    // Most paths are the published generation's too: share its string rather than hold two.
                    if let position = index[entry.path] { entry.path = entries[position].path }
                    standbyEntries[entry.path] = entry
                    var folder = entry.path.parent
                    while let current = folder, folders.insert(current).inserted {
                        folder = current.utf8.lastIndex(of: UInt8(ascii: "/")).map { current[..<$0] }
                    }
                }
            } else {
                // An unreadable manifest: the folder is not a standby after all.
                FileSystem.removeTree("\(generationsPath)/\(number)")
                unlinkat(generationsFD, "\(number).manifest", 0)
                state.standby = nil
            }
        }
        standbyGeneration = state.standby
        standby = standbyEntries
        standbyFolders = folders
        previous = entries
        previousIndex = index
        status = Array(repeating: .untouched, count: entries.count)
    }

    deinit {
        close(outputFD)
        close(generationsFD)
        if previousFD >= 0 { close(previousFD) }
        if newFD >= 0 { close(newFD) }
        close(lockFD)  // releases the flock
    }

    /// The generation `OUTPUT/<tree>` points at, nil when there is no tree yet; throws `.foreignTree` for anything
    /// else there.
    private static func publishedGeneration(output: String, outputFD: Int32, tree: String) throws(PublishError)
        -> Int?
    {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlinkat(outputFD, tree, &buffer, buffer.count - 1)
        if length < 0 {
            if errno == ENOENT { return nil }
            throw errno == EINVAL
                ? PublishError(.inspect, path: "\(output)/\(tree)", .foreignTree)
                : .system(.inspect, "\(output)/\(tree)")
        }
        let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let prefix = ".vitrine/\(tree)/generations/"
        guard target.hasPrefix(prefix), let number = Int(target.dropFirst(prefix.count)), number > 0 else {
            throw PublishError(.inspect, path: "\(output)/\(tree)", .foreignTree)
        }
        return number
    }

    /// True when the previous published build produced `path` from the same fingerprint: the caller skips rendering
    /// and the file is kept (counted unchanged).
    public func reuse(_ path: OutputPath, fingerprint: Fingerprint) -> Bool {
        let digest = fingerprint.digest
        lock.lock()
        defer { lock.unlock() }
        guard !committed, let position = previousIndex[path], status[position] == .untouched,
            previous[position].fingerprint == digest
        else { return false }
        if let sibling = gzipSibling(of: path) {
            // A file without its sibling (a build before gzip was on) is rendered again to get one.
            guard let siblingPosition = previousIndex[sibling], status[siblingPosition] == .untouched else {
                return false
            }
            status[siblingPosition] = .reused
        }
        status[position] = .reused
        return true
    }

    /// The extensions whose files get a `.gz` sibling: text that compresses.
    public static let compressibleExtensions: Set<Substring> = ["html", "css", "js", "svg", "xml", "txt", "json"]

    /// `path.gz` when siblings are on and the path's extension compresses.
    private func gzipSibling(of path: OutputPath) -> OutputPath? {
        guard gzipLevel != nil, let dot = path.string.utf8.lastIndex(of: UInt8(ascii: ".")),
            Self.compressibleExtensions.contains(path.string[path.string.index(after: dot)...])
        else { return nil }
        return OutputPath(path.string + ".gz")
    }

    /// Publishes bytes for a path this build produces (counted unchanged when the bytes equal the previous build's
    /// file).
    public func publish(_ path: OutputPath, bytes: UnsafeRawBufferPointer, fingerprint: Fingerprint)
        throws(PublishError)
    {
        try publish(path, bytes: bytes, fingerprint: fingerprint, content: ContentHash.digest(bytes))
    }

    /// Publishes bytes that are their own fingerprint (a file made from inputs no cheaper to fingerprint than its
    /// bytes, such as a mail message): the bytes are hashed once, not once for a fingerprint and again for the
    /// content hash. Bytes equal to the previous build's file are kept and counted unchanged, as `reuse` would.
    public func publish(_ path: OutputPath, content bytes: UnsafeRawBufferPointer) throws(PublishError) {
        let content = ContentHash.digest(bytes)
        var fingerprint = Fingerprint()
        fingerprint.add(Int(truncatingIfNeeded: content.0))
        fingerprint.add(Int(truncatingIfNeeded: content.1))
        try publish(path, bytes: bytes, fingerprint: fingerprint, content: content)
    }

    /// `publish(_:bytes:fingerprint:)` with the bytes' content hash already computed.
    private func publish(
        _ path: OutputPath, bytes: UnsafeRawBufferPointer, fingerprint: Fingerprint, content: (UInt64, UInt64)
    ) throws(PublishError) {
        let entry = Manifest.Entry(
            path: path, fingerprint: fingerprint.digest, content: content, size: Int64(bytes.count))
        let sibling = gzipSibling(of: path)
        guard let generation = try register(entry, sibling: sibling) else { return }
        // The standby may already hold these bytes (a change undone, a page alternating between two states).
        if !holds(path, content: content, size: entry.size) {
            try clearStandby(at: path, in: generation)
            try createParent(of: path, in: generation)
            try FileSystem.createFile(
                path.string, in: generation, bytes: bytes, sync: false, display: display(path))
        }
        guard let sibling, let level = gzipLevel else { return }
        var siblingFingerprint = Fingerprint()
        siblingFingerprint.add(fingerprint)
        siblingFingerprint.add(level)
        if let held = standbyEntry(sibling, from: siblingFingerprint) {
            // Compressed from the same input by an earlier build: the standby's file is these bytes.
            try publishHeld(sibling, held, fingerprint: siblingFingerprint)
        } else if let compressed = try? gzip?.compress(bytes), compressed.count < bytes.count {
            try publish(sibling, bytes: compressed, fingerprint: siblingFingerprint)
        } else {
            return
        }
        lock.lock()
        siblingsWritten += 1
        lock.unlock()
    }

    /// Records this build's `entry` against the previous build's file at its path; returns the new generation's
    /// folder when the file must be placed there, nil when the published bytes (and their sibling) stay.
    private func register(_ entry: Manifest.Entry, sibling: OutputPath?) throws(PublishError) -> Int32? {
        let path = entry.path
        // The same bytes stay, unless the published file is gone (deleted by hand): then it is written again. Asked
        // before taking the lock (the previous build's entries never change).
        let kept = previousIndex[path].map {
            previous[$0].content == entry.content && previous[$0].size == entry.size && previousFileExists(path)
        }
        lock.lock()
        defer { lock.unlock() }
        guard !committed else { throw PublishError(.write, path: path.string, .alreadyCommitted) }
        if let position = previousIndex[path] {
            guard status[position] == .untouched else {
                throw PublishError(.write, path: path.string, .duplicatePath)
            }
            if kept == true {
                // The same bytes: their sibling, when there is one, is the same too.
                if let sibling, let siblingPosition = previousIndex[sibling],
                    status[siblingPosition] == .untouched
                {
                    status[position] = .same(entry.fingerprint.0, entry.fingerprint.1)
                    status[siblingPosition] = .reused
                    return nil
                }
                if sibling == nil {
                    status[position] = .same(entry.fingerprint.0, entry.fingerprint.1)
                    return nil
                }
            }
            status[position] = .replaced
        } else {
            guard freshPaths.insert(path).inserted else {
                throw PublishError(.write, path: path.string, .duplicatePath)
            }
        }
        fresh.append(entry)
        return try newGenerationDirectory()
    }

    /// Whether the published generation still has the file at `path` (a published tree is not for editing, but a
    /// file removed from it must come back with the next run that produces it).
    private func previousFileExists(_ path: OutputPath) -> Bool {
        var status = stat()
        return fstatat(previousFD, path.string, &status, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT
    }

    /// Whether the taken-over standby holds exactly these bytes at `path` (then nothing needs writing).
    private func holds(_ path: OutputPath, content: (UInt64, UInt64), size: Int64) -> Bool {
        guard tookOverStandby, let held = standby[path] else { return false }
        return held.content == content && held.size == size
    }

    /// The standby's entry for `path` when it was made from the same fingerprint, and the standby will be taken over.
    private func standbyEntry(_ path: OutputPath, from fingerprint: Fingerprint) -> Manifest.Entry? {
        guard standbyGeneration != nil, let held = standby[path], held.fingerprint == fingerprint.digest else {
            return nil
        }
        return held
    }

    /// Publishes the standby's file at `path` as this build's (it is already in place once the standby is taken
    /// over), counted like a file written, as the published tree changes there.
    private func publishHeld(_ path: OutputPath, _ held: Manifest.Entry, fingerprint: Fingerprint)
        throws(PublishError)
    {
        let entry = Manifest.Entry(
            path: path, fingerprint: fingerprint.digest, content: held.content, size: held.size)
        _ = try register(entry, sibling: nil)
    }

    /// Clears what the taken-over standby has where `path` goes: an older file there, a folder of that name, or a
    /// file where one of its folders goes. Nothing to do in a generation started empty.
    private func clearStandby(at path: OutputPath, in generation: Int32) throws(PublishError) {
        guard tookOverStandby else { return }
        if standby[path] != nil {
            if unlinkat(generation, path.string, 0) != 0 && errno != ENOENT { throw .system(.write, display(path)) }
        } else if standbyFolders.contains(Substring(path.string)) {
            guard FileSystem.removeTree("\(generationsPath)/\(newGeneration)/\(path.string)") else {
                throw .system(.write, display(path))
            }
        }
        var folder = path.parent
        while let current = folder {
            // The standby's file where a folder goes; EISDIR: the folder is there already (made for another path).
            if let file = OutputPath(String(current)), standby[file] != nil,
                unlinkat(generation, file.string, 0) != 0, errno != ENOENT, errno != EISDIR
            {
                throw .system(.write, display(file))
            }
            folder = current.utf8.lastIndex(of: UInt8(ascii: "/")).map { current[..<$0] }
        }
    }

    public func publish(_ path: OutputPath, bytes: [UInt8], fingerprint: Fingerprint) throws(PublishError) {
        var failure: PublishError?
        bytes.withUnsafeBytes { buffer in
            do throws(PublishError) {
                try publish(path, bytes: buffer, fingerprint: fingerprint)
            } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The new generation's folder, made on first need: the standby taken over (its manifest deleted, flushed when
    /// durable, before anything in it changes; then renamed), else a new folder. Call with `lock` held.
    private func newGenerationDirectory() throws(PublishError) -> Int32 {
        if newFD >= 0 { return newFD }
        let name = "\(newGeneration)"
        if let number = standbyGeneration {
            guard unlinkat(generationsFD, "\(number).manifest", 0) == 0 || errno == ENOENT,
                !durable || fsync(generationsFD) == 0,
                renameat(generationsFD, "\(number)", generationsFD, name) == 0
            else { throw .system(.createDirectory, "\(generationsPath)/\(name)") }
            tookOverStandby = true
        } else {
            try FileSystem.createDirectory(name, in: generationsFD, display: "\(generationsPath)/\(name)")
        }
        newFD = FileSystem.openDirectory(name, relativeTo: generationsFD)
        guard newFD >= 0 else { throw .system(.createDirectory, "\(generationsPath)/\(name)") }
        return newFD
    }

    /// Creates the folders above `path` in the new generation, each once per build.
    private func createParent(of path: OutputPath, in generation: Int32) throws(PublishError) {
        guard let parent = path.parent else { return }
        try createDirectory(parent, in: generation)
    }

    private func createDirectory(_ directory: Substring, in generation: Int32) throws(PublishError) {
        lock.lock()
        let known = createdDirectories.contains(directory)
        lock.unlock()
        if known { return }
        if let slash = directory.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try createDirectory(directory[..<slash], in: generation)
        }
        try FileSystem.createDirectory(
            String(directory), in: generation, display: "\(generationsPath)/\(newGeneration)/\(directory)")
        lock.lock()
        createdDirectories.insert(directory)
        lock.unlock()
    }

    /// Switches `OUTPUT/<tree>` to the new build atomically, removes files no longer produced, and returns counts.
    public func commit() throws(PublishError) -> PublishSummary {
        // From here no publish or reuse is accepted, so the rest runs without the lock (the caller commits once every
        // publish has returned).
        lock.lock()
        guard !committed else {
            lock.unlock()
            throw PublishError(.swap, path: "\(output)/\(tree)", .alreadyCommitted)
        }
        committed = true
        lock.unlock()
        defer { flock(lockFD, LOCK_UN) }  // the next build may start once this one is done

        var summary = PublishSummary(written: fresh.count)
        summary.compressed = siblingsWritten
        for entry in fresh { summary.bytesWritten += entry.size }
        var kept: [Manifest.Entry] = []
        kept.reserveCapacity(previous.count)
        // Which of the previous build's files this build keeps, by position (a file replaced is in `fresh`).
        var keeps = [Bool](repeating: true, count: previous.count)
        var fingerprintsChanged = false
        for (position, entry) in previous.enumerated() {
            switch status[position] {
            case .untouched:
                // A `.gz` sibling belongs where its file does.
                let owner =
                    entry.path.string.hasSuffix(".gz") ? OutputPath(String(entry.path.string.dropLast(3))) : nil
                if removalScope?(owner.flatMap { previousIndex[$0] != nil ? $0 : nil } ?? entry.path) ?? true {
                    summary.removed += 1
                    keeps[position] = false
                } else {
                    kept.append(entry)
                }
            case .reused:
                summary.unchanged += 1
                kept.append(entry)
            case .same(let f1, let f2):
                summary.unchanged += 1
                var entry = entry
                fingerprintsChanged = fingerprintsChanged || entry.fingerprint != (f1, f2)
                entry.fingerprint = (f1, f2)
                kept.append(entry)
            case .replaced:
                continue
            }
        }

        guard summary.written > 0 || summary.removed > 0 || previousGeneration == nil else {
            // Nothing to publish: the tree stays as it is; only new fingerprints of the same bytes are recorded.
            if fingerprintsChanged, let current = previousGeneration {
                try writeManifest(kept, generation: current)
            }
            return summary
        }

        lock.lock()
        let created = Result { () throws(PublishError) in try newGenerationDirectory() }
        lock.unlock()
        let generation = try created.get()
        for entry in kept {
            if tookOverStandby {
                if let held = standby[entry.path], held.content == entry.content, held.size == entry.size { continue }
                try clearStandby(at: entry.path, in: generation)
            }
            try createParent(of: entry.path, in: generation)
            if linkat(previousFD, entry.path.string, generation, entry.path.string, 0) != 0 {
                let code = errno
                if code == ENOENT, let current = previousGeneration {
                    unlinkat(generationsFD, "\(current).manifest", 0)
                    throw PublishError(.link, path: display(entry.path), .previousFileMissing)
                }
                throw .system(.link, display(entry.path), errno: code)
            }
        }
        if tookOverStandby {
            // What the standby holds and this build does not produce, with the folders that empties.
            for path in standby.keys {
                let produced = previousIndex[path].map { keeps[$0] } ?? freshPaths.contains(path)
                if produced { continue }
                // Gone already, or a folder now (EISDIR) or under a file (ENOTDIR) that this build made.
                if unlinkat(generation, path.string, 0) != 0 && ![ENOENT, ENOTDIR, EISDIR].contains(errno) {
                    throw .system(.clean, display(path))
                }
                var folder = path.parent
                while let current = folder, unlinkat(generation, String(current), AT_REMOVEDIR) == 0 {
                    folder = current.utf8.lastIndex(of: UInt8(ascii: "/")).map { current[..<$0] }
                }
            }
        }
        if durable {
            guard FileSystem.syncFileSystem(generation) else {
                throw .system(.sync, "\(generationsPath)/\(newGeneration)")
            }
        }
        fresh.sort { $0.path < $1.path }
        try writeManifest(kept, fresh, generation: newGeneration)

        // The switch: a new link under a temporary name, renamed over the old one.
        let swap = "\(statePath)/swap"
        unlink(swap)
        guard symlink(".vitrine/\(tree)/generations/\(newGeneration)", swap) == 0 else {
            throw .system(.swap, swap)
        }
        guard rename(swap, "\(output)/\(tree)") == 0 else { throw .system(.swap, "\(output)/\(tree)") }
        if durable && fsync(outputFD) != 0 { throw .system(.sync, output) }

        // The generation just replaced stays: it is the next build's standby.
        return summary
    }

    /// Writes `<generation>.manifest` beside the generation: `entries` and `more` (each sorted by path) merged, streamed
    /// into a temporary file that is renamed into place.
    private func writeManifest(_ entries: [Manifest.Entry], _ more: [Manifest.Entry] = [], generation: Int)
        throws(PublishError)
    {
        let name = "\(generation).manifest"
        let temporary = "\(name).tmp"
        let display = "\(generationsPath)/\(name)"
        unlinkat(generationsFD, temporary, 0)
        let fd = openat(generationsFD, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .system(.writeManifest, display) }
        var written = true
        Manifest.serialize(entries, more) { piece in
            if written { written = FileSystem.writeAll(fd, piece) }
        }
        let synced = written && (!durable || fsync(fd) == 0)
        let code = errno
        close(fd)
        guard synced else { throw .system(.writeManifest, display, errno: code) }
        guard renameat(generationsFD, temporary, generationsFD, name) == 0 else {
            throw .system(.writeManifest, display)
        }
        if durable && fsync(generationsFD) != 0 { throw .system(.sync, generationsPath) }
    }

    private func display(_ path: OutputPath) -> String { "\(output)/\(tree)/\(path.string)" }
}
