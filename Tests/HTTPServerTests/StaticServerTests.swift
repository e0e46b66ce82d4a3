import Foundation
import HTTPServer
import Testing

/// A site on disk served on a free port of 127.0.0.1: `site` is a link to a generation folder, as the publisher
/// makes it, and a secret file and a link to it sit outside the site.
final class ServedSite {
    let directory: String
    let server: StaticServer
    var port: Int { server.port }
    var accessLog: String { "\(directory)/logs/access.log" }

    init(notFoundPage: Bool = true) throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-serve-\(UUID().uuidString)")
            .path
        let generation = "\(directory)/.vitrine/site/generations/1"
        let files = [
            "index.html": "<h1>home</h1>", "app.3f9c2a1b.css": "body{}", "p/tea/index.html": "<h1>tea</h1>",
            "feed.xml": "<rss/>", "logo.svg": "<svg/>", "font.woff2": "wOF2", "a b.txt": "spaced",
        ]
        for (path, text) in files {
            let file = "\(generation)/\(path)"
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: false, encoding: .utf8)
        }
        if notFoundPage {
            try "<h1>nothing here</h1>".write(toFile: "\(generation)/404.html", atomically: false, encoding: .utf8)
        }
        try "secret".write(toFile: "\(directory)/secret.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: "\(generation)/escape.txt", withDestinationPath: "\(directory)/secret.txt")
        try FileManager.default.createSymbolicLink(
            atPath: "\(directory)/site", withDestinationPath: ".vitrine/site/generations/1")
        server = try StaticServer(root: "\(directory)/site", accessLog: "\(directory)/logs/access.log", port: 0)
        let server = server
        Thread.detachNewThread { server.run() }
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func get(_ target: String, method: String = "GET", headers: String = "") throws -> HTTPClient.Response? {
        try HTTPClient.request(
            port, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(headers)\r\n",
            head: method == "HEAD")
    }

    /// The log's lines, once it has at least `count`.
    func logLines(count: Int) throws -> [String] {
        // Lines are written after the response is sent: give the server's thread a moment.
        for _ in 0..<100 {
            let text = (try? String(contentsOfFile: accessLog, encoding: .utf8)) ?? ""
            let lines = text.split(separator: "\n").map(String.init)
            if lines.count >= count && text.hasSuffix("\n") { return lines }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return []
    }
}

@Suite struct StaticServerTests {
    @Test func getServesFilesWithTheirContentTypes() throws {
        let site = try ServedSite()
        let expected = [
            ("/", "text/html; charset=utf-8", "<h1>home</h1>"),
            ("/app.3f9c2a1b.css", "text/css; charset=utf-8", "body{}"),
            ("/p/tea/", "text/html; charset=utf-8", "<h1>tea</h1>"), ("/feed.xml", "application/xml", "<rss/>"),
            ("/logo.svg", "image/svg+xml", "<svg/>"), ("/font.woff2", "font/woff2", "wOF2"),
            ("/a%20b.txt", "text/plain; charset=utf-8", "spaced"),
            ("/index.html?vt=abc", "text/html; charset=utf-8", "<h1>home</h1>"),
        ]
        for (target, type, body) in expected {
            let response = try #require(try site.get(target), "\(target)")
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == type, "\(target)")
            #expect(response.body == body, "\(target)")
            #expect(response.headers["content-length"] == "\(body.utf8.count)")
        }
    }

    @Test func headSendsTheHeadersWithoutTheBody() throws {
        let site = try ServedSite()
        let client = try HTTPClient(port: site.port)
        defer { client.close() }
        client.send("HEAD /p/tea/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let response = try #require(client.responses(1, head: true).first)
        #expect(response.status == 200)
        #expect(response.headers["content-length"] == "12")
        #expect(response.body.isEmpty)
        #expect(client.isClosedByServer())  // and nothing after the head
    }

    @Test func aFolderWithoutItsSlashIsRedirected() throws {
        let site = try ServedSite()
        let response = try #require(try site.get("/p/tea?x=1"))
        #expect(response.status == 301)
        #expect(response.headers["location"] == "/p/tea/?x=1")
    }

    @Test func aMissingPathGetsTheSites404Page() throws {
        let site = try ServedSite()
        let response = try #require(try site.get("/p/nothing/"))
        #expect(response.status == 404)
        #expect(response.body == "<h1>nothing here</h1>")
        let plain = try ServedSite(notFoundPage: false)
        #expect(try plain.get("/nothing")?.status == 404)
    }

    @Test func twoRequestsOnOneConnection() throws {
        let site = try ServedSite()
        let client = try HTTPClient(port: site.port)
        defer { client.close() }
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /p/tea/ HTTP/1.1\r\nHost: x\r\n\r\n")
        let responses = client.responses(2)
        #expect(responses.map(\.status) == [200, 200])
        #expect(responses.map(\.body) == ["<h1>home</h1>", "<h1>tea</h1>"])
        #expect(responses.first?.headers["connection"] == "keep-alive")
        client.send("GET /app.3f9c2a1b.css HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(client.responses(1).first?.body == "body{}")
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/p/../../secret.txt", "/..%2fsecret.txt",
        "/index.html%00.css", "/%zz", "/escape.txt", "/p/tea/..%2F..%2F..%2Fsecret.txt", "/.%2e/secret.txt",
    ])
    func nothingOutsideTheRootIsServed(_ target: String) throws {
        let site = try ServedSite()
        let response = try #require(try site.get(target))
        #expect([400, 404].contains(response.status), "\(target): \(response.status)")
        #expect(!response.body.contains("secret"))
    }

    @Test func theRootFollowsTheLinkWhenItIsSwitched() throws {
        let site = try ServedSite()
        let second = "\(site.directory)/.vitrine/site/generations/2"
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: true)
        try "<h1>new</h1>".write(toFile: "\(second)/index.html", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: "\(site.directory)/swap", withDestinationPath: ".vitrine/site/generations/2")
        #expect(rename("\(site.directory)/swap", "\(site.directory)/site") == 0)
        #expect(try site.get("/")?.body == "<h1>new</h1>")
        #expect(try site.get("/app.3f9c2a1b.css")?.status == 404)
    }

    @Test func theOneClickUnsubscribePostIsAnswered() throws {
        let site = try ServedSite()
        let body = "List-Unsubscribe=One-Click"
        for target in ["/unsubscribe/", "/unsubscribe/?vt=v1.abc"] {
            let response = try #require(
                try HTTPClient.request(
                    site.port,
                    "POST \(target) HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"))
            #expect(response.status == 200)
            #expect(response.body.contains("unsubscribed"))
        }
        #expect(try site.get("/", method: "POST", headers: "Content-Length: 0\r\n")?.status == 405)
        let delete = try #require(try site.get("/", method: "DELETE"))
        #expect(delete.status == 405)
        #expect(delete.headers["allow"] == "GET, HEAD")
    }

    @Test(arguments: [
        "GET /\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n", "GET index.html HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nBad Header: x\r\n\r\n", "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
        "GET / HTTP/1.1\nHost: x\n\n\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: -3\r\n\r\n",
    ])
    func malformedRequestsAreRefused(_ raw: String) throws {
        let site = try ServedSite()
        let response = try #require(try HTTPClient.request(site.port, raw))
        #expect(response.status == 400)
    }

    @Test func anOversizedHeadIsRefused() throws {
        let site = try ServedSite()
        let raw = "GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\n\r\n"
        #expect(try HTTPClient.request(site.port, raw)?.status == 431)
    }

    @Test func everyRequestIsLoggedInTheCombinedFormat() throws {
        let site = try ServedSite()
        _ = try site.get("/p/tea/", headers: "Referer: http://127.0.0.1/\r\nUser-Agent: Mozilla/5.0 \"quoted\"\r\n")
        let lines = try site.logLines(count: 1)
        let line = try #require(lines.first)
        let pattern =
            #"^127\.0\.0\.1 - - \[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET /p/tea/ HTTP/1\.1" 200 12 "http://127\.0\.0\.1/" "Mozilla/5\.0 \\x22quoted\\x22"$"#
        #expect(line.range(of: pattern, options: .regularExpression) != nil, "\(line)")
        _ = try site.get("/nothing")
        #expect(try site.logLines(count: 2).last?.contains("\"GET /nothing HTTP/1.1\" 404 21 \"-\" \"-\"") == true)
    }
}
