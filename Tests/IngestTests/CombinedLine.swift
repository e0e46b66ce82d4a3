import Foundation
import Ingest

/// A test's nginx "combined" line, split the simple way (the AccessLog engine does it for real) and handed to the
/// aggregator as a `RequestView`:
/// `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"`
struct CombinedLine {
    var address: String
    var time: Int64
    var method: String
    var target: String
    var status: Int
    var userAgent: String

    init(_ line: String) {
        let open = line.firstIndex(of: "[")!
        let close = line.firstIndex(of: "]")!
        address = String(line[..<line.firstIndex(of: " ")!])
        time = Self.unixTime(String(line[line.index(after: open)..<close]))
        let quoted = line[close...].split(separator: "\"", omittingEmptySubsequences: false)
        let request = quoted[1].split(separator: " ")
        method = String(request[0])
        target = String(request[1])
        status = Int(quoted[2].split(separator: " ")[0])!
        userAgent = String(quoted[5])
    }

    /// `15/Mar/2024:10:00:07 +0100` → Unix seconds (days from civil, H. Hinnant's algorithm).
    static func unixTime(_ text: String) -> Int64 {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = text.split(whereSeparator: { "/: ".contains($0) }).map(String.init)
        let day = Int64(parts[0])!
        let month = Int64(months.firstIndex(of: parts[1])! + 1)
        var year = Int64(parts[2])!
        year -= month <= 2 ? 1 : 0
        let era = year / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let zone = Int64(parts[6])!
        let offset = (zone / 100 * 60 + zone % 100) * 60
        return days * 86400 + Int64(parts[3])! * 3600 + Int64(parts[4])! * 60 + Int64(parts[5])! - offset
    }

    func add(to aggregator: inout EventAggregator) {
        let fields = [address, method, target, userAgent].map { Array($0.utf8) }
        fields[0].withUnsafeBufferPointer { address in
            fields[1].withUnsafeBufferPointer { method in
                fields[2].withUnsafeBufferPointer { target in
                    fields[3].withUnsafeBufferPointer { agent in
                        aggregator.add(
                            RequestView(
                                address: address, time: time, method: method, target: target, status: status,
                                userAgent: agent))
                    }
                }
            }
        }
    }
}
