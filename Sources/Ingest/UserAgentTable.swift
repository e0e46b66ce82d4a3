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
        isAbsent(agent) || bots.contains { contains($0, in: agent) }
    }

    static func isMachineOpener(_ agent: UnsafeBufferPointer<UInt8>) -> Bool {
        agent.elementsEqual(applePrivacyProxy) || machineOpeners.contains { contains($0, in: agent) }
    }

    /// Whether lowercase `needle` occurs in `haystack`, ASCII letters compared without case.
    static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
        return needle.withUnsafeBufferPointer { needle in
            var start = 0
            let last = haystack.count - needle.count
            while start <= last {
                if lowered(haystack[start]) == first {
                    var index = 1
                    while index < needle.count, lowered(haystack[start + index]) == needle[index] { index += 1 }
                    if index == needle.count { return true }
                }
                start += 1
            }
            return false
        }
    }

    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
