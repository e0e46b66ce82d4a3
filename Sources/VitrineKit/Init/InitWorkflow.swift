import EventStore
import Foundation
import Tokens

/// `vitrine init DIR`: a new store folder copied from the example store, with a new secret key file, written
/// atomically (a temporary folder renamed into place) and never over an existing folder.
public enum InitWorkflow {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case destinationExists(String)
        case exampleNotFound
        case io(step: String, path: String, reason: String)

        public var description: String {
            switch self {
            case .destinationExists(let path): "\(path) already exists; vitrine init never overwrites a folder"
            case .exampleNotFound:
                "cannot find the example store (a Catalog folder next to the vitrine package); set VITRINE_EXAMPLE to its path"
            case .io(let step, let path, let reason): "cannot \(step) \(path): \(reason)"
            }
        }
    }

    /// Files of the example that are state, not data: they stay behind.
    static func isState(_ name: String) -> Bool { name.hasSuffix(".sqlite") || name.contains(".sqlite-") }

    /// Copies the example store into `destination`; returns the files written (relative paths).
    public static func run(destination: String, example: String? = nil) throws(Failure) -> [String] {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: destination) else { throw .destinationExists(destination) }
        guard let example = example ?? locateExample() else { throw .exampleNotFound }
        let parent = (destination as NSString).deletingLastPathComponent
        let staging =
            (parent.isEmpty ? "." : parent)
            + "/.vitrine-init-\(getpid())-\((destination as NSString).lastPathComponent)"
        var written: [String] = []
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let names = try fileManager.subpathsOfDirectory(atPath: example).sorted()
            for name in names where !isState(name) {
                var isDirectory: ObjCBool = false
                _ = fileManager.fileExists(atPath: "\(example)/\(name)", isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    try fileManager.createDirectory(atPath: "\(staging)/\(name)", withIntermediateDirectories: true)
                } else {
                    try fileManager.copyItem(atPath: "\(example)/\(name)", toPath: "\(staging)/\(name)")
                    written.append(name)
                }
            }
            try addKeyFile(staging: staging)
            written.append(keyFileName)
            try addStateFile(staging: staging)
            written.append(stateFileName)
            guard rename(staging, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(atPath: staging)
                throw Failure.io(step: "create", path: destination, reason: reason)
            }
        } catch let failure as Failure {
            throw failure
        } catch let failure as SecretError {
            try? fileManager.removeItem(atPath: staging)
            throw .io(step: "create the key file of", path: destination, reason: "\(failure)")
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw .io(step: "write", path: destination, reason: "\(error.localizedDescription)")
        }
        return written
    }

    /// The store's own signing secret, next to store.json but never committed (listed in .gitignore) nor
    /// published (the site is written under Output/site).
    static let keyFileName = ".vitrine-secret"

    /// Writes a new key file (mode 0600), lists it in .gitignore and points store.json's `secret` at it.
    static func addKeyFile(staging: String) throws {
        try KeyFile.create(at: "\(staging)/\(keyFileName)")
        let ignore = "\(staging)/.gitignore"
        var ignored = (try? String(contentsOfFile: ignore, encoding: .utf8)) ?? ""
        if !ignored.isEmpty, !ignored.hasSuffix("\n") { ignored += "\n" }
        ignored +=
            "# The signing secret of tokens and coupon codes (vitrine init made it); never commit it.\n/\(keyFileName)\n"
        try ignored.write(toFile: ignore, atomically: true, encoding: .utf8)
        let settingsPath = "\(staging)/store.json"
        let settings = try String(contentsOfFile: settingsPath, encoding: .utf8)
        try pointingSecret(settings, at: keyFileName).write(toFile: settingsPath, atomically: true, encoding: .utf8)
    }

    /// The store's own state (suppressions, the send journal, ingested events, the stock history), never committed.
    static let stateFileName = "state.sqlite"

    /// Creates the state file at the current schema, so the store keeps its history (the stock a wish list's "back
    /// in stock" needs) from its first build; the example's .gitignore already leaves `*.sqlite*` out.
    static func addStateFile(staging: String) throws {
        _ = try EventStore(path: "\(staging)/\(stateFileName)")
    }

    /// store.json's text with the value of `"secret"` (an object without nested braces) replaced by
    /// `{ "file": NAME }`, or the key added after the opening brace; the rest of the text is kept as written.
    static func pointingSecret(_ settings: String, at name: String) -> String {
        let value = "{ \"file\": \"\(name)\" }"
        var searchFrom = settings.startIndex
        while let key = settings[searchFrom...].range(of: "\"secret\"") {
            searchFrom = key.upperBound
            if let open = settings[key.upperBound...].firstIndex(of: "{"),
                settings[key.upperBound..<open].allSatisfy({ $0 == ":" || $0.isWhitespace }),
                settings[key.upperBound..<open].contains(":"),
                let close = settings[open...].firstIndex(of: "}")
            {
                return settings.replacingCharacters(in: open...close, with: value)
            }
        }
        guard let brace = settings.firstIndex(of: "{") else { return settings }
        return settings.replacingCharacters(in: brace...brace, with: "{\n  \"secret\": \(value),")
    }

    /// The example store: `$VITRINE_EXAMPLE`, else the `Catalog` folder that ships with this binary.
    public static func locateExample() -> String? {
        ProcessInfo.processInfo.environment["VITRINE_EXAMPLE"] ?? InstalledFiles.locate("Catalog", marker: "store.json")
    }
}
