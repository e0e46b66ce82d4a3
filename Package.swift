// swift-tools-version: 6.0
// vitrine: a static, personalized storefront generator. No package dependencies, by design:
// every engine (CSV, JSON, Mustache, crypto, MIME, SMTP, log parsing) is our own and checked against its spec.
import PackageDescription

let package = Package(
    name: "vitrine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vitrine", targets: ["vitrine"]),
        .executable(name: "vitrine-bench", targets: ["vitrine-bench"]),
    ],
    targets: [
        // C at the edge: one system library each, with a shim.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

        // Engines: know nothing of stores.
        .target(name: "Diagnostics"),
        .target(name: "TextFormats", dependencies: ["Diagnostics"]),
        .target(name: "Mustache", dependencies: ["Diagnostics", "TextFormats"]),
        // Seeded randomness for generated workloads, fuzz tests and the bootstrap: the same seed, the same draws.
        .target(name: "SeededRandom"),
        // The preview server of `vitrine serve`: static files on 127.0.0.1, a combined-format access log.
        .target(name: "HTTPServer"),

        // Stages: know the store, take values and return values.
        .target(name: "Store", dependencies: ["Diagnostics", "TextFormats"]),
        .target(name: "Segmentation", dependencies: ["Diagnostics", "TextFormats", "Store"]),
        .target(name: "Recommendation", dependencies: ["TextFormats", "Store", "SeededRandom"]),
        // The one writer of OUTPUT/: incremental, atomic publishing of a tree.
        .target(name: "Publishing"),
        // Pages as values: per-segment catalogs from the store, the recommendations and a theme.
        .target(name: "Site", dependencies: ["Diagnostics", "TextFormats", "Mustache", "Store", "Publishing"]),

        // Shell: a façade with one workflow per command, a CLI that parses and prints, a tiny main.
        .target(
            name: "VitrineKit",
            dependencies: [
                "Diagnostics", "TextFormats", "Mustache", "Store", "Segmentation", "Recommendation", "Publishing",
                "HTTPServer", "Site",
            ]
        ),
        .target(name: "VitrineCLI", dependencies: ["Diagnostics", "TextFormats", "Mustache", "Store", "VitrineKit"]),
        .executableTarget(name: "vitrine", dependencies: ["VitrineCLI"]),
        // Publishes a numbered build; PublishingTests kill it mid-build to prove the switch is atomic.
        .executableTarget(name: "publishing-probe", dependencies: ["Publishing"]),
        .executableTarget(
            name: "vitrine-bench",
            dependencies: [
                "Diagnostics", "TextFormats", "Mustache", "Store", "Segmentation", "Recommendation", "VitrineKit",
                "VitrineCLI", "SeededRandom", "Publishing",
            ]
        ),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "publishing-probe"]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats", "Diagnostics"]),
        .testTarget(
            name: "MustacheTests", dependencies: ["Mustache", "Diagnostics", "SeededRandom"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "StoreTests", dependencies: ["Store", "Diagnostics", "TextFormats", "SeededRandom"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SegmentationTests",
            dependencies: ["Segmentation", "Store", "Diagnostics", "TextFormats", "VitrineKit"]),
        .testTarget(
            name: "SiteTests",
            dependencies: ["Site", "Store", "Diagnostics", "TextFormats", "Mustache", "Publishing", "VitrineKit"]),
        .testTarget(name: "RecommendationTests", dependencies: ["Recommendation", "Store", "TextFormats"]),
        .testTarget(name: "VitrineCLITests", dependencies: ["VitrineCLI", "VitrineKit", "Diagnostics"]),
        .testTarget(
            name: "GenerateTests", dependencies: ["vitrine-bench", "Store", "VitrineKit", "TextFormats"],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
