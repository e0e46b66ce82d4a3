import Diagnostics
import Foundation
import Mustache
import Store

/// Reads themes from folders into a `TemplateLibrary`: the one place templates come from files (the Mustache
/// engine reads none).
///
/// It finds every `NAME.mustache` under an ordered list of folders; a name found in an earlier folder hides the
/// same name in later ones (a store's theme overrides any single file of `Themes/default/`). Each file is parsed
/// once.
public enum ThemeLoader {
    /// Every `.mustache` file under `directories` (searched in order; the first file found for a name wins). A
    /// file's name is its path below its folder without the extension. Syntax errors and unreadable files go to
    /// `diagnostics`; a folder that does not exist is skipped (a store without its own theme), unless none does.
    public static func library(directories: [String], diagnostics: inout DiagnosticEngine) -> TemplateLibrary {
        var library = TemplateLibrary()
        var anyDirectory = false
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else { continue }
            anyDirectory = true
            for relative in mustacheFiles(in: directory) {
                let name = String(relative.dropLast(".mustache".count))
                guard library[name] == nil else { continue }
                guard staysInside(directory, relative) else {
                    diagnostics.error(
                        "\(join(directory, relative)) is a link to a file outside the theme folder: not read", at: nil)
                    continue
                }
                guard let template = template(path: join(directory, relative), name: name, diagnostics: &diagnostics)
                else { continue }
                library.add(template)
            }
        }
        if !anyDirectory {
            diagnostics.error(
                "no template directory found (looked in \(directories.joined(separator: ", ")))", at: nil)
        }
        return library
    }

    /// Reads and parses one file, its syntax errors reported; nil (reported, with the system's reason) when it
    /// cannot be read.
    public static func template(path: String, name: String, diagnostics: inout DiagnosticEngine) -> Template? {
        guard let source = SourceFiles.read(path, diagnostics: &diagnostics) else { return nil }
        let template = Template(source: source, name: name)
        for problem in template.diagnostics { diagnostics.emit(problem) }
        return template
    }

    /// Whether `relative` below `directory`, its symbolic links followed, is still inside `directory`: a theme is
    /// published with the site, so a link must not pull in a file from elsewhere on the machine.
    static func staysInside(_ directory: String, _ relative: String) -> Bool {
        guard let root = realpath(directory, nil) else { return false }
        defer { free(root) }
        guard let file = realpath(join(directory, relative), nil) else { return false }
        defer { free(file) }
        let base = String(cString: root)
        return String(cString: file).hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// Paths of `.mustache` files below `directory`, relative to it, sorted (deterministic diagnostics).
    static func mustacheFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".mustache") { found.append(path) }
        }
        return found.sorted()
    }

    /// `directory/relative`, and just `relative` in the working folder (messages name `card.mustache`, not
    /// `./card.mustache`).
    static func join(_ directory: String, _ relative: String) -> String {
        if directory == "." { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
