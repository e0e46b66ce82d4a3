import Foundation
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
        fingerprint.add("vitrine \(command) inputs 1")
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

    /// Every regular file below `folder` (sorted paths, then bytes), but the store's own state (`*.sqlite*`) and the
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
        for path in paths.sorted() where !path.contains(".sqlite") {
            let full = "\(folder)/\(path)"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: full)
            else { continue }
            fingerprint.add(path)
            data.withUnsafeBytes { fingerprint.add($0) }
        }
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
