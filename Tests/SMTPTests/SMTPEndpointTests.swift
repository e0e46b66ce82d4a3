import Testing

@testable import SMTP

@Suite("endpoints")
struct SMTPEndpointTests {
    @Test(
        arguments: [
            ("127.0.0.1:2525", "127.0.0.1", 2525), ("[::1]:25", "::1", 25),
            ("mail.example.test:587", "mail.example.test", 587),
            ("localhost", "localhost", 25), ("[::1]", "::1", 25), ("h:65535", "h", 65535), ("h:1", "h", 1),
        ] as [(String, String, Int)])
    func parses(_ text: String, _ host: String, _ port: Int) throws {
        #expect(try SMTPEndpoint(parsing: text) == SMTPEndpoint(host: host, port: UInt16(port)))
    }

    @Test(arguments: [
        "", ":25", "h:", "h:0", "h:65536", "h:25x", "h:-1", "::1:25", "[::1", "[::1]25", "a b:25", "h:123456",
    ])
    func refuses(_ text: String) {
        #expect(throws: SMTPError(.invalidEndpoint)) { try SMTPEndpoint(parsing: text) }
    }
}
