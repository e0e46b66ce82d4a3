import Diagnostics
import Foundation
import Mustache
import Publishing
import Site
import TextFormats

/// Reads a theme for the site builder: templates, `locales/*.json` string tables, `theme.json` settings and the
/// files under `assets/`, each looked up through the search path (a store's theme first, then the default), so a
/// store overrides any single file (string tables: any single key). Every problem is a diagnostic with its place.
enum SiteThemeLoader {
    struct Loaded {
        var theme: SiteTheme
        /// Published asset path (`assets/app.3f9c2a1b.css`) → bytes.
        var assetFiles: [(path: String, bytes: [UInt8])]
    }

    static func load(directories: [String], diagnostics: inout DiagnosticEngine) -> Loaded {
        let library = ThemeLoader.library(directories: directories, diagnostics: &diagnostics)
        var digests: [String: String] = [:]
        for name in library.names {
            if let template = library[name] { digests[name] = ContentHash.hex8(template.sourceText.bytes) }
        }

        // String tables merge key by key: a store's theme can change one phrase (or name its categories) and keep
        // the rest of the default's table.
        var strings: [String: [String: String]] = [:]
        for directory in directories.reversed() {
            let tables = files(under: "locales", in: [directory], diagnostics: &diagnostics)
            for (relative, path) in tables where relative.hasSuffix(".json") {
                let locale = String(relative.dropLast(".json".count))
                if let table = stringTable(path: path, diagnostics: &diagnostics) {
                    strings[locale, default: [:]].merge(table) { $1 }
                }
            }
        }

        var pageSize = 24
        var lowStock = 5
        if let path = directories.map({ $0 + "/theme.json" }).first(where: FileManager.default.fileExists(atPath:)),
            let data = FileManager.default.contents(atPath: path)
        {
            let source = SourceText(path: path, bytes: [UInt8](data))
            diagnostics.register(source)
            if let root = JSONParser.parse(source, diagnostics: &diagnostics) {
                pageSize =
                    setting(root, "page_size", in: 1...1000, source: source, diagnostics: &diagnostics) ?? pageSize
                lowStock =
                    setting(root, "low_stock", in: 0...1000, source: source, diagnostics: &diagnostics) ?? lowStock
            }
        }

        var assets: [String: String] = [:]
        var assetFiles: [(String, [UInt8])] = []
        for (relative, path) in files(under: "assets", in: directories, diagnostics: &diagnostics) {
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.error("cannot read theme asset \(path)", at: nil)
                continue
            }
            let bytes = [UInt8](data)
            let hashed = hashedName(relative, hash: ContentHash.hex8(bytes))
            assets[relative] = "assets/" + hashed
            assetFiles.append(("assets/" + hashed, bytes))
        }
        let theme = SiteTheme(
            library: library, strings: strings, templateDigests: digests, pageSize: pageSize, lowStock: lowStock,
            assets: assets)
        return Loaded(theme: theme, assetFiles: assetFiles)
    }

    /// `app.css` → `app.3f9c2a1b.css`.
    static func hashedName(_ relative: String, hash: String) -> String {
        guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else {
            return relative + "." + hash
        }
        return relative[..<dot] + "." + hash + relative[dot...]
    }

    /// Files below `folder` of each directory (relative name → path), the first directory that has a name winning.
    /// A file that is a link leaving its theme folder is reported, not read (a theme is published with the site).
    static func files(
        under folder: String, in directories: [String], diagnostics: inout DiagnosticEngine
    ) -> [(String, String)] {
        var found: [String: String] = [:]
        for directory in directories {
            let base = directory + "/" + folder
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let path = base + "/" + relative
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    !relative.hasPrefix("."), found[relative] == nil
                else { continue }
                guard ThemeLoader.staysInside(directory, folder + "/" + relative) else {
                    diagnostics.error("\(path) is a link to a file outside the theme folder: not read", at: nil)
                    continue
                }
                found[relative] = path
            }
        }
        return found.sorted { $0.key < $1.key }
    }

    /// A flat JSON object of strings.
    static func stringTable(path: String, diagnostics: inout DiagnosticEngine) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read string table \(path)", at: nil)
            return nil
        }
        let source = SourceText(path: path, bytes: [UInt8](data))
        diagnostics.register(source)
        guard let root = JSONParser.parse(source, diagnostics: &diagnostics) else { return nil }
        guard case .object(let members) = root.value else {
            diagnostics.error("a string table is an object of strings", at: source.location(atOffset: root.offset))
            return nil
        }
        var table: [String: String] = [:]
        for member in members {
            guard case .string(let text) = member.value.value else {
                diagnostics.error(
                    "\"\(member.key)\" must be a string, found \(member.value.kindName)",
                    at: source.location(atOffset: member.value.offset))
                continue
            }
            table[member.key] = text
        }
        return table
    }

    private static func setting(
        _ root: JSONNode, _ key: String, in range: ClosedRange<Int>, source: SourceText,
        diagnostics: inout DiagnosticEngine
    ) -> Int? {
        guard let node = root[key] else { return nil }
        guard case .number(let text) = node.value, let value = Int(text), range.contains(value) else {
            diagnostics.error(
                "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                at: source.location(atOffset: node.offset))
            return nil
        }
        return value
    }
}
