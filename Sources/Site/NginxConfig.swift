/// `OUTPUT/nginx.conf`: a ready server block for the published site, to `include` from nginx's `http {}` block.
///
/// - `root` is the absolute path of `OUTPUT/site`, the link the publisher switches atomically, so nginx serves
///   whole generations only.
/// - `gzip_static on` serves the `.gz` siblings the build writes.
/// - Hashed assets (`assets/<name>.<hash8>.<ext>`) are cached for a year, `immutable`; pages for five minutes.
/// - `/w/` and `/k/` (personal pages) carry `X-Robots-Tag: noindex, nofollow` and `Referrer-Policy: no-referrer`
///   and are never cached by shared caches.
/// - `POST /unsubscribe/` (RFC 8058 one-click, and the page's own button) and `POST /privacy/` (turning tracking
///   off) are answered 200 instead of nginx's 405; the request line with its `vt` token lands in the access log,
///   where `vitrine ingest` reads it.
/// - The `vitrine` log format is the combined format plus the request time in seconds (`$request_time`, e.g.
///   `0.004`) as a last field.
public struct NginxConfig: Sendable {
    /// The absolute path of `OUTPUT/site`.
    public var siteRoot: String
    /// The store's base URL (`https://shop.example.com`): the server name comes from its host.
    public var baseURL: String
    /// The body of the answer to the unsubscribe POST, in the fallback segment's language.
    public var unsubscribedMessage: String
    /// The body of the answer to the privacy POST (tracking turned off).
    public var trackingOffMessage: String
    public var language: String
    /// `listen` directives' arguments.
    public var listen: [String]
    public var accessLog: String

    public init(
        siteRoot: String, baseURL: String, unsubscribedMessage: String, trackingOffMessage: String = "",
        language: String, listen: [String] = ["80", "[::]:80"], accessLog: String = "/var/log/nginx/vitrine.access.log"
    ) {
        self.trackingOffMessage = trackingOffMessage
        self.siteRoot = siteRoot
        self.baseURL = baseURL
        self.unsubscribedMessage = unsubscribedMessage
        self.language = language
        self.listen = listen
        self.accessLog = accessLog
    }

    /// The combined log format with `$request_time` appended.
    public static let logFormat =
        "'$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
        + "\"$http_referer\" \"$http_user_agent\" $request_time'"

    var serverName: String {
        guard let scheme = baseURL.range(of: "://") else { return "_" }
        let rest = baseURL[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" }
        let safe = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return host.isEmpty || !safe ? "_" : String(host)
    }

    public var text: String {
        let personalHeaders = """
                    add_header X-Robots-Tag "noindex, nofollow" always;
                    add_header Referrer-Policy "no-referrer" always;
                    add_header Cache-Control "private, no-cache" always;
            """
        func answer(_ message: String) -> String {
            "<!DOCTYPE html><html lang=\"\(Self.htmlAttribute(language))\"><meta charset=\"utf-8\"><title>"
                + Self.htmlText(message) + "</title><p>" + Self.htmlText(message) + "</p>"
        }
        // GET shows the confirm button; POST (the button, or a mail client's RFC 8058 one-click) is logged with its
        // token and answered 200, where nginx's static handler would say 405.
        func formLocation(_ path: String, _ message: String) -> String {
            // The first line takes the server block's indentation from where it is interpolated; the rest carry
            // their own.
            [
                "location = \(path) {",
                "        add_header X-Robots-Tag \"noindex, nofollow\" always;",
                "        add_header Referrer-Policy \"no-referrer\" always;",
                "        add_header Cache-Control \"no-store\" always;",
                "        default_type text/html;",
                "        if ($request_method = POST) {",
                "            return 200 \(Self.quoted(answer(message)));",
                "        }",
                // The page itself, served in this location (an index redirect would lose these headers).
                "        try_files ${uri}index.html =404;",
                "    }",
            ].joined(separator: "\n")
        }
        return """
            # Written by vitrine build: a server block for the site it publishes. Include it from nginx's http {} block
            # (include \(siteRoot.hasSuffix("/site") ? String(siteRoot.dropLast(5)) : siteRoot)/nginx.conf;)
            # and add TLS as your host does. `vitrine ingest` reads the access log in the vitrine format: the
            # combined format plus the request time in seconds.
            log_format vitrine \(Self.logFormat);

            server {
                \(listen.map { "listen \($0);" }.joined(separator: "\n    "))
                server_name \(serverName);
                root \(Self.quoted(siteRoot));
                index index.html;
                charset utf-8;
                charset_types text/css text/plain text/xml application/javascript application/json application/rss+xml image/svg+xml;
                access_log \(Self.quoted(accessLog)) vitrine;

                # Every compressible file has a .gz sibling of the same bytes.
                gzip_static on;
                gzip_vary on;

                error_page 404 /404.html;

                location / {
                    add_header Cache-Control "public, max-age=300" always;
                    try_files $uri $uri/ =404;
                }
                # Content-hashed names change whenever the bytes do: cache them for good.
                location ~ "^/assets/.+\\.[0-9a-f]{8}\\.[A-Za-z0-9]+$" {
                    add_header Cache-Control "public, max-age=31536000, immutable" always;
                    try_files $uri =404;
                }
                # Personal pages: capability URLs that must not be indexed, leak through Referer, or be cached.
                location /w/ {
            \(personalHeaders)
                    try_files $uri $uri/ =404;
                }
                location /k/ {
            \(personalHeaders)
                    try_files $uri $uri/ =404;
                }
                location = /404.html {
                    add_header Cache-Control "no-cache" always;
                }
                \(formLocation("/unsubscribe/", unsubscribedMessage))
                \(formLocation("/privacy/", trackingOffMessage.isEmpty ? unsubscribedMessage : trackingOffMessage))
            }

            """
    }

    /// An nginx string in double quotes: `"` and `\` escaped (callers keep `$` out: nginx would read a variable).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func htmlText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "$": out += "&#36;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func htmlAttribute(_ text: String) -> String {
        String(
            text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-") }.map(Character.init))
    }
}
