import EventStore
import Foundation
import TestSupport
import Testing

/// The whole loop with real programs: the example store built and mailed by the real `vitrine`, served by Debian's
/// real nginx on 127.0.0.1, requested by curl with the tokens of the written messages, nginx's own log ingested, the
/// counts checked per segment in the real state file, and the next `vitrine mail` leaving the unsubscribed out.
/// Then idempotence: the same log again, a gzipped rotated copy, a grown file, and runs killed with SIGKILL.
@Suite(.serialized) struct IngestLoopTests {
    static let environment = ["VITRINE_SECRET": "ingest-loop-secret-0123456789abcdefghijkl"]
    static let campaign = "winter-2026"
    static let store = VitrineBinary.packageRoot + "/Catalog"

    /// A tokened link of one written message.
    struct Link: Hashable {
        var customer: String
        var segment: String
        var path: String
        var token: String
    }

    /// A built site and a mailed batch in a fresh folder, the state file beside them.
    struct Batch {
        var directory: String
        var output: String { directory + "/Output" }
        var state: String { directory + "/state.sqlite" }
        /// Every tokened link of every message, in manifest order.
        var links: [Link]
        var recipients: [String]

        /// Tracked recipients (they have a pixel), in manifest order, with their links.
        var tracked: [(customer: String, segment: String, links: [Link])] {
            var order: [String] = []
            var byCustomer: [String: [Link]] = [:]
            for link in links {
                if byCustomer[link.customer] == nil { order.append(link.customer) }
                byCustomer[link.customer, default: []].append(link)
            }
            return order.compactMap { customer in
                let links = byCustomer[customer]!
                guard links.contains(where: { $0.path.hasSuffix("/px.gif") }) else { return nil }
                return (customer, links[0].segment, links)
            }
        }
    }

    static func vitrine(_ arguments: [String]) throws -> VitrineBinary.Result {
        try VitrineBinary.run(arguments, environment: environment, timeLimit: 300)
    }

