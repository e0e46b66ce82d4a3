import Foundation
import TestSupport
import Testing
import VitrineKit

#if canImport(Glibc)
    import Glibc
#endif

/// `OUTPUT/nginx.conf` with a real nginx (Debian's `nginx` package): `nginx -t` accepts it, and a server on
/// 127.0.0.1 serves a built site with it: gzip_static, cache headers, the personal paths' headers, 404s and the
/// one-click unsubscribe POST.
@Suite(.serialized) struct NginxTests {
    static let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let missing = "nginx is not installed: these tests need Debian's nginx package (apt-get install -y nginx)"

    /// A wrapper config that includes `server` in an `http` block, with every path nginx writes in `directory`.
    static func wrapper(including server: String, directory: String) -> String {
        """
        worker_processes 1;
        pid \(directory)/nginx.pid;
        error_log \(directory)/error.log;
        events { worker_connections 64; }
        http {
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            client_body_temp_path \(directory)/body;
            proxy_temp_path \(directory)/proxy;
            fastcgi_temp_path \(directory)/fastcgi;
            uwsgi_temp_path \(directory)/uwsgi;
            scgi_temp_path \(directory)/scgi;
            include \(server);
        }

        """
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(nginx, Comment(rawValue: missing)))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-nginx-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func nginxAcceptsTheConfig() throws {
        try #require(Self.nginx != nil, Comment(rawValue: Self.missing))
        let store = try SurroundingsTests().built()
        let config = store.output + "/nginx.conf"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        let siteRoot = URL(fileURLWithPath: store.output).standardizedFileURL.path + "/site"
        #expect(text.contains("root \"\(siteRoot)\";"))
        #expect(text.contains("gzip_static on;"))
        #expect(text.contains("error_page 404 /404.html;"))
        #expect(text.contains("log_format vitrine "))
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let wrapper = directory + "/nginx.conf"
        try Self.wrapper(including: config, directory: directory).write(
            toFile: wrapper, atomically: true, encoding: .utf8)
        let (status, output) = try Self.run(["-t", "-p", directory, "-e", directory + "/error.log", "-c", wrapper])
        #expect(status == 0, "nginx -t: \(output)")
        #expect(output.contains("test is successful"), "\(output)")
    }

