/// The nginx variables the parser understands; any other variable is `.other`, parsed and skipped.
enum LogField: Sendable, Hashable {
    case remoteAddr, remoteUser, timeLocal, timeISO8601, msec, request, requestMethod, requestURI, uri, args
    case queryString, status, bodyBytesSent, bytesSent, httpReferer, httpUserAgent, requestTime, host
    case serverProtocol, other

    private static let names: [(name: [UInt8], field: LogField)] =
        ([
            ("remote_addr", .remoteAddr), ("remote_user", .remoteUser), ("time_local", .timeLocal),
            ("time_iso8601", .timeISO8601), ("msec", .msec), ("request", .request), ("request_method", .requestMethod),
            ("request_uri", .requestURI), ("uri", .uri), ("args", .args), ("query_string", .queryString),
            ("status", .status), ("body_bytes_sent", .bodyBytesSent), ("bytes_sent", .bytesSent),
            ("http_referer", .httpReferer), ("http_user_agent", .httpUserAgent), ("request_time", .requestTime),
            ("host", .host), ("server_protocol", .serverProtocol),
        ] as [(String, LogField)]).map { (Array($0.0.utf8), $0.1) }

    init<Name: Collection<UInt8>>(name: Name) {
        self = Self.names.first { $0.name.elementsEqual(name) }?.field ?? .other
    }

    /// The field named by a JSON key (a view into the line); called once per key, so a length check comes first.
    init(key: UnsafeBufferPointer<UInt8>) {
        for entry in Self.names where entry.name.count == key.count && entry.name.elementsEqual(key) {
            self = entry.field
            return
        }
        self = .other
    }
}
