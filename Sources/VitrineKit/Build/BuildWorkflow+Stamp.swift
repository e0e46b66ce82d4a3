import Foundation
import Publishing
import Store
import Tokens

/// The whole-build shortcut: a fingerprint of everything a build reads — the store folder's files, the theme
/// folders' files, the options, the build day, the secret (through a token derived from it, never the secret itself)
/// and the vitrine executable — recorded with the published site. When a build's inputs hash the same, the site is
/// already what the build would produce: nothing is loaded, planned or rendered. Any other build goes the usual way,
/// page by page.
extension BuildWorkflow {
    static func inputsFingerprint(_ options: Options, buildDay: Int64, themeFolders: [String]) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add("vitrine build inputs 1")
        // A new vitrine may render differently: its executable is an input too.
        if let executable = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(
                atPath: executable)
        {
            fingerprint.add(executable)
            fingerprint.add((attributes[.size] as? Int) ?? 0)
            fingerprint.add(Int(((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1e6))
        }
        fingerprint.add(Int(buildDay))
        fingerprint.add(options.segments.joined(separator: "\u{0}"))
        fingerprint.add(options.shard.map { "\($0.index)/\($0.count)" } ?? "-")
        fingerprint.add(options.gzipLevel ?? -1)
        fingerprint.add(options.sitemapLimit)
        for folder in [options.store] + themeFolders { addFiles(under: folder, to: &fingerprint) }
        // Ingested engagement moves customers between segments: the state file (and its WAL) is an input too.
        let state = options.state ?? options.store + "/state.sqlite"
        for path in [state, state + "-wal"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            fingerprint.add((attributes?[.size] as? Int) ?? -1)
            fingerprint.add(Int(((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1e6))
        }
        let environment = options.environment ?? ProcessInfo.processInfo.environment
        if let settings = StoreLoader.settings(directory: options.store),
            let key = try? SecretResolver.resolve(settings.secret, storeFolder: options.store, environment: environment)
        {
            fingerprint.add(
                CapabilityTokens(secret: key, settings: settings).token(for: .wishlist(customer: "build inputs")))
        } else {
            fingerprint.add("no secret")
        }
        return fingerprint
    }

    /// Every regular file below `folder` (sorted paths, then bytes), but the store's own state (`*.sqlite*`).
    private static func addFiles(under folder: String, to fingerprint: inout Fingerprint) {
        fingerprint.add(folder)
        guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { return }
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

    /// The theme folders a build would read: the given ones, or every theme that ships with vitrine (a store's own
    /// themes are inside the store folder).
    static func themeFolders(_ options: Options) -> [String] {
        options.themeDirectories ?? [(ThemeLocation.defaultTheme() as NSString).deletingLastPathComponent]
    }
}
