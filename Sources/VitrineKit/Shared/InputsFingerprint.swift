import Foundation
import Parallelism
import Publishing
import Store
import Tokens

/// What a command reads, hashed for the stamp that lets a rerun with nothing changed skip the whole command (`build`,
/// `mail`): the vitrine executable, the files below folders, the state file by size and time, the store's secrets
/// through tokens derived from them — never a secret itself.
struct InputsFingerprint {
    private(set) var fingerprint = Fingerprint()
    /// The output folder, resolved: what the command writes is never one of its inputs, even inside the store folder.
    private let output: String

    /// Starts with the command's name and the executable: a new vitrine may render differently.
    init(command: String, output: String) {
        self.output = Self.resolved(output)
        fingerprint.add("vitrine \(command) inputs 2")
        if let executable = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        {
            fingerprint.add(executable)
            fingerprint.add((attributes[.size] as? Int) ?? 0)
            fingerprint.add(Int(((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1e6))
        }
    }

    mutating func add(_ string: String) { fingerprint.add(string) }

    mutating func add(_ value: Int) { fingerprint.add(value) }

    /// Every regular file below `folder` (sorted paths, then sizes and bytes), but the store's own state (`*.sqlite*`) and the
    /// output folder when it is inside.
    mutating func addFiles(under folder: String) {
        fingerprint.add(folder)
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return }
        let inside = Self.resolved(folder) + "/"
        let skipped = output.hasPrefix(inside) ? String(output.dropFirst(inside.count)) : nil
        var paths: [String] = []
        while let path = walk.nextObject() as? String {
            if path == skipped {
                walk.skipDescendants()
                continue
            }
            paths.append(path)
        }
        var files: [(path: String, size: Int)] = []
        for path in paths.sorted() where !path.contains(".sqlite") {
            var status = stat()
            // Regular files only (`stat` follows links, as reading does).
            guard stat("\(folder)/\(path)", &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            files.append((path, Int(status.st_size)))
        }
        // Each file in pieces of at most `pieceSize` bytes, read and hashed on every core (the inputs are hashed
        // before a run and again after it, tens of megabytes each time); each file's pieces are added in order.
        var pieces: [(file: Int, offset: Int, count: Int)] = []
        for (index, file) in files.enumerated() {
            var offset = 0
            repeat {
                pieces.append((index, offset, min(Self.pieceSize, file.size - offset)))
                offset += Self.pieceSize
            } while offset < file.size
        }
        let digests = Parallel.map(pieces.count) { index -> Fingerprint? in
            let piece = pieces[index]
            return Self.hash("\(folder)/\(files[piece.file].path)", offset: piece.offset, count: piece.count)
        }
        var next = 0
        for (index, file) in files.enumerated() {
            let first = next
            while next < pieces.count, pieces[next].file == index { next += 1 }
            // A file that cannot be read is left out, as it would be of the run.
            guard digests[first..<next].allSatisfy({ $0 != nil }) else { continue }
            fingerprint.add(file.path)
            fingerprint.add(file.size)
            for digest in digests[first..<next] { fingerprint.add(digest!) }
        }
    }

    static let pieceSize = 4 << 20

    /// The fingerprint of `count` bytes of the file at `offset`; nil when it cannot be opened or read.
    private static func hash(_ path: String, offset: Int, count: Int) -> Fingerprint? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { buffer -> Int in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { return got < 0 ? -1 : done }
                done += got
            }
            return done
        }
        guard read >= 0 else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(bytes[0..<read])
        return fingerprint
    }

    /// `path` absolute, without `.`, `..` or symbolic links (as far as it exists).
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The state file and its WAL by size and modification time: ingested engagement, suppressions and opt-outs
    /// change who is in which segment and who is mailed. Read from their attributes only, never opened.
    mutating func addStateFile(_ path: String) {
        for path in [path, path + "-wal"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            fingerprint.add((attributes?[.size] as? Int) ?? -1)
            fingerprint.add(Int(((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1e6))
        }
    }

    /// The store's secret and its retired ones (the tracking keyring: retired keys still resolve the engagement of
    /// mail already sent), each through a token it signs, wherever `store.json` says it lives (a variable, a file).
    mutating func addSecrets(store: String, settings: StoreSettings?, environment: [String: String]) {
        guard let settings else {
            fingerprint.add("no settings")
            return
        }
        for source in [settings.secret] + settings.secret.retired {
            fingerprint.add(source.keyID)
            if let key = try? SecretResolver.resolve(source, storeFolder: store, environment: environment) {
                fingerprint.add(
                    CapabilityTokens(secret: key, settings: settings).token(for: .wishlist(customer: "inputs")))
            } else {
                fingerprint.add("no secret")
            }
        }
    }
}
