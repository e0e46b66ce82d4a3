/// Where an SMTP server listens: a host name or address and a TCP port.
public struct SMTPEndpoint: Sendable, Hashable {
    /// A host name, an IPv4 address or an IPv6 address without brackets.
    public var host: String
    public var port: UInt16

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, `[v6-address]:port`, or a bare host (port 25, RFC 5321 §4.5.4.2).
    public init(parsing text: String) throws(SMTPError) {
        let bytes = Array(text.utf8)
        var hostBytes: ArraySlice<UInt8>
        var portBytes: ArraySlice<UInt8>?
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else {
                throw SMTPError(.invalidEndpoint)
            }
            hostBytes = bytes[1..<close]
            let rest = bytes[(close + 1)...]
            if !rest.isEmpty {
                guard rest.first == UInt8(ascii: ":") else { throw SMTPError(.invalidEndpoint) }
                portBytes = rest.dropFirst()
            }
        } else {
            let colons = bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") }
            switch colons.count {
            case 0:
                hostBytes = bytes[...]
            case 1:
                hostBytes = bytes[..<colons[0]]
                portBytes = bytes[(colons[0] + 1)...]
            default:
                // An IPv6 address needs its brackets, or its last group would read as the port.
                throw SMTPError(.invalidEndpoint)
            }
        }
        guard !hostBytes.isEmpty,
            hostBytes.allSatisfy({ $0 > UInt8(ascii: " ") && $0 < 0x7F && $0 != UInt8(ascii: "/") })
        else { throw SMTPError(.invalidEndpoint) }
        var port = 25
        if let portBytes {
            guard !portBytes.isEmpty, portBytes.count <= 5 else { throw SMTPError(.invalidEndpoint) }
            port = 0
            for byte in portBytes {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { throw SMTPError(.invalidEndpoint) }
                port = port * 10 + Int(byte - UInt8(ascii: "0"))
            }
            guard port >= 1 && port <= 65535 else { throw SMTPError(.invalidEndpoint) }
        }
        self.host = String(decoding: hostBytes, as: UTF8.self)
        self.port = UInt16(port)
    }
}
