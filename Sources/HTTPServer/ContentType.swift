/// The Content-Type of a file by its extension; `application/octet-stream` for the rest.
enum ContentType {
    static func of(_ path: String) -> String {
        guard let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")),
            !path[dot...].utf8.contains(UInt8(ascii: "/"))
        else { return "application/octet-stream" }
        switch path[path.index(after: dot)...].lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "gif": return "image/gif"
        case "xml": return "application/xml"
        case "json": return "application/json"
        case "txt": return "text/plain; charset=utf-8"
        case "woff2": return "font/woff2"
        case "ico": return "image/x-icon"
        case "gz": return "application/gzip"
        default: return "application/octet-stream"
        }
    }
}
