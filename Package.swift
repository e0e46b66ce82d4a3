// swift-tools-version: 6.0
// vitrine: a static, personalized storefront generator. No package dependencies, by design: every engine (the
// CSV and JSON readers, the Mustache engine, the rule language) is our own and checked against its spec.
import PackageDescription

let package = Package(
    name: "vitrine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vitrine", targets: ["vitrine"]),
        .executable(name: "vitrine-bench", targets: ["vitrine-bench"]),
        // The engines another package may want: `import Mustache` works from any package that depends on vitrine.
        .library(name: "Mustache", targets: ["Mustache"]),
        .library(name: "TextFormats", targets: ["TextFormats"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
    ],
    targets: [
        // C at the edge: one system library each, with a shim.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

        // Engines: know nothing of stores.
        .target(name: "Diagnostics"),
        .target(name: "TextFormats", dependencies: ["Diagnostics"]),
        .target(name: "Mustache", dependencies: ["Diagnostics", "TextFormats"]),
        // Work spread over every core, results in order.
        .target(name: "Parallelism"),
        // Seeded randomness for generated workloads, fuzz tests and the bootstrap: the same seed, the same draws.
        .target(name: "SeededRandom"),
        // Code 128 symbols (ISO/IEC 15417) as inline SVG, for coupon pages.
        .target(name: "Barcode"),
        // gzip files (RFC 1952) over the system zlib, for the `.gz` siblings that nginx's gzip_static serves.
        .target(name: "Gzip", dependencies: ["CZlib"]),
        // The preview server of `vitrine serve`: static files on 127.0.0.1, a combined-format access log.
        .target(name: "HTTPServer"),
        // SHA-256, HMAC-SHA256, base64url and a constant-time compare, checked against NIST and RFC vectors.
        .target(name: "Crypto"),
        // E-mail messages (RFC 5322) as bytes: addresses, encoded words, quoted-printable, multipart/alternative.
        .target(name: "MIME"),
        // An SMTP client over POSIX sockets (RFC 5321, PIPELINING, SIZE, 8BITMIME) with a timeout on every wait.
        .target(name: "SMTP"),
        // A small, safe wrapper of the system SQLite: a connection, cached prepared statements, typed errors.
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        // Access logs (nginx/Apache combined, any nginx log_format, JSON lines) parsed byte by byte; plain or gzip.
        .target(name: "AccessLog", dependencies: ["Gzip"]),

        // Stages: know the store, take values and return values.
        .target(name: "Store", dependencies: ["Diagnostics", "TextFormats", "Parallelism"]),
        .target(name: "Segmentation", dependencies: ["Diagnostics", "TextFormats", "Store", "Parallelism"]),
        .target(name: "Recommendation", dependencies: ["TextFormats", "Store", "Parallelism"]),
        // The one writer of OUTPUT/: incremental, atomic publishing of a tree.
        .target(name: "Publishing", dependencies: ["Gzip"]),
        // Capability tokens of personal URLs and unique coupon codes, derived from the store's secret.
        .target(name: "Tokens", dependencies: ["Crypto", "Store"]),
        // Signed tracking tokens (campaign, segment, pseudonymous recipient, target, day) and e-mail link decoration.
        .target(name: "Tracking", dependencies: ["Crypto", "Tokens", "Store"]),
        // Access-log requests to classified, aggregated tracking events (opens, clicks, unsubscribes, opt-outs).
        .target(name: "Ingest", dependencies: ["Tracking", "Crypto"]),
        // Pages as values: per-segment catalogs from the store, the recommendations and a theme; the personal pages
        // (wish lists, gift views, coupons) at capability URLs.
        .target(
            name: "Site",
            dependencies: [
                "Diagnostics", "TextFormats", "Mustache", "Store", "Publishing", "Tokens", "Barcode", "Parallelism",
            ]),
        // The store's one state file (state.sqlite): suppressions, the send journal, ingest checkpoints, events.
        .target(name: "EventStore", dependencies: ["SQLite"]),
        // Campaign figures (delivery, opens, clicks, attributed orders) and the customer overview, as HTML, CSV, JSON.
        .target(
            name: "Reporting", dependencies: ["Diagnostics", "TextFormats", "Store", "Segmentation", "EventStore"]),

        // Newsletters as values: a campaign's audience and each recipient's message, composed from the theme's
        // e-mail templates with the site's prices, picks, wish lists and coupons.
        .target(name: "Mail", dependencies: ["Mustache", "Store", "Site", "Tokens", "MIME"]),
        // Hands a campaign's batch to a relay exactly once: the send journal around each handing, retries, bounces.
        .target(name: "Delivery", dependencies: ["SMTP", "EventStore"]),

        // Shell: a façade with one workflow per command, a CLI that parses and prints, a tiny main.
        .target(
            name: "VitrineKit",
            dependencies: [
                "Diagnostics", "TextFormats", "Mustache", "Store", "Segmentation", "Recommendation", "Publishing",
                "HTTPServer", "Site", "Tokens", "Mail", "Delivery", "SMTP", "EventStore", "Tracking", "Reporting",
                "Ingest", "AccessLog",
            ]
        ),
        .target(name: "VitrineCLI", dependencies: ["Diagnostics", "VitrineKit"]),
        .executableTarget(name: "vitrine", dependencies: ["VitrineCLI"]),

        // Tools, never linked into `vitrine`: offline recommendation research on real data (the UCI mapping, the
        // holdout evaluation, the paired bootstrap, the learned hybrid), and the benchmarks with the W1 generator.
        .target(
            name: "Evaluation",
            dependencies: ["Diagnostics", "TextFormats", "Store", "Recommendation", "SeededRandom", "VitrineKit"]
        ),
        // Commits ingest batches or holds a campaign lock; EventStoreTests kill it to prove atomicity and release.
        .executableTarget(name: "eventstore-probe", dependencies: ["EventStore"]),
        // Publishes a numbered build; PublishingTests kill it mid-build to prove the switch is atomic.
        .executableTarget(name: "publishing-probe", dependencies: ["Publishing"]),
        // Access-log parsing throughput: lines/s of one file through LogReader and LogParser (release builds).
        .executableTarget(name: "accesslog-bench", dependencies: ["AccessLog"]),
        .executableTarget(
            name: "vitrine-bench",
            dependencies: [
                "Diagnostics", "TextFormats", "Mustache", "Store", "Segmentation", "Recommendation", "VitrineKit",
                "Evaluation", "SeededRandom", "Publishing",
            ]
        ),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        // What tests share to reach real programs and servers: a child process with both outputs, a loopback socket.
        .target(name: "TestSupport", path: "Tests/TestSupport", resources: [.copy("Fixtures")]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "publishing-probe"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "TestSupport"]),
        .testTarget(
            name: "EventStoreTests", dependencies: ["EventStore", "SQLite", "eventstore-probe", "TestSupport"]),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "MIMETests", dependencies: ["MIME", "SeededRandom", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SMTPTests", dependencies: ["SMTP", "TestSupport"]),
        // The sender's group commit of journal writes (the send protocol end to end is in VitrineCLITests).
        .testTarget(name: "DeliveryTests", dependencies: ["Delivery", "EventStore"]),
        .testTarget(name: "TokensTests", dependencies: ["Tokens", "Crypto", "Store"]),
        .testTarget(
            name: "TrackingTests",
            dependencies: ["Tracking", "Tokens", "Store", "Crypto", "SeededRandom", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Tracking", "Tokens", "SeededRandom"]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats", "Diagnostics"]),
        .testTarget(
            name: "ReportingTests",
            dependencies: [
                "Reporting", "EventStore", "Store", "Segmentation", "TextFormats", "VitrineKit", "Tracking", "Tokens",
                "Diagnostics",
                "TestSupport",
            ]),
        .testTarget(name: "BarcodeTests", dependencies: ["Barcode", "BarcodeDecoding", "SeededRandom", "TestSupport"]),
        .testTarget(name: "GzipTests", dependencies: ["Gzip", "SeededRandom", "TestSupport"]),
        .testTarget(name: "AccessLogTests", dependencies: ["AccessLog", "Gzip", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "MustacheTests", dependencies: ["Mustache", "Diagnostics", "SeededRandom"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "StoreTests", dependencies: ["Store", "Diagnostics", "TextFormats", "SeededRandom"],
            resources: [.copy("Fixtures")]),
        // The small stores that the segmentation, recommendation, workflow and evaluation tests share.
        .target(
            name: "SampleStores",
            dependencies: ["Diagnostics", "TextFormats", "Store", "Segmentation", "Recommendation"],
            path: "Tests/SampleStores"),
        .testTarget(
            name: "SegmentationTests",
            dependencies: ["Segmentation", "Store", "Diagnostics", "TextFormats", "SampleStores"]),
        .testTarget(
            name: "RecommendationTests",
            dependencies: ["Recommendation", "Store", "TextFormats", "SampleStores", "SeededRandom"]),
        .testTarget(
            name: "VitrineKitTests",
            dependencies: [
                "VitrineKit", "Mustache", "Segmentation", "Store", "Diagnostics", "SampleStores", "Tokens",
                "EventStore", "Recommendation",
            ]),
        .testTarget(
            name: "EvaluationTests",
            dependencies: [
                "Evaluation", "Recommendation", "Store", "Diagnostics", "TextFormats", "VitrineKit", "SampleStores",
            ]),
        .testTarget(
            name: "SiteTests",
            dependencies: [
                "Site", "Store", "Diagnostics", "TextFormats", "Mustache", "Publishing", "VitrineKit", "Gzip",
                "TestSupport",
            ]),
        .testTarget(
            name: "PersonalPagesTests",
            dependencies: [
                "Site", "Store", "Publishing", "VitrineKit", "Tokens", "Barcode", "BarcodeDecoding", "EventStore",
            ]),
        // The test decoder of Code 128 bar widths, shared by the barcode and the personal pages tests.
        .target(name: "BarcodeDecoding", dependencies: ["Barcode"], path: "Tests/BarcodeDecoding"),
        .testTarget(
            name: "VitrineCLITests",
            dependencies: ["VitrineCLI", "VitrineKit", "Diagnostics", "TestSupport", "EventStore", "vitrine"],
            exclude: ["Golden"]),
        .testTarget(
            name: "MailTests",
            dependencies: [
                "Mail", "VitrineKit", "Store", "Segmentation", "Diagnostics", "TextFormats", "TestSupport",
                "EventStore",
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GenerateTests", dependencies: ["vitrine-bench", "Store", "Evaluation", "TextFormats"],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
