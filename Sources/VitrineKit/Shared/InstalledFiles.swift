import Foundation

/// Files that ship with vitrine (the example store, the default theme): found beside the package the binary was
/// built from, or in `share/vitrine/` of an installation prefix.
enum InstalledFiles {
    /// `relative` (`Catalog`, `Themes/default`) in the folder of the executable or up to five folders above it
    /// (`.build/release/vitrine` sits three below the package root; `PREFIX/bin/vitrine` one below `PREFIX`),
    /// as `relative` or `share/vitrine/relative`; the first that holds `marker` (a file or folder inside it).
    static func locate(_ relative: String, marker: String) -> String? {
        let fileManager = FileManager.default
        // The executable itself, not argv[0]: a binary found through PATH has no folder in argv[0].
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [relative, "share/vitrine/\(relative)"] {
                let path = directory.appendingPathComponent(candidate).path
                if fileManager.fileExists(atPath: path + "/" + marker) { return path }
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
