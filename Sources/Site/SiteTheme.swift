import Mustache
import Publishing

/// What the site builder needs of a theme, already read from disk by the caller: compiled templates, the
/// string table of each locale, a content hash of each template file (for page fingerprints), the
/// theme's settings and the published names of its assets. Rendering never touches a file.
public struct SiteTheme: Sendable {
    public var library: TemplateLibrary
    /// Locale → key → text (`add_to_cart` → `Add to cart`), from `locales/<locale>.json`.
    public var strings: [String: [String: String]]
    /// Template name → hash of its bytes.
    public var templateDigests: [String: String]
    /// Products per listing page (`theme.json` `page_size`).
    public var pageSize: Int
    /// Stock at or below this shows "only N left" (`theme.json` `low_stock`).
    public var lowStock: Int
    /// Root-relative URLs of the published assets by their source name (`app.css` → `assets/app.3f9c2a1b.css`).
    public var assets: [String: String]

    public init(
        library: TemplateLibrary, strings: [String: [String: String]], templateDigests: [String: String],
        pageSize: Int = 24, lowStock: Int = 5, assets: [String: String] = [:]
    ) {
        self.library = library
        self.strings = strings
        self.templateDigests = templateDigests
        self.pageSize = max(1, pageSize)
        self.lowStock = lowStock
        self.assets = assets
    }

    /// The names of the templates a page kind renders with: its page template and every partial or parent
    /// reachable from it by literal names (a dynamic name brings in the whole library).
    /// What a page rendered from template `name` takes from the theme: every template it reaches with its
    /// digest, the published asset names and the theme's settings. Part of every page's fingerprint.
    func digest(of name: String) -> String {
        var fingerprint = Fingerprint()
        for used in templatesUsed(by: name) {
            fingerprint.add(used)
            fingerprint.add(templateDigests[used] ?? "-")
        }
        for (source, published) in assets.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(source)
            fingerprint.add(published)
        }
        fingerprint.add(pageSize)
        fingerprint.add(lowStock)
        return fingerprint.hex
    }

    func templatesUsed(by root: String) -> [String] {
        var seen: Set<String> = [root]
        var pending = [root]
        while let name = pending.popLast() {
            guard let template = library[name] else { continue }
            for reference in template.references where seen.insert(reference.name).inserted {
                pending.append(reference.name)
            }
        }
        return seen.sorted()
    }
}
