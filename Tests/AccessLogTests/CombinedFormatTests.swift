import AccessLog
import Testing

/// Every line shape of the bench README (what nginx 1.22 writes, checked there against a real server) and Apache's.
@Suite("combined format: the shapes nginx and Apache write")
struct CombinedFormatTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var line: [UInt8]
        var expected: Outcome
        var testDescription: String { name }

        init(_ name: String, _ line: String, _ expected: Outcome) {
            self.name = name
            self.line = Array(line.utf8)
            self.expected = expected
        }

        init(_ name: String, bytes: [UInt8], _ expected: Outcome) {
            self.name = name
            self.line = bytes
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case(
            "click with a token and utm parameters, first second after the DST switch",
            #"203.0.113.9 - - [31/Mar/2024:03:00:00 +0200] "GET /seg/a/p/linen-shirt/?vt=AbC_-1234567890123456789"#
                + #"0&utm_source=newsletter HTTP/1.1" 200 5120 "https://mail.example/" "Mozilla/5.0 (X11; Linux)""#,
            .record(
                Parsed(
                    address: "203.0.113.9", time: 1_711_846_800, method: "GET",
                    target: "/seg/a/p/linen-shirt/?vt=AbC_-12345678901234567890&utm_source=newsletter",
                    httpVersion: "HTTP/1.1", status: 200, bytes: 5120, referer: "https://mail.example/",
                    userAgent: "Mozilla/5.0 (X11; Linux)"))),
        Case(
            "open pixel over HTTP/2 from an IPv6 client, last second before the DST switch",
            #"2001:db8::1 - - [31/Mar/2024:01:59:59 +0100] "GET /px.gif?vt=xyz HTTP/2.0" 200 43 "-" "Mozilla/5.0""#,
            .record(
                Parsed(
                    address: "2001:db8::1", time: 1_711_846_799, method: "GET", target: "/px.gif?vt=xyz",
                    httpVersion: "HTTP/2.0", status: 200, bytes: 43, userAgent: "Mozilla/5.0"))),
        Case(
            "HEAD from a link scanner logs 0 bytes",
            #"198.51.100.7 - - [15/Mar/2024:10:00:00 +0100] "HEAD /p/x/?vt=abc HTTP/1.1" 200 0 "-" "curl/8.0""#,
            .record(
                Parsed(
                    address: "198.51.100.7", time: 1_710_493_200, method: "HEAD", target: "/p/x/?vt=abc",
                    httpVersion: "HTTP/1.1", status: 200, userAgent: "curl/8.0"))),
        Case(
            "one-click unsubscribe POST",
            #"::1 - - [15/Mar/2024:10:00:00 +0100] "POST /u/?vt=tok HTTP/1.1" 200 43 "-" "Mozilla/5.0""#,
            .record(
                Parsed(
                    address: "::1", time: 1_710_493_200, method: "POST", target: "/u/?vt=tok",
                    httpVersion: "HTTP/1.1", status: 200, bytes: 43, userAgent: "Mozilla/5.0"))),
        Case(
            "TLS handshake on the plain port: escaped bytes, no method",
            #"142.141.177.158 - - [17/Mar/2024:21:40:49 +0100] "\x16\x03\x01\x02\x00\x01\x00\x01\xFC\x03\x03\x8D" 400"#
                + #" 157 "-" "-""#,
            .record(Parsed(address: "142.141.177.158", time: 1_710_708_049, status: 400, bytes: 157))),
        Case(
            "empty request from a bare CRLF",
            #"193.40.69.127 - - [15/Mar/2024:21:28:08 +0100] "" 400 0 "-" "-""#,
            .record(Parsed(address: "193.40.69.127", time: 1_710_534_488, status: 400))),
        Case(
            "shellshock user agent with nginx's \\x22 escapes",
            #"192.0.2.1 - - [15/Mar/2024:10:00:00 +0100] "GET /cgi-bin/x HTTP/1.1" 404 153 "-" "() { :; }; echo \x22hi\x22""#,
            .record(
                Parsed(
                    address: "192.0.2.1", time: 1_710_493_200, method: "GET", target: "/cgi-bin/x",
                    httpVersion: "HTTP/1.1", status: 404, bytes: 153, userAgent: #"() { :; }; echo \x22hi\x22"#))),
        Case(
            "Apache's \\\" escape inside a quoted field, followed by a space",
            #"192.0.2.1 - - [15/Mar/2024:10:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "A \" B \\""#,
            .record(
                Parsed(
                    address: "192.0.2.1", time: 1_710_493_200, method: "GET", target: "/", httpVersion: "HTTP/1.1",
                    status: 200, bytes: 1, userAgent: #"A \" B \\"#))),
        Case(
            "Apache's \\\" escape in the request, where a bare quote and space would end it",
            #"192.0.2.1 - - [15/Mar/2024:10:00:00 +0100] "GET /x\" HTTP/1.1" 200 1 "-" "-""#,
            .record(
                Parsed(
                    address: "192.0.2.1", time: 1_710_493_200, method: "GET", target: #"/x\""#,
                    httpVersion: "HTTP/1.1", status: 200, bytes: 1))),
        Case(
            "Apache's example line: a user, HTTP/1.0, a negative offset",
            #"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "#
                + #""http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)""#,
            .record(
                Parsed(
                    address: "127.0.0.1", time: 971_211_336, method: "GET", target: "/apache_pb.gif",
                    httpVersion: "HTTP/1.0", status: 200, bytes: 2326, referer: "http://www.example.com/start.html",
                    userAgent: "Mozilla/4.08 [en] (Win98; I ;Nav)"))),
        Case(
            "Apache's - for no body",
            #"83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /a HTTP/1.1" 304 - "-" "-""#,
            .record(
                Parsed(
                    address: "83.149.9.216", time: 1_431_857_103, method: "GET", target: "/a",
                    httpVersion: "HTTP/1.1", status: 304))),
        Case(
            "HTTP/0.9: no protocol",
            #"192.0.2.1 - - [15/Mar/2024:10:00:00 +0100] "GET /" 200 1 "-" "-""#,
            .record(
                Parsed(address: "192.0.2.1", time: 1_710_493_200, method: "GET", target: "/", status: 200, bytes: 1))),
        Case(
            "UTF-8 written raw (escape=none) is a record",
            #"192.0.2.1 - - [15/Mar/2024:10:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "Café €""#,
            .record(
                Parsed(
                    address: "192.0.2.1", time: 1_710_493_200, method: "GET", target: "/", httpVersion: "HTTP/1.1",
                    status: 200, bytes: 1, userAgent: "Café €"))),
        Case("empty line", "", .problem(.empty)),
        Case("a cut-off line", "166.2", .problem(.truncated)),
        Case(
            "user agent never closed (Apache log line 8899)",
            #"66.249.73.135 - - [20/May/2015:21:05:11 +0000] "GET / HTTP/1.1" 200 1 "-" "Mozilla/5.0 (compatible"#,
            .problem(.truncated)),
        Case(
            "an unescaped quote in the request",
            #"192.0.2.1 - - [15/Mar/2024:10:00:00 +0100] "GET /a" HTTP/1.1" 200 1 "-" "-""#, .problem(.malformed)),
        Case(
            "a month that is not one",
            #"192.0.2.1 - - [15/Foo/2024:10:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "-""#, .problem(.malformed)),
        Case(
            "a day the month does not have",
            #"192.0.2.1 - - [29/Feb/2023:10:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "-""#, .problem(.malformed)),
        Case(
            "29 February of a leap year",
            #"192.0.2.1 - - [29/Feb/2000:00:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "-""#,
            .record(
                Parsed(
                    address: "192.0.2.1", time: 951_782_400, method: "GET", target: "/", httpVersion: "HTTP/1.1",
                    status: 200, bytes: 1))),
        Case(
            "a status that is not a number",
            #"192.0.2.1 - - [15/Mar/2024:10:00:00 +0100] "GET / HTTP/1.1" OK 1 "-" "-""#, .problem(.malformed)),
        Case(
            "raw bytes that are not UTF-8",
            bytes: Array(#"192.0.2.1 - - [15/Mar/2024:10:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "x"#.utf8)
                + [0xFF, 0xC3, 0x28, UInt8(ascii: "\"")], .problem(.notUTF8)),
        Case(
            "an overlong encoding is not UTF-8",
            bytes: Array(#"1.2.3.4 - - [15/Mar/2024:10:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "#.utf8)
                + [UInt8(ascii: "\""), 0xC0, 0xAF, UInt8(ascii: "\"")], .problem(.notUTF8)),
        Case(
            "a surrogate encoded in UTF-8 is not UTF-8",
            bytes: Array(#"1.2.3.4 - - [15/Mar/2024:10:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "#.utf8)
                + [UInt8(ascii: "\""), 0xED, 0xA0, 0x80, UInt8(ascii: "\"")], .problem(.notUTF8)),
    ]

    @Test(arguments: cases)
    func shape(_ testCase: Case) {
        #expect(Outcome.of(testCase.line, .combined) == testCase.expected)
    }

    @Test("queryValue: the first `name=` at a `?` or `&` boundary, raw, up to `&` or `#`")
    func queryValue() {
        let targets: [(String, String?)] = [
            ("/px.gif?vt=abc", "abc"),
            ("/p/?utm_source=x&vt=a%2Bb&vt=second", "a%2Bb"),
            ("/p/?xvt=no&avt=no", nil),
            ("/p/?vt=", ""),
            ("/p/?vt", nil),
            ("/p/?a=1#vt=frag", nil),
            ("/p/?vt=abc#frag", "abc"),
            ("/vt=abc", nil),
            ("/p/?a=vt=x", nil),
        ]
        let parser = LogParser(format: .combined)
        for (target, expected) in targets {
            let line = Array(#"1.2.3.4 - - [15/Mar/2024:10:00:00 +0100] "GET \#(target) HTTP/1.1" 200 1 "-" "-""#.utf8)
            var found: String?? = .none
            let problem = line.withUnsafeBufferPointer { bytes in
                parser.parse(bytes) { record in found = .some(record.queryValue("vt").map(text)) }
            }
            #expect(problem == nil)
            #expect(found == .some(expected), "\(target)")
        }
    }
}
