import AccessLog

/// A parsed line copied out of the parser's views, so tests can compare whole records.
struct Parsed: Equatable, CustomStringConvertible {
    var address = ""
    var time: Int64 = .min
    var method = ""
    var target = ""
    var httpVersion = ""
    var status = -1
    var bytes = 0
    var referer = ""
    var userAgent = ""
    var host = ""
    var requestMilliseconds = -1

    var description: String {
        "\(address)|\(time)|\(method)|\(target)|\(httpVersion)|\(status)|\(bytes)|\(referer)|\(userAgent)|\(host)|"
            + "\(requestMilliseconds)"
    }
}

/// What the parser made of one line: a record, or its problem.
enum Outcome: Equatable {
    case record(Parsed)
    case problem(LineProblem)

    static func of(_ bytes: [UInt8], _ format: LogFormat) -> Outcome {
        let parser = LogParser(format: format)
        var parsed: Parsed?
        let problem = bytes.withUnsafeBufferPointer { line in
            parser.parse(line) { record in
                parsed = Parsed(
                    address: text(record.address), time: record.time, method: text(record.method),
                    target: text(record.target), httpVersion: text(record.httpVersion), status: record.status,
                    bytes: record.bytes, referer: text(record.referer), userAgent: text(record.userAgent),
                    host: text(record.host), requestMilliseconds: record.requestMilliseconds)
            }
        }
        if let problem {
            precondition(parsed == nil, "a problem and a record for one line")
            return .problem(problem)
        }
        return .record(parsed!)
    }

    static func of(_ line: String, _ format: LogFormat = .combined) -> Outcome {
        of(Array(line.utf8), format)
    }
}

func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
}
