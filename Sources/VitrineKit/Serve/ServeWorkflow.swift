import Foundation
import HTTPServer

/// `vitrine serve`: a local preview of `OUTPUT/site` on 127.0.0.1, logging every request to
/// `OUTPUT/logs/access.log` in the combined format so that `vitrine ingest` can read it as it reads nginx's.
public enum ServeWorkflow {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noSite(String)
        case server(String)

        public var description: String {
            switch self {
            case .noSite(let path): "nothing to serve: \(path) does not exist; run 'vitrine build' first"
            case .server(let message): message
            }
        }
    }

    /// A server bound and ready: `url` to print, then `run()` until the process is stopped.
    public struct Preview: Sendable {
        let server: StaticServer
        /// The site's root, e.g. `Output/site`.
        public let root: String
        public let accessLog: String
        public var url: String { "http://127.0.0.1:\(server.port)/" }

        /// Serves until `stop()`. Blocks.
        public func run() { server.run() }

        public func stop() { server.stop() }
    }

    /// Binds 127.0.0.1:`port` (0 for any free port) to serve `output/site`.
    public static func start(output: String, port: Int) throws(Failure) -> Preview {
        let root = "\(output)/site"
        guard FileManager.default.fileExists(atPath: root) else { throw .noSite(root) }
        let accessLog = "\(output)/logs/access.log"
        do {
            let server = try StaticServer(root: root, accessLog: accessLog, port: port)
            return Preview(server: server, root: root, accessLog: accessLog)
        } catch {
            throw .server(error.description)
        }
    }
}
