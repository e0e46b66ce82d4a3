import Diagnostics
import Foundation
import Mustache
import Site
import Store

/// `vitrine theme check`: every template of a theme parsed strictly, every partial it names resolved, and every
/// page and e-mail template rendered in strict mode against the store's data (`ThemeSampleContext`).
public enum ThemeCheckWorkflow {
    /// Templates under these folders are entry points that get rendered; the rest are partials and layouts.
    static let renderedFolders = ["pages/", "emails/"]

    /// What `vitrine theme check` prints.
    public struct Outcome: Sendable {
        /// The theme folder checked (its own files first in the search path).
        public var theme: String
        /// Every problem of the theme (and a store theme name that leaves the theme folders).
        public var diagnostics: DiagnosticEngine
        /// The store folder whose data pages render against, when it has errors (pages were not rendered).
        public var brokenStore: String?

        public var hasErrors: Bool { diagnostics.hasErrors || brokenStore != nil }
    }

    /// Checks `theme` (a folder or a theme name; default: the store's theme) against `store` (default:
    /// `./Catalog` when there is one; without a store, pages are not rendered but the theme is still checked).
    public static func run(theme: String?, store: String?) -> Outcome {
        let storeDirectory = store ?? "Catalog"
        var loaded: LoadedStore? = nil
        var storeDiagnostics = DiagnosticEngine()
        if store != nil || FileManager.default.fileExists(atPath: storeDirectory) {
            (loaded, storeDiagnostics) = StoreLoader.load(directory: storeDirectory)
        }
        let brokenStore = storeDiagnostics.hasErrors ? storeDirectory : nil
        let usable = storeDiagnostics.hasErrors ? nil : loaded
        let directories: [String]
        if let theme {
            directories = ThemeLocation.searchPath(theme: theme, store: storeDirectory)
        } else if let named = loaded?.settings.theme {
            switch ThemeLocation.searchPath(storeTheme: named, store: storeDirectory) {
            case .success(let found): directories = found
            case .failure(let refused):
                var diagnostics = DiagnosticEngine()
                diagnostics.error(refused.message, at: nil)
                return Outcome(theme: named, diagnostics: diagnostics, brokenStore: brokenStore)
            }
        } else {
            directories = ThemeLocation.searchPath(theme: nil, store: storeDirectory)
        }
        let diagnostics = run(directories: directories, store: usable)
        return Outcome(theme: directories.first ?? "theme", diagnostics: diagnostics, brokenStore: brokenStore)
    }

    public static func run(directories: [String], store: LoadedStore?) -> DiagnosticEngine {
        var diagnostics = checkFiles(directories: directories)
        guard let store, !diagnostics.hasErrors else { return diagnostics }
        var ignored = DiagnosticEngine()
        let library = ThemeLoader.library(directories: directories, diagnostics: &ignored)
        let context = ThemeSampleContext.make(store, siteDirectories: directories)
        for name in library.names { library[name].map { diagnostics.register($0.sourceText) } }
        for name in library.names where renderedFolders.contains(where: name.hasPrefix) {
            guard let template = library[name] else { continue }
            var output: [UInt8] = []
            for problem in template.render(context, library: library, options: .strict, into: &output) {
                diagnostics.emit(problem)
            }
        }
        return diagnostics
    }

    /// Parses every `.mustache` file under `directories` (a store's theme first, then the default theme),
    /// reporting every syntax error of every file, and checks that every partial and parent named in a template
    /// resolves (through the same override order renders use).
    static func checkFiles(directories: [String]) -> DiagnosticEngine {
        var diagnostics = DiagnosticEngine()
        var ignored = DiagnosticEngine()
        let library = ThemeLoader.library(directories: directories, diagnostics: &ignored)
        if library.names.isEmpty {
            diagnostics.error("no .mustache templates in \(directories.joined(separator: ", "))", at: nil)
        }
        // Every file, also one hidden by an override (it is the default a store falls back to), with its
        // syntax errors and then the partials it names that resolve to nothing.
        for directory in directories {
            for relative in ThemeLoader.mustacheFiles(in: directory) {
                let path = ThemeLoader.join(directory, relative)
                guard let template = ThemeLoader.template(path: path, name: relative, diagnostics: &diagnostics)
                else { continue }
                for reference in template.references where library[reference.name] == nil {
                    diagnostics.error("unknown partial \"\(reference.name)\"", at: reference.location)
                }
            }
        }
        return diagnostics
    }
}
