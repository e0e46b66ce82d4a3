import AccessLog
import Foundation
import Testing

@Suite("nginx log_format strings and JSON lines")
struct LogFormatTests {
    @Test("vitrine's own log_format: combined plus $request_time, as nginx.conf declares it (quotes included)")
    func vitrine() throws {
        let line = #"::1 - - [06/Dec/2026:06:20:01 +0100] "GET /a/?vt=x HTTP/1.1" 200 43 "-" "curl/8.0" 0.004"#
        let expected = Parsed(
            address: "::1", time: 1_796_534_401, method: "GET", target: "/a/?vt=x", httpVersion: "HTTP/1.1",
            status: 200, bytes: 43, userAgent: "curl/8.0", requestMilliseconds: 4)
        #expect(Outcome.of(line, .vitrine) == .record(expected))
        let declared = try LogFormat(
            nginx: "'$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
                + "\"$http_referer\" \"$http_user_agent\" $request_time'")
        #expect(Outcome.of(line, declared) == .record(expected))
        // A combined line lacks the request time: it ends early.
        #expect(Outcome.of(String(line.dropLast(6)), .vitrine) == .problem(.truncated))
    }

    @Test("$time_iso8601, ${var} braces, $host, $server_protocol, $request_method + $request_uri, an unknown variable")
    func iso8601() throws {
        let format = try LogFormat(
            nginx: "${remote_addr}|$time_iso8601|$host|$request_method $request_uri $server_protocol|$status|"
                + "$bytes_sent|$upstream_addr|$http_user_agent")
        let line = "2001:db8::2|2024-03-31T03:00:00+02:00|shop.example.com|GET /p/?vt=a HTTP/2.0|304|0|10.0.0.1:80|ua"
        #expect(
            Outcome.of(line, format)
                == .record(
                    Parsed(
                        address: "2001:db8::2", time: 1_711_846_800, method: "GET", target: "/p/?vt=a",
                        httpVersion: "HTTP/2.0", status: 304, userAgent: "ua", host: "shop.example.com")))
        let utc = line.replacingOccurrences(of: "+02:00", with: "Z").replacingOccurrences(of: "T03", with: "T01")
        #expect(Outcome.of(utc, format) == Outcome.of(line, format))
        #expect(Outcome.of(line.replacingOccurrences(of: "+02:00", with: "+2:00"), format) == .problem(.malformed))
    }

    @Test("$msec, and the target joined from $uri and $args")
    func msecAndURI() throws {
        let format = try LogFormat(nginx: "$msec $remote_addr $uri $args $status")
        #expect(
            Outcome.of("1711846800.123 192.0.2.5 /px.gif vt=abc&x=1 200", format)
                == .record(Parsed(address: "192.0.2.5", time: 1_711_846_800, target: "/px.gif?vt=abc&x=1", status: 200))
        )
        #expect(
            Outcome.of("1711846800.123 192.0.2.5 /px.gif - 200", format)
                == .record(Parsed(address: "192.0.2.5", time: 1_711_846_800, target: "/px.gif", status: 200)))
        #expect(Outcome.of("1711846800,123 192.0.2.5 /px.gif - 200", format) == .problem(.malformed))
    }

    @Test("a literal that does not match is a malformed line; a missing one, a truncated line")
    func literals() throws {
        let format = try LogFormat(nginx: "<$status> [$remote_addr]")
        #expect(Outcome.of("<200> [::1]", format) == .record(Parsed(address: "::1", status: 200)))
        #expect(Outcome.of("(200) [::1]", format) == .problem(.malformed))
        #expect(Outcome.of("<200> [::1", format) == .problem(.truncated))
        #expect(Outcome.of("<200", format) == .problem(.truncated))
    }

    struct BadFormat: Sendable, CustomTestStringConvertible {
        var format: String
        var reason: LogFormatError.Reason
        var column: Int
        var testDescription: String { format }
    }

    @Test(
        "bad format strings: the reason and the 1-based column of the variable",
        arguments: [
            BadFormat(format: "$remote_addr $ x", reason: .emptyVariableName, column: 14),
            BadFormat(format: "$remote_addr ${status", reason: .unclosedBrace, column: 14),
            BadFormat(format: "$remote_addr$status", reason: .adjacentVariables, column: 13),
            BadFormat(format: "'[$time_local$status]'", reason: .adjacentVariables, column: 14),
            BadFormat(format: "no variables", reason: .noVariables, column: 13),
        ])
    func badFormat(_ bad: BadFormat) {
        #expect(throws: LogFormatError(reason: bad.reason, column: bad.column)) { try LogFormat(nginx: bad.format) }
    }

    @Test("JSON lines: escape=json output, escapes and surrogate pairs decoded, numbers bare or quoted")
    func json() {
        let line =
            #"{"time_local":"31/Mar/2024:03:00:00 +0200","remote_addr":"2001:db8::1","request":"GET /p/?vt=a HTTP/1.1","#
            + #""status": 200, "body_bytes_sent":"43","http_referer":"-","#
            + #""http_user_agent":"Mo\"z\\i\/lla \u00e9\u20AC\ud83d\ude00\n","request_time":0.012,"extra":null,"n":true}"#
        #expect(
            Outcome.of(line, .jsonLines)
                == .record(
                    Parsed(
                        address: "2001:db8::1", time: 1_711_846_800, method: "GET", target: "/p/?vt=a",
                        httpVersion: "HTTP/1.1", status: 200, bytes: 43, userAgent: "Mo\"z\\i/lla é€😀\n",
                        requestMilliseconds: 12)))
        let split =
            #"{ "msec": "1711846800.5", "request_method": "HEAD", "uri": "/u\/", "args": "vt=\u0041b", "#
            + #""status": "405" }"#
        #expect(
            Outcome.of(split, .jsonLines)
                == .record(Parsed(time: 1_711_846_800, method: "HEAD", target: "/u/?vt=Ab", status: 405)))
        #expect(Outcome.of(#"{"status":200,"request":"GET / HTTP/1.1""#, .jsonLines) == .problem(.truncated))
        #expect(Outcome.of(#"{"status":"OK"}"#, .jsonLines) == .problem(.malformed))
        #expect(Outcome.of(#"{"a":{"b":1}}"#, .jsonLines) == .problem(.malformed))
        #expect(Outcome.of(#"{"a":1,}"#, .jsonLines) == .problem(.malformed))
        #expect(Outcome.of(#"{"a":"\ude00"}"#, .jsonLines) == .problem(.malformed))
        #expect(Outcome.of(#"{"a":"\x41"}"#, .jsonLines) == .problem(.malformed))
        #expect(Outcome.of(#"{"a":1} x"#, .jsonLines) == .problem(.malformed))
        #expect(Outcome.of(#"[1]"#, .jsonLines) == .problem(.malformed))
        #expect(Outcome.of(#"{}"#, .jsonLines) == .record(Parsed()))
    }

    /// glibc's timegm is the reference: every 7 hours 13 minutes 17 seconds over 1970…2100, with offsets from -12:00
    /// to +14:00, `[time_local]` and `$time_iso8601` must give the same second.
    @Test("time_local and time_iso8601 against glibc's timegm, 1970…2100, offsets -1200…+1400")
    func timesAgainstTimegm() throws {
        let local = try LogFormat(nginx: "[$time_local]")
        let iso = try LogFormat(nginx: "[$time_iso8601]")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var utc: time_t = 0
        var checked = 0
        var offsetStep = 0
        while utc < 4_102_444_800 {
            let offsetMinutes = [-720, -420, -210, 0, 60, 120, 330, 545, 840][offsetStep % 9]
            offsetStep += 1
            var shifted = utc + time_t(offsetMinutes * 60)
            var parts = tm()
            gmtime_r(&shifted, &parts)
            let sign = offsetMinutes < 0 ? "-" : "+"
            let hours = pad(abs(offsetMinutes) / 60, 2)
            let minutes = pad(abs(offsetMinutes) % 60, 2)
            let clock = "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
            let year = pad(Int(parts.tm_year) + 1900, 4)
            let day = pad(Int(parts.tm_mday), 2)
            let localText = "[\(day)/\(months[Int(parts.tm_mon)])/\(year):\(clock) \(sign)\(hours)\(minutes)]"
            let isoText = "[\(year)-\(pad(Int(parts.tm_mon) + 1, 2))-\(day)T\(clock)\(sign)\(hours):\(minutes)]"
            #expect(Outcome.of(localText, local) == .record(Parsed(time: Int64(utc))), "\(localText)")
            #expect(Outcome.of(isoText, iso) == .record(Parsed(time: Int64(utc))), "\(isoText)")
            checked += 1
            utc += 7 * 3600 + 13 * 60 + 17
        }
        #expect(checked == 157_805)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