    static func mailedBatch() throws -> Batch {
        let directory = try VitrineBinary.temporaryDirectory()
        let build = try vitrine(["build", "--store", store, "--output", directory + "/Output", "--quiet"])
        try #require(build.status == 0, "vitrine build: \(build.stderr)")
        let mail = try vitrine([
            "mail", campaign, "--store", store, "--output", directory + "/Output", "--state",
            directory + "/state.sqlite", "--quiet",
        ])
        try #require(mail.status == 0, "vitrine mail: \(mail.stderr)")
        let folder = directory + "/Output/mail/" + campaign
        // The messages are MIME with quoted-printable bodies: Python's email package decodes them, a real peer.
        let script = """
            import csv, email, os, re, sys
            folder = sys.argv[1]
            rows = list(csv.DictReader(open(os.path.join(folder, 'manifest.csv'))))
            pattern = re.compile(r'https?://[^/\\s"<>]+(/[^\\s"\\'<>?]*)\\?vt=([A-Za-z0-9_-]{34})')
            for row in rows:
                message = email.message_from_binary_file(open(os.path.join(folder, row['file']), 'rb'))
                seen = set()
                texts = [str(message.get('List-Unsubscribe', ''))]
                texts += [p.get_payload(decode=True).decode() for p in message.walk() if p.get_content_maintype() == 'text']
                for text in texts:
                    for path, token in pattern.findall(text):
                        if (path, token) not in seen:
                            seen.add((path, token))
                            print(row['recipient'], row['segment'], path, token, sep='\\t')
            """
        let extracted = try ChildProcess.run("python3", ["-c", script, folder])
        try #require(extracted.status == 0, "python3: \(extracted.errorText)")
        let links = extracted.outputText.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t").map(String.init)
            return Link(customer: fields[0], segment: fields[1], path: fields[2], token: fields[3])
        }
        let manifest = try String(contentsOfFile: folder + "/manifest.csv", encoding: .utf8)
        let recipients = manifest.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        return Batch(directory: directory, links: links, recipients: recipients)
    }

    /// Everything ingest wrote, to compare two state files.
    struct Snapshot: Equatable {
        var events: [EventCount]
        var counters: [String: Int]
        var suppressions: [String: Suppression]
        var optOuts: Set<String>

        init(_ path: String) throws {
            let store = try EventStore(path: path)
            var events: [EventCount] = []
            try store.exportEvents { events.append($0) }
            self.events = events
            counters = try store.ingestCounters()
            suppressions = try store.suppressions()
            optOuts = try store.trackingOptOuts()
        }

        static func == (lhs: Snapshot, rhs: Snapshot) -> Bool {
            // Suppression times come from the log; their order and values must match too.
            lhs.events == rhs.events && lhs.counters == rhs.counters && lhs.suppressions == rhs.suppressions
                && lhs.optOuts == rhs.optOuts
        }
    }

    static func ingestJSON(_ files: [String], state: String, extra: [String] = []) throws -> [String: Any] {
        let run = try vitrine(["ingest"] + files + ["--store", store, "--state", state, "--json"] + extra)
        try #require(run.status == 0, "vitrine ingest: \(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func total(_ json: [String: Any], _ key: String) -> Int {
        ((json["total"] as? [String: Any])?[key] as? Int) ?? -1
    }

    // MARK: - Real nginx

    /// Debian's nginx on 127.0.0.1:`port` with the generated `OUTPUT/nginx.conf`, its listen lines and access log
    /// rewritten, inside a minimal `http {}` of its own (prefix, pid, error log and temp paths in `directory`).
    struct Nginx {
        var directory: String
        var port: Int
        var accessLog: String { directory + "/nginx/access.log" }
        var configuration: String { directory + "/nginx/nginx.conf" }

        init(output: String, directory: String) throws {
            self.directory = directory
            port = try #require(LoopbackSocket.freePort(), "cannot bind 127.0.0.1:0")
            let prefix = directory + "/nginx"
            try FileManager.default.createDirectory(atPath: prefix + "/logs", withIntermediateDirectories: true)
            let generated = try String(contentsOfFile: output + "/nginx.conf", encoding: .utf8)
            var server: [String] = []
            for line in generated.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("listen [::]") { continue }
                if trimmed.hasPrefix("listen ") {
                    server.append("    listen 127.0.0.1:\(port);")
                } else if trimmed.hasPrefix("access_log ") {
                    server.append("    access_log \"\(prefix)/access.log\" vitrine;")
                } else {
                    server.append(String(line))
                }
            }
            #expect(server.contains { $0.contains("access_log") && $0.contains("vitrine") })
            let temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map {
                "  \($0)_temp_path \(prefix)/\($0);"
            }
            let text = """
                worker_processes 1;
                pid \(prefix)/nginx.pid;
                error_log \(prefix)/error.log;
                events { worker_connections 64; }
                http {
                  include /etc/nginx/mime.types;
                \(temp.joined(separator: "\n"))
                \(server.joined(separator: "\n"))
                }

                """
            try text.write(toFile: configuration, atomically: true, encoding: .utf8)
        }

        /// nginx in the foreground (`daemon off`), our child: a daemon would keep the test's pipes open.
        func start() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "nginx", "-p", directory + "/nginx", "-c", configuration, "-e", directory + "/nginx/error.log", "-g",
                "daemon off;",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<250 {
                if let fd = LoopbackSocket.connect(port: port) {
                    close(fd)
                    return process
                }
                guard process.isRunning else { break }
                usleep(20_000)
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try #require(
                Bool(false),
                "nginx must be installed (apt-get install nginx) and listen on 127.0.0.1:\(port); exit \(process.terminationStatus)"
            )
            return process
        }

        /// Stops nginx (SIGQUIT: graceful) and waits for the master to exit: the log is complete.
        static func stop(_ process: Process) {
            if process.isRunning { kill(process.processIdentifier, SIGQUIT) }
            process.waitUntilExit()
        }
    }

    /// One curl request; returns the status nginx answered.
    static func curl(_ url: String, agent: String?, method: String = "GET", data: String? = nil) throws -> Int {
        var arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}"]
        if let agent { arguments += ["-A", agent] }
        if method == "HEAD" {
            arguments.append("-I")
        } else if method != "GET" {
            arguments += ["-X", method]
        }
        if let data { arguments += ["--data", data] }
        let result = try ChildProcess.run("curl", arguments + [url])
        try #require(result.status == 0, "curl \(url): \(result.errorText)")
        return Int(result.outputText) ?? -1
    }

    static let reader = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    static let mailClient = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.0"
    static let applePrivacyProxy = "Mozilla/5.0"
    static let oneClickAgent = "Mozilla/5.0 (compatible; Google-Unsubscribe)"

    /// What the scripted client did, per segment: (kind, class) → events, and the recipients among them.
    struct Expected {
        var counts: [String: Int64] = [:]
        var recipients: [String: Set<String>] = [:]

        mutating func add(_ segment: String, _ kind: EventKind, _ traffic: TrafficClass, _ customer: String) {
            let key = "\(segment) \(kind) \(traffic)"
            counts[key, default: 0] += 1
            recipients[key, default: []].insert(customer)
        }
    }

    @Test func theLoopThroughRealNginx() throws {
        let batch = try Self.mailedBatch()
        defer { try? FileManager.default.removeItem(atPath: batch.directory) }
        let tracked = batch.tracked
        try #require(tracked.count >= 12, "the example campaign has \(tracked.count) tracked recipients")
        let nginx = try Nginx(output: batch.output, directory: batch.directory)
        let server = try nginx.start()
        defer { Nginx.stop(server) }
        let base = "http://127.0.0.1:\(nginx.port)"
        var expected = Expected()
        var unsubscribed = ""
        var optedOut = ""
        for (index, recipient) in tracked.prefix(12).enumerated() {
            let (customer, segment, links) = recipient
            let pixel = try #require(links.first { $0.path.hasSuffix("/px.gif") })
            let products = links.filter { $0.path.contains("/p/") }
            try #require(products.count >= 2, "\(customer) has \(products.count) product links")
            #expect(try Self.curl("\(base)\(pixel.path)?vt=\(pixel.token)", agent: Self.mailClient) == 200)
            expected.add(segment, .open, .human, customer)
            if index % 3 == 0 {
                #expect(try Self.curl("\(base)\(pixel.path)?vt=\(pixel.token)", agent: Self.applePrivacyProxy) == 200)
                expected.add(segment, .open, .machineOpen, customer)
            }
            // At most two distinct products per person: three within 10 s would be a link scanner's burst.
            let product = products[0]
            let url = "\(base)\(product.path)?vt=\(product.token)&utm_source=vitrine&utm_medium=email"
            #expect(try Self.curl(url, agent: Self.reader) == 200)
            expected.add(segment, .click, .human, customer)
            if index % 2 == 0 {
                let other = try #require(products.first { $0.token != product.token })
                #expect(try Self.curl("\(base)\(other.path)?vt=\(other.token)", agent: Self.reader) == 200)
                expected.add(segment, .click, .human, customer)
            }
            if index % 4 == 1 {
                #expect(try Self.curl(url, agent: nil) == 200)  // curl's own user agent: a bot
                expected.add(segment, .click, .bot, customer)
            }
            if index % 4 == 2 {
                #expect(try Self.curl(url, agent: Self.reader, method: "HEAD") == 200)
                expected.add(segment, .click, .error, customer)
            }
            if index == 3 {
                let link = try #require(links.first { $0.path == "/unsubscribe/" })
                let page = "\(base)/unsubscribe/?vt=\(link.token)"
                #expect(try Self.curl(page, agent: Self.reader) == 200)
                expected.add(segment, .view, .human, customer)
                // RFC 8058 §3.1: the one-click POST.
                #expect(
                    try Self.curl(page, agent: Self.oneClickAgent, method: "POST", data: "List-Unsubscribe=One-Click")
                        == 200)
                expected.add(segment, .unsubscribe, .human, customer)
                unsubscribed = customer
            }
            if index == 5 {
                let link = try #require(links.first { $0.path == "/privacy/" })
                #expect(
                    try Self.curl("\(base)/privacy/?vt=\(link.token)", agent: Self.reader, method: "POST", data: "x=1")
                        == 200)
                expected.add(segment, .optout, .human, customer)
                optedOut = customer
            }
        }
        // One forged token (a character changed), one open token on a page, one request with no token.
        let genuine = tracked[0].links.first { $0.path.contains("/p/") }!
        var forgedToken = Array(genuine.token)
        forgedToken[12] = forgedToken[12] == "A" ? "B" : "A"
        _ = try Self.curl("\(base)\(genuine.path)?vt=\(String(forgedToken))", agent: Self.reader)
        let pixel = tracked[1].links.first { $0.path.hasSuffix("/px.gif") }!
        _ = try Self.curl("\(base)/?vt=\(pixel.token)", agent: Self.reader)
        _ = try Self.curl("\(base)/", agent: Self.reader)
        Nginx.stop(server)

        let log = try String(contentsOfFile: nginx.accessLog, encoding: .utf8)
        let logLines = log.split(separator: "\n").count
        let requests = expected.counts.values.reduce(0, +) + 3
        #expect(logLines == Int(requests), "nginx wrote \(logLines) lines for \(requests) requests")

        let summary = try Self.ingestJSON([nginx.accessLog], state: batch.state)
        #expect(Self.total(summary, "lines") == logLines)
        #expect(Self.total(summary, "forged_tokens") == 1)
        #expect(Self.total(summary, "mismatched") == 1)
        #expect(Self.total(summary, "untracked") == 1)
        #expect(Self.total(summary, "unsubscribes") == 1)
        #expect(Self.total(summary, "opt_outs") == 1)

        let events = try EventStore(path: batch.state)
        var found: [String: Int64] = [:]
        var foundRecipients: [String: Int] = [:]
        for total in try events.eventTotals(campaign: Self.campaign) {
            let key = "\(total.segment) \(total.kind) \(total.traffic)"
            found[key] = total.count
            foundRecipients[key] = total.recipients
        }
        #expect(found == expected.counts)
        #expect(foundRecipients == expected.recipients.mapValues(\.count))
        let suppressions = try events.suppressions()
        #expect(suppressions.keys.sorted() == [unsubscribed])
        #expect(suppressions[unsubscribed]?.reason == .unsubscribed)
        #expect(suppressions[unsubscribed]?.source == Self.campaign)
        #expect(try events.trackingOptOuts() == [optedOut])

        // The next mail: the unsubscribed customer is left out, the opted-out one gets no token and no pixel.
        let again = try Self.vitrine([
            "mail", Self.campaign, "--store", Self.store, "--output", batch.output, "--state", batch.state, "--json",
        ])
        try #require(again.status == 0, "\(again.stderr)")
        let mailed = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((mailed["skipped"] as? [String: Any])?["suppressed"] as? Int == 1)
        #expect(mailed["recipients"] as? Int == batch.recipients.count - 1)
        let manifest = try String(
            contentsOfFile: batch.output + "/mail/\(Self.campaign)/manifest.csv", encoding: .utf8)
        #expect(!manifest.contains("\n\(unsubscribed),"))
        #expect(manifest.contains("\n\(optedOut),"))
        let message = try String(
            contentsOfFile: batch.output + "/mail/\(Self.campaign)/\(optedOut).eml", encoding: .utf8)
        #expect(!message.contains("px.gif"))

        // Idempotence: the same log again, then its rotated, gzipped copy, add nothing.
        let before = try Snapshot(batch.state)
        let same = try Self.ingestJSON([nginx.accessLog], state: batch.state)
        #expect(Self.total(same, "lines") == 0)
        try FileManager.default.moveItem(atPath: nginx.accessLog, toPath: nginx.accessLog + ".1")
        let gzip = try ChildProcess.run("gzip", [nginx.accessLog + ".1"])
        try #require(gzip.status == 0, "gzip: \(gzip.errorText)")
        let rotated = try Self.ingestJSON([nginx.accessLog + ".1.gz"], state: batch.state)
        #expect(Self.total(rotated, "lines") == 0)
        #expect(try Snapshot(batch.state) == before)
    }

    // MARK: - A large log: grown, rotated, killed

    /// A vitrine-format log of `count` lines from the batch's tokens: opens, clicks, views, bots, HEADs, errors,
    /// one-click POSTs, forged tokens, untracked requests, malformed, non-UTF-8 and gigantic lines. Recipients take
    /// turns (one line per second), so no recipient clicks three products within 10 s: no burst depends on where a
    /// batch ends.
    static func largeLog(_ batch: Batch, count: Int) -> [UInt8] {
        let tracked = batch.tracked
        var out: [UInt8] = []
        out.reserveCapacity(count * 240)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
        let start = 1_795_000_000
        let agents = [reader, mailClient, applePrivacyProxy, "curl/8.5.0", "Mozilla/5.0 (compatible; bingbot/2.0)"]
        for index in 0..<count {
            let time = formatter.string(from: Date(timeIntervalSince1970: Double(start + index)))
            let roll = next() % 1000
            if roll < 3 {
                out += Array("this is not a log line\n".utf8)
                continue
            }
            if roll == 3 {
                out += Array("127.0.0.1 - - [\(time)] \"GET /caf".utf8) + [0xE9, 0xFF]
                out += Array("/ HTTP/1.1\" 404 0 \"-\" \"x\" 0.000\n".utf8)
                continue
            }
            if roll == 4, index % 7 == 0 {
                out += Array("127.0.0.1 - - [\(time)] \"GET /".utf8) + [UInt8](repeating: 0x61, count: 70_000)
                out += Array(" HTTP/1.1\" 404 0 \"-\" \"x\" 0.000\n".utf8)
                continue
            }
            let recipient = tracked[index % tracked.count]
            let link = recipient.links[next() % recipient.links.count]
            var method = "GET"
            var status = 200
            var token = link.token
            if link.path == "/unsubscribe/" || link.path == "/privacy/" {
                if next() % 20 == 0 { method = "POST" }
            } else if next() % 10 == 0 {
                method = "HEAD"
            }
            if next() % 50 == 0 { status = 404 }
            if next() % 100 == 0 {
                var bytes = Array(token.utf8)
                bytes[20] = bytes[20] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
                token = String(decoding: bytes, as: UTF8.self)
            }
            let target = next() % 30 == 0 ? "/assets/site.css" : "\(link.path)?vt=\(token)&utm_source=vitrine"
            let agent = agents[next() % agents.count]
            out += Array(
                "127.0.\(next() % 4).\(next() % 250 + 1) - - [\(time)] \"\(method) \(target) HTTP/1.1\" \(status) 512 \"-\" \"\(agent)\" 0.001\n"
                    .utf8)
        }
        return out
    }

    @Test func aGrownRotatedOrKilledLogGivesTheTotalsOfOneCleanIngest() throws {
        let batch = try Self.mailedBatch()
        defer { try? FileManager.default.removeItem(atPath: batch.directory) }
        let lines = 150_000
        let bytes = Self.largeLog(batch, count: lines)
        let log = batch.directory + "/access.log"
        try Data(bytes).write(to: URL(fileURLWithPath: log))

        // One clean ingest.
        let clean = batch.directory + "/clean.sqlite"
        let once = try Self.ingestJSON([log], state: clean, extra: ["--batch-lines", "10000"])
        #expect(Self.total(once, "lines") == lines)
        let problems = (once["total"] as? [String: Any])?["problems"] as? [String: Int]
        #expect((problems?["malformed"] ?? 0) + (problems?["truncated"] ?? 0) > 0)
        #expect((problems?["not_utf8"] ?? 0) > 0)
        #expect((problems?["gigantic"] ?? 0) > 0)
        #expect(Self.total(once, "forged_tokens") > 0)
        #expect(Self.total(once, "unsubscribes") > 0)
        let reference = try Snapshot(clean)
        #expect(reference.events.count > 100)

        // A file read while it was a third of its size, then grown and renamed, then gzipped: the same totals.
        let grown = batch.directory + "/grown.sqlite"
        let third = bytes.prefix(through: bytes[..<(bytes.count / 3)].lastIndex(of: UInt8(ascii: "\n"))!)
        let growing = batch.directory + "/growing.log"
        try Data(third).write(to: URL(fileURLWithPath: growing))
        _ = try Self.ingestJSON([growing], state: grown, extra: ["--batch-lines", "10000"])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: growing))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes[third.count...]))
        try handle.close()
        try FileManager.default.moveItem(atPath: growing, toPath: growing + ".1")
        let rest = try Self.ingestJSON([growing + ".1"], state: grown, extra: ["--batch-lines", "10000"])
        #expect(Self.total(rest, "lines") + third.count(where: { $0 == UInt8(ascii: "\n") }) == lines)
        let gzip = try ChildProcess.run("gzip", [growing + ".1"])
        try #require(gzip.status == 0, "gzip: \(gzip.errorText)")
        let compressed = try Self.ingestJSON([growing + ".1.gz"], state: grown)
        #expect(Self.total(compressed, "lines") == 0)
        #expect(try Snapshot(grown) == reference)

        // Runs killed with SIGKILL as soon as a batch is committed, then one run to the end: the same totals.
        let killed = batch.directory + "/killed.sqlite"
        var kills = 0
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: VitrineBinary.executable)
            process.arguments = [
                "ingest", log, "--store", Self.store, "--state", killed, "--batch-lines", "2000", "--quiet",
            ]
            var environment = ProcessInfo.processInfo.environment
            for (key, value) in Self.environment { environment[key] = value }
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let before = FileManager.default.fileExists(atPath: killed) ? try Self.committedLines(killed) : 0
            try process.run()
            // Wait for one more batch than the last run left, then kill at once, mid-file.
            var waited = 0
            while process.isRunning, waited < 60_000 {
                if FileManager.default.fileExists(atPath: killed), (try? Self.committedLines(killed)) ?? 0 > before {
                    break
                }
                usleep(1000)
                waited += 1
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            let committed = try Self.committedLines(killed)
            #expect(committed > before && committed < Int64(lines), "killed at \(committed) of \(lines) lines")
        }
        #expect(kills == 3)
        let last = try Self.ingestJSON([log], state: killed, extra: ["--batch-lines", "2000"])
        #expect(Self.total(last, "lines") > 0)
        #expect(try Snapshot(killed) == reference)
        let integrity = try EventStore(path: killed).integrityCheck()
        #expect(integrity == ["ok"])
    }

    static func committedLines(_ state: String) throws -> Int64 {
        try EventStore(path: state).checkpoints().map(\.lines).max() ?? 0
    }

    // MARK: - Real logs

    /// `shared/data/logs` beside the repository (or beside the folder holding its worktree).
    static func sharedLogs() throws -> String {
        var directory = URL(fileURLWithPath: VitrineBinary.packageRoot)
        for _ in 0..<3 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/data/logs").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        Issue.record("the real logs (shared/data/logs beside the repository) are missing")
        throw CocoaError(.fileNoSuchFile)
    }

    @Test func realLogsIngestWithTheirMalformedLinesCounted() throws {
        let logs = try Self.sharedLogs()
        let directory = try VitrineBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let apache = logs + "/elastic_apache_logs.log"
        let nginx = logs + "/elastic_nginx_logs_first29480.log"
        let summary = try Self.ingestJSON([apache, nginx], state: directory + "/state.sqlite")
        let files = try #require(summary["files"] as? [[String: Any]])
        try #require(files.count == 2)
        // Independent counts: every line of the file (wc -l), and the lines Python's reading of combined rejects.
        for (file, path) in zip(files, [apache, nginx]) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            #expect(file["lines"] as? Int == lineCount, "\(path)")
            #expect(file["error"] is NSNull)
        }
        let apacheProblems = try #require(files[0]["problems"] as? [String: Int])
        #expect(apacheProblems.values.reduce(0, +) == 1)
        #expect(apacheProblems["truncated"] == 1)
        let nginxProblems = try #require(files[1]["problems"] as? [String: Int])
        #expect(nginxProblems.values.reduce(0, +) == 0)
        #expect(Self.total(summary, "untracked") == 39_479)
    }

    @Test func aFileThatCannotBeReadFailsAloneAndTheOthersAreIngested() throws {
        let batch = try Self.mailedBatch()
        defer { try? FileManager.default.removeItem(atPath: batch.directory) }
        let log = batch.directory + "/small.log"
        let link = batch.tracked[0].links.first { $0.path.hasSuffix("/px.gif") }!
        let line =
            "127.0.0.1 - - [20/Nov/2026:10:00:00 +0000] \"GET /px.gif?vt=\(link.token) HTTP/1.1\" 200 43 \"-\" \"\(Self.mailClient)\"\n"
        try line.write(toFile: log, atomically: true, encoding: .utf8)
        let run = try Self.vitrine([
            "ingest", batch.directory + "/missing.log", log, "--store", Self.store, "--state", batch.state,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("missing.log: cannot open: No such file or directory"))
        #expect(run.stdout.contains("small.log: 1 line\n"))
        #expect(run.stdout.contains("human: 1 opens"))
        let totals = try EventStore(path: batch.state).eventTotals()
        #expect(totals.map(\.count) == [1])
    }
}

