import Foundation

/// Where themes are: a store's own theme folder first, then the default theme that ships with vitrine.
public enum ThemeLocation {
    /// `Themes/default`: `$VITRINE_THEMES/default`, else the default theme that ships with this binary, else
    /// `./Themes/default`.
    public static func defaultTheme() -> String {
        if let path = ProcessInfo.processInfo.environment["VITRINE_THEMES"] { return path + "/default" }
        return InstalledFiles.locate("Themes/default", marker: ".") ?? "Themes/default"
    }

    /// The folders a theme's templates are looked up in, most specific first. `theme` is a folder path, or a
    /// theme name looked up as `STORE/themes/NAME` and then as a sibling of the default theme.
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
}
