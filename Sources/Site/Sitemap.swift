/// The Sitemaps protocol 0.9 (sitemaps.org): a `urlset` of at most 50,000 URLs per file; past that, `sitemap.xml`
/// is a `sitemapindex` naming `sitemap-1.xml`, `sitemap-2.xml`, … each within the limit.
public enum Sitemap {
    /// The protocol's limit of URLs per file.
    public static let maximumURLs = 50_000

    struct Entry: Sendable, Equatable {
        /// Absolute, canonical.
        var location: String
        /// `YYYY-MM-DD`, nil when unknown.
        var lastModified: String?
    }

    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// The files to publish at the site root: one `sitemap.xml`, or an index and its parts.
    static func files(_ entries: [Entry], baseURL: String, limit: Int) -> [(String, [UInt8])] {
        let limit = max(1, limit)
        guard entries.count > limit else { return [("sitemap.xml", urlSet(entries[...]))] }
        var files: [(String, [UInt8])] = []
        var index: [UInt8] = []
        index += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(namespace)\">\n".utf8)
        var start = 0
        while start < entries.count {
            let part = entries[start..<min(entries.count, start + limit)]
            let name = "sitemap-\(files.count + 1).xml"
            files.append((name, urlSet(part)))
            index += Array("<sitemap><loc>".utf8)
            XMLText.append(baseURL + "/" + name, to: &index)
            index += Array("</loc>".utf8)
            if let newest = part.compactMap(\.lastModified).max() {
                index += Array("<lastmod>\(newest)</lastmod>".utf8)
            }
            index += Array("</sitemap>\n".utf8)
            start = part.endIndex
        }
        index += Array("</sitemapindex>\n".utf8)
        return [("sitemap.xml", index)] + files
    }

    static func urlSet(_ entries: ArraySlice<Entry>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 120 + 128)
        out += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(namespace)\">\n".utf8)
        for entry in entries {
            out += Array("<url><loc>".utf8)
            XMLText.append(entry.location, to: &out)
            out += Array("</loc>".utf8)
            if let date = entry.lastModified { out += Array("<lastmod>\(date)</lastmod>".utf8) }
            out += Array("</url>\n".utf8)
        }
        out += Array("</urlset>\n".utf8)
        return out
    }
}
