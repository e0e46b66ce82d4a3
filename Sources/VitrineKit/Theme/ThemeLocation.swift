import Foundation

/// Where themes are: a store's own theme folder first, then the default theme that ships with vitrine.
public enum ThemeLocation {
    /// `Themes/default`: `$VITRINE_THEMES/default`, else the default theme that ships with this binary, else
    /// `./Themes/default`.
    public static func defaultTheme() -> String {
        if let path = ProcessInfo.processInfo.environment["VITRINE_THEMES"] { return path + "/default" }
        return InstalledFiles.locate("Themes/default", marker: ".") ?? "Themes/default"
    }

    /// The folders a theme given on the command line is looked up in, most specific first. `theme` is a folder
    /// path, or a theme name looked up as `STORE/themes/NAME` and then as a sibling of the default theme.
    public static func searchPath(theme: String?, store: String?) -> [String] {
        let base = defaultTheme()
        guard let theme, theme != "default" else { return [base] }
        var isDirectory: ObjCBool = false
        for candidate in [
            theme, store.map { "\($0)/themes/\(theme)" }, (base as NSString).deletingLastPathComponent + "/\(theme)",
        ] {
            if let candidate, FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                return [candidate, base]
            }
        }
        return [theme, base]
    }

    /// The folders of the theme a store names (`store.json`'s `theme`), most specific first: `STORE/themes/NAME`,
    /// else vitrine's `Themes/NAME`, then the default theme. The name is a folder below those two and never
    /// resolves against the working folder: one with a `..` part, a leading `/` or a NUL is refused (the message).
    public static func searchPath(storeTheme theme: String, store: String) -> Result<[String], ThemeNameError> {
        let base = defaultTheme()
        guard theme != "default" else { return .success([base]) }
        if let problem = relativePathProblem(theme) {
            return .failure(
                ThemeNameError(
                    message:
                        "\(store)/store.json: theme \"\(printable(theme))\" \(problem): a theme is a folder of"
                        + " \(store)/themes or of vitrine's Themes"))
        }
        var isDirectory: ObjCBool = false
        for candidate in ["\(store)/themes/\(theme)", (base as NSString).deletingLastPathComponent + "/\(theme)"] {
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return .success([candidate, base])
            }
        }
        return .success(["\(store)/themes/\(theme)", base])
    }

    /// A theme name that would leave the theme folders.
    public struct ThemeNameError: Error, Equatable {
        public var message: String
    }

    /// Why `name` cannot stand for a path below a folder, if it cannot: a `..` part, a leading `/`, a NUL.
    static func relativePathProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.utf8.contains(0) { return "contains a NUL byte" }
        if name.hasPrefix("/") { return "is an absolute path" }
        if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") { return "leaves its folder" }
        return nil
    }

    /// `name` with control bytes spelled `\x1B`, so a message never carries them raw.
    static func printable(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                text += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
