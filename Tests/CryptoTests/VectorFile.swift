import Foundation
import Testing

/// One record of a `Name = value` vector file (CAVP `.rsp`, our RFC 4231 transcript): fields in order, the line
/// where the record starts.
struct VectorRecord: CustomTestStringConvertible, Sendable {
    var line: Int
    var fields: [String: String]
    var file: String

    var testDescription: String { "\(file):\(line)" }

    func hex(_ name: String) -> [UInt8] {
        guard let text = fields[name], let bytes = Hex.decode(text) else {
            Issue.record("\(file):\(line): no hex field \(name)")
            return []
        }
        return bytes
    }
}

enum VectorFile {
    /// The records of a fixture: blank lines separate records; `#` comments and `[…]` headers are skipped.
    static func records(_ name: String) -> [VectorRecord] {
        let path = fixtures + "/" + name
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var records: [VectorRecord] = []
        var current: VectorRecord?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if let record = current { records.append(record) }
                current = nil
                continue
            }
            if line.hasPrefix("#") || line.hasPrefix("[") { continue }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if current == nil { current = VectorRecord(line: index + 1, fields: [:], file: name) }
            current?.fields[key] = value
        }
        if let record = current { records.append(record) }
        return records
    }

    static var fixtures: String {
        if let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) { return url.path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }
}

enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
