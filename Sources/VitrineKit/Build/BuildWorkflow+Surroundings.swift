import Foundation
import Publishing
import Site

/// The files around the pages (robots.txt, the sitemap, the Merchant feeds, px.gif, the unsubscribe page) and
/// `OUTPUT/nginx.conf`, all through the one writer.
extension BuildWorkflow {
    /// zlib level of the `.gz` siblings: 9, the smallest files nginx can serve.
    public static let gzipLevel = 9

    /// Publishes every surrounding file (each shard publishes them all, like the assets); returns how many.
    static func publishSurroundings(_ plan: SitePlan, limit: Int, publisher: Publisher, failure: Failure) -> Int {
        let files = plan.surroundings(sitemapLimit: limit)
        for file in files {
            guard let path = OutputPath(file.path) else {
                failure.record("internal error: path \(file.path) refused by the writer")
                break
            }
            // The bytes are their own fingerprint: these files are cheap to make and are made every build.
            var fingerprint = Fingerprint()
            fingerprint.add(file.bytes)
            if publisher.reuse(path, fingerprint: fingerprint) { continue }
            do { try publisher.publish(path, bytes: file.bytes, fingerprint: fingerprint) } catch {
                failure.record("cannot write \(file.path): \(error)")
                break
            }
        }
        return files.count
    }

    /// Writes `OUTPUT/nginx.conf` for `OUTPUT/site` at its absolute path; nil, or what went wrong.
    static func writeNginxConfig(_ plan: SitePlan, output: String, durable: Bool) -> String? {
        var absolute = output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output
        while absolute.count > 1 && absolute.hasSuffix("/") { absolute.removeLast() }
        let config = NginxConfig(
            siteRoot: URL(fileURLWithPath: absolute).standardizedFileURL.path + "/site", baseURL: plan.storeBaseURL,
            unsubscribedMessage: plan.unsubscribedMessage, trackingOffMessage: plan.trackingOffMessage,
            language: plan.fallbackLocale)
        do {
            try Publisher.writeFile(
                output: output, name: "nginx.conf", bytes: Array(config.text.utf8), durable: durable)
        } catch {
            return "cannot write \(output)/nginx.conf: \(error)"
        }
        return nil
    }
}
