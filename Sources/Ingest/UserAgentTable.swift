/// The documented user-agent tables of classification, matched as case-insensitive ASCII substrings.
///
/// Each entry is a fragment real traffic carries; the tables are deliberately short and listed in
/// docs/tracking.md with what they miss (a bot that sends a browser's user agent is not caught here).
enum UserAgentTable {
    /// Crawlers, monitors, scripts and headless browsers: their requests are never people.
    static let bots: [[UInt8]] = [
        "bot",  // Googlebot, bingbot, AhrefsBot, SemrushBot, GPTBot, DuckDuckBot, YandexBot…
        "crawler", "spider", "slurp", "facebookexternalhit", "embedly", "preview",
        "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "go-http-client", "java/", "okhttp",
        "libwww-perl", "apache-httpclient", "node-fetch", "axios/", "scrapy",
        "headlesschrome", "phantomjs", "lighthouse",
        "uptime", "pingdom", "statuscake", "monitor", "nagios", "zabbix",
    ].map { Array($0.utf8) }

    /// Image fetchers of mail providers' privacy proxies: an open they report is not a person reading.
    static let machineOpeners: [[UInt8]] = [
        "googleimageproxy",  // Gmail fetches (and caches) images through ggpht.com
        "yahoomailproxy",  // Yahoo Mail's image proxy
        "ms-office",  // Outlook's and Office's prefetcher ("ms-office; MSOffice 16")
    ].map { Array($0.utf8) }

    /// Apple Mail Privacy Protection fetches every image at delivery with exactly this user agent.
    static let applePrivacyProxy = Array("Mozilla/5.0".utf8)

    /// Whether `agent` is absent: nginx logs `-`.
    static func isAbsent(_ agent: UnsafeBufferPointer<UInt8>) -> Bool {
        agent.isEmpty || (agent.count == 1 && agent[0] == UInt8(ascii: "-"))
    }

    static func isBot(_ agent: UnsafeBufferPointer<UInt8>) -> Bool {
        isAbsent(agent) || containsAny(bots, byFirstByte: botsByFirstByte, pairs: botPairs, in: agent)
    }

    static func isMachineOpener(_ agent: UnsafeBufferPointer<UInt8>) -> Bool {
        agent.elementsEqual(applePrivacyProxy)
            || containsAny(
                machineOpeners, byFirstByte: machineOpenersByFirstByte, pairs: machineOpenerPairs, in: agent)
    }

    /// For each byte, the indices of the needles starting with it: one pass over the user agent looks up only
    /// the needles that can start at each position.
    static func index(_ needles: [[UInt8]]) -> [[Int]] {
        var table = [[Int]](repeating: [], count: 256)
        for (index, needle) in needles.enumerated() { table[Int(needle[0])].append(index) }
        return table
    }

    /// A bit for each lowercase byte pair a needle starts with (65,536 bits, 8 KB): the scan of a user agent reads
    /// one bit per position and looks at the candidate lists only where a needle can start, which is rare.
    static func pairs(_ needles: [[UInt8]]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 1024)
        for needle in needles {
            precondition(needle.count >= 2, "a user-agent fragment has two bytes or more")
            let pair = Int(needle[0]) << 8 | Int(needle[1])
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        return bits
    }

    static let botsByFirstByte = index(bots)
    static let botPairs = pairs(bots)
    static let machineOpenersByFirstByte = index(machineOpeners)
    static let machineOpenerPairs = pairs(machineOpeners)

    /// Whether one of the lowercase `needles` occurs in `haystack`, ASCII letters compared without case.
    static func containsAny(
        _ needles: [[UInt8]], byFirstByte table: [[Int]], pairs: [UInt64], in haystack: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard haystack.count >= 2 else { return false }
        return pairs.withUnsafeBufferPointer { pairs in
            var first = lowered(haystack[0])
            for start in 0..<(haystack.count - 1) {
                let second = lowered(haystack[start + 1])
                let pair = Int(first) << 8 | Int(second)
                let lead = first
                first = second
                guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                for candidate in table[Int(lead)] where matches(needles[candidate], in: haystack, at: start) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether lowercase `needle` occurs in `haystack`, ASCII letters compared without case.
    static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { matches(needle, in: haystack, at: $0) }
    }

    @inline(__always)
    static func matches(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard needle.count <= haystack.count - start else { return false }
        for index in 0..<needle.count where lowered(haystack[start + index]) != needle[index] { return false }
        return true
    }

    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