    @Test func nginxServesTheSite() throws {
        try #require(Self.nginx != nil, Comment(rawValue: Self.missing))
        let store = try SurroundingsTests().built()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A copy of the published site with a personal page in it (this branch writes none of its own).
        let site = URL(fileURLWithPath: store.output + "/site").resolvingSymlinksInPath().path
        let served = directory + "/site"
        try FileManager.default.copyItem(atPath: site, toPath: served)
        try FileManager.default.createDirectory(atPath: served + "/w/token/", withIntermediateDirectories: true)
        try "<!DOCTYPE html><title>wish list</title>".write(
            toFile: served + "/w/token/index.html", atomically: true, encoding: .utf8)

        // The config as written, on 127.0.0.1 and a free port, rooted at the copy, logging to the temporary folder.
        let port = try #require(LoopbackSocket.freePort(), "cannot bind 127.0.0.1:0")
        let original = try String(contentsOfFile: store.output + "/nginx.conf", encoding: .utf8)
        let siteRoot = URL(fileURLWithPath: store.output).standardizedFileURL.path + "/site"
        var lines: [String] = []
        var listens = 0
        for line in original.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("listen ") {
                listens += 1
                if listens == 1 { lines.append("    listen 127.0.0.1:\(port);") }
            } else if trimmed.hasPrefix("access_log ") {
                lines.append("    access_log \(directory)/access.log vitrine;")
            } else if trimmed == "root \"\(siteRoot)\";" {
                lines.append("    root \"\(served)\";")
            } else {
                lines.append(String(line))
            }
        }
        #expect(listens == 2)
        let server = directory + "/server.conf"
        try lines.joined(separator: "\n").write(toFile: server, atomically: true, encoding: .utf8)
        #expect(lines.contains("    root \"\(served)\";"))
        let wrapper = directory + "/nginx.conf"
        try ("daemon off;\n" + Self.wrapper(including: server, directory: directory)).write(
            toFile: wrapper, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.nginx))
        process.arguments = ["-p", directory, "-e", directory + "/error.log", "-c", wrapper]
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        try Self.waitForPort(port, process: process, errorLog: directory + "/error.log")

        // gzip_static: a client that accepts gzip gets the .gz sibling's bytes, others the page.
        let page = "everyone/p/mountain-tea/index.html"
        let zipped = try HTTP.request(
            "GET", "/everyone/p/mountain-tea/", port: port, headers: ["Accept-Encoding: gzip"])
        #expect(zipped.status == 200)
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(zipped.body == Array(try Data(contentsOf: URL(fileURLWithPath: served + "/" + page + ".gz"))))
        #expect(zipped.header("Cache-Control") == "public, max-age=300")
        let plain = try HTTP.request("GET", "/everyone/p/mountain-tea/", port: port)
        #expect(plain.header("Content-Encoding") == nil)
        #expect(plain.body == Array(try Data(contentsOf: URL(fileURLWithPath: served + "/" + page))))
        #expect(plain.header("Content-Type") == "text/html; charset=utf-8")

        // Hashed assets for a year; the feed and the sitemap as XML.
        let stylesheet = try #require(
            try FileManager.default.contentsOfDirectory(atPath: served + "/assets").first { $0.hasSuffix(".css") })
        let asset = try HTTP.request("GET", "/assets/" + stylesheet, port: port, headers: ["Accept-Encoding: gzip"])
        #expect(asset.status == 200)
        #expect(asset.header("Cache-Control") == "public, max-age=31536000, immutable")
        #expect(asset.header("Content-Encoding") == "gzip")
        #expect(
            try HTTP.request("GET", "/sitemap.xml", port: port).header("Content-Type")?.hasPrefix("text/xml") == true)
        let pixel = try HTTP.request("GET", "/px.gif?vt=abc", port: port)
        #expect(pixel.status == 200 && pixel.body.count == 43)
        #expect(pixel.header("Content-Type") == "image/gif")

        // Personal paths: not indexed, no referrer, not cached by others.
        let wish = try HTTP.request("GET", "/w/token/", port: port)
        #expect(wish.status == 200)
        #expect(wish.header("X-Robots-Tag") == "noindex, nofollow")
        #expect(wish.header("Referrer-Policy") == "no-referrer")
        #expect(wish.header("Cache-Control") == "private, no-cache")
        #expect(try HTTP.request("GET", "/", port: port).header("X-Robots-Tag") == nil)

        // A missing page: 404 with the theme's 404 page.
        let missing = try HTTP.request("GET", "/everyone/p/no-such-thing/", port: port)
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("Page not found"))

        // Unsubscribe: GET shows the button, POST (one-click) is answered 200.
        let confirm = try HTTP.request("GET", "/unsubscribe/?vt=abc", port: port)
        #expect(confirm.status == 200)
        #expect(String(decoding: confirm.body, as: UTF8.self).contains("<form method=\"post\">"))
        let oneClick = try HTTP.request(
            "POST", "/unsubscribe/?vt=abc", port: port,
            headers: ["Content-Type: application/x-www-form-urlencoded"], body: "List-Unsubscribe=One-Click")
        #expect(oneClick.status == 200)
        #expect(String(decoding: oneClick.body, as: UTF8.self).contains("You are unsubscribed"))
        #expect(oneClick.header("Content-Type") == "text/html; charset=utf-8")
        #expect(try HTTP.request("POST", "/everyone/", port: port, body: "x").status == 405)

        // Privacy: the same for turning tracking off.
        let privacy = try HTTP.request("GET", "/privacy/?vt=def", port: port)
        #expect(privacy.status == 200)
        #expect(privacy.header("X-Robots-Tag") == "noindex, nofollow")
        #expect(String(decoding: privacy.body, as: UTF8.self).contains("<form method=\"post\">"))
        let optOut = try HTTP.request("POST", "/privacy/?vt=def", port: port, body: "")
        #expect(optOut.status == 200)
        #expect(String(decoding: optOut.body, as: UTF8.self).contains("no tracking"))

        // The access log: combined format plus the request time.
        process.terminate()
        process.waitUntilExit()
        let log = try String(contentsOfFile: directory + "/access.log", encoding: .utf8)
        #expect(log.contains("\"POST /privacy/?vt=def HTTP/1.1\" 200 "))
        let post = try #require(log.split(separator: "\n").first { $0.contains("POST /unsubscribe/") })
        #expect(
            post.wholeMatch(
                of:
                    /127\.0\.0\.1 - - \[[^\]]+\] "POST \/unsubscribe\/\?vt=abc HTTP\/1\.1" 200 [0-9]+ "-" "vitrine-test" [0-9]+\.[0-9]{3}/
            ) != nil, "\(post)")
    }

    static func waitForPort(_ port: Int, process: Process, errorLog: String) throws {
        for _ in 0..<100 {
            if (try? HTTP.request("HEAD", "/", port: port)) != nil { return }
            if !process.isRunning { break }
            usleep(50_000)
        }
        let log = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
        Issue.record("nginx did not start on 127.0.0.1:\(port): \(log)")
        throw CancellationError()
    }
}

/// HTTP/1.1 over a plain socket, so the test sees the bytes nginx sends (no client-side decompression).
enum HTTP {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func request(
        _ method: String, _ target: String, port: Int, headers: [String] = [], body: String = ""
    ) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw Failure(description: "connect to 127.0.0.1:\(port)") }
        var request = "\(method) \(target) HTTP/1.1\r\nHost: shop.test\r\nUser-Agent: vitrine-test\r\n"
        request += "Connection: close\r\n"
        for header in headers { request += header + "\r\n" }
        if method == "POST" { request += "Content-Length: \(body.utf8.count)\r\n" }
        request += "\r\n" + body
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            throw Failure(description: "send")
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += chunk[..<count]
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, received.count - 3)).first(where: { Array(received[$0..<$0 + 4]) == separator })
        else { throw Failure(description: "no response from 127.0.0.1:\(port)") }
        let head = String(decoding: received[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let fields = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Response(status: status, headers: fields, body: method == "HEAD" ? [] : Array(received[(end + 4)...]))
    }
}
