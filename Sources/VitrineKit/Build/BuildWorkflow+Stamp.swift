import Foundation
import Publishing
import Store

/// The whole-build shortcut: a fingerprint of everything a build reads — the store folder's files, the theme
/// folders' files, the options, the build day, the secrets (through tokens derived from them, never a secret itself)
/// and the vitrine executable — recorded with the published site. When a build's inputs hash the same, the site is
/// already what the build would produce: nothing is loaded, planned or rendered. Any other build goes the usual way,
/// page by page.
extension BuildWorkflow {
    static func inputsFingerprint(_ options: Options, buildDay: Int64, themeFolders: [String]) -> Fingerprint {
        var inputs = InputsFingerprint(command: "build", output: options.output)
        inputs.add(Int(buildDay))
        inputs.add(options.segments.joined(separator: "\u{0}"))
        inputs.add(options.shard.map { "\($0.index)/\($0.count)" } ?? "-")
        inputs.add(options.gzipLevel ?? -1)
        inputs.add(options.sitemapLimit)
        for folder in [options.store] + themeFolders { inputs.addFiles(under: folder) }
        inputs.addStateFile(options.state ?? options.store + "/state.sqlite")
        inputs.addSecrets(
            store: options.store, settings: StoreLoader.settings(directory: options.store),
            environment: options.environment ?? ProcessInfo.processInfo.environment)
        return inputs.fingerprint
    }

    /// The theme folders a build would read: the given ones, or every theme that ships with vitrine (a store's own
    /// themes are inside the store folder).
    static func themeFolders(_ options: Options) -> [String] {
        options.themeDirectories ?? [(ThemeLocation.defaultTheme() as NSString).deletingLastPathComponent]
    }
}