extension IngestLoopTests {
    /// Ingested opens, clicks and unsubscribes reach the segment rules: `vitrine segments --explain` shows them.
    @Test func engagementFeedsTheSegmentRules() throws {
        let batch = try Self.mailedBatch()
        defer { try? FileManager.default.removeItem(atPath: batch.directory) }
        let (customer, _, links) = batch.tracked[0]
        let pixel = try #require(links.first { $0.path.hasSuffix("/px.gif") })
        let product = try #require(links.first { $0.path.contains("/p/") })
        let unsubscribe = try #require(links.first { $0.path == "/unsubscribe/" })
        let requests = [
            ("GET", "\(pixel.path)?vt=\(pixel.token)"), ("GET", "\(product.path)?vt=\(product.token)"),
            ("POST", "/unsubscribe/?vt=\(unsubscribe.token)"),
        ]
        let log = requests.map { method, target in
            "192.0.2.7 - - [21/Nov/2026:09:00:00 +0000] \"\(method) \(target) HTTP/1.1\" 200 43 \"-\" "
                + "\"\(Self.mailClient)\" 0.001\n"
        }.joined()
        try log.write(toFile: batch.directory + "/access.log", atomically: true, encoding: .utf8)
        _ = try Self.ingestJSON([batch.directory + "/access.log"], state: batch.state)

        // The product's top-level category, read from products.csv by Python's csv module.
        let slug = product.path.split(separator: "/").last.map(String.init) ?? ""
        let lookup = try ChildProcess.run(
            "python3",
            [
                "-c",
                "import csv,sys\nfor r in csv.DictReader(open(sys.argv[1])):\n"
                    + "    if r['slug'] == sys.argv[2]: print(r['category'].split('>')[0].strip())",
                Self.store + "/products.csv", slug,
            ])
        let category = lookup.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(!category.isEmpty, "no category for \(slug): \(lookup.errorText)")

        let explained = try Self.vitrine([
            "segments", "--store", Self.store, "--state", batch.state, "--explain", customer, "--as-of", "2026-12-01",
            "--json",
        ])
        try #require(explained.status == 0, "\(explained.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(explained.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["clicks_30d"] as? Int == 1)
        #expect(metrics["last_open"] as? String == "2026-11-20")
        #expect(metrics["last_click"] as? String == "2026-11-20")
        #expect(metrics["clicked_categories"] as? [String] == [category])
        #expect(metrics["unsubscribed"] as? Bool == true)

        // Without the state file, as before: nothing.
        let without = try Self.vitrine([
            "segments", "--store", Self.store, "--state", batch.directory + "/none.sqlite", "--explain", customer,
            "--as-of", "2026-12-01", "--json",
        ])
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any])
        #expect((plain["metrics"] as? [String: Any])?["clicks_30d"] as? Int == 0)
        #expect(!FileManager.default.fileExists(atPath: batch.directory + "/none.sqlite"))
    }
}

extension IngestLoopTests {
    /// A second ingest of one store waits for the first (an `flock` beside the state file), then runs.
    @Test func aSecondIngestWaitsForTheLock() throws {
        let directory = try VitrineBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/access.log"
        try "127.0.0.1 - - [20/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 43 \"-\" \"x\"\n".write(
            toFile: log, atomically: true, encoding: .utf8)
        let state = directory + "/state.sqlite"
        let holder = open(state + ".ingest.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(holder >= 0 && flock(holder, LOCK_EX) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: VitrineBinary.executable)
        process.arguments = ["ingest", log, "--store", Self.store, "--state", state]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in Self.environment { environment[key] = value }
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        usleep(1_500_000)
        #expect(process.isRunning, "the second ingest did not wait for the lock")
        #expect(!FileManager.default.fileExists(atPath: state))
        close(holder)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("waiting for another ingest of this store to finish"))
        #expect(try EventStore(path: state).ingestCounters()["untracked"] == 1)
    }
}
