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

    public static func run(directories: [String], store: LoadedStore?) -> DiagnosticEngine {
        var diagnostics = TemplateRendering.checkTheme(directories: directories)
        guard let store, !diagnostics.hasErrors else { return diagnostics }
        var ignored = DiagnosticEngine()
        let library = TemplateLibrary.load(directories: directories, diagnostics: &ignored)
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
}
