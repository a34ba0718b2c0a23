// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "roadmap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "roadmapctl", targets: ["roadmapctl"]),
        .library(name: "RoadmapDomain", targets: ["RoadmapDomain"]),
        .library(name: "RoadmapPostgres", targets: ["RoadmapPostgres"]),
        .library(name: "RoadmapStore", targets: ["RoadmapStore"]),
        .library(name: "RoadmapAPI", targets: ["RoadmapAPI"]),
        .library(name: "RoadmapMail", targets: ["RoadmapMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams.git", "5.0.1"..<"7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // libpq from Debian's libpq-dev, imported as a system library.
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Pure domain: entities, status rules, deadline parsing, roll-up. Foundation only.
        .target(name: "RoadmapDomain"),
        // Readers of office files (.docx, .xlsx, .csv, .txt) into the domain's SourceDocument,
        // bounded against hostile files (zip bombs, XML entities).
        .target(
            name: "RoadmapImport",
            dependencies: [
                "RoadmapDomain",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The driver: the Swift layer over libpq (connections, typed rows, SQLSTATE errors,
        // transactions, the pool), the migration runner and the embedded cluster. Knows
        // nothing of the domain.
        .target(
            name: "RoadmapPostgres",
            dependencies: [
                "CPostgres",
                // Its codecs read and write the domain's dates, periods and ids.
                "RoadmapDomain",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The use cases: each takes the acting principal, decides with the access rules and
        // runs its SQL in one transaction; the schema and the import engine. The API and the
        // CLI reach the database only through it and never see a driver type.
        .target(
            name: "RoadmapStore",
            dependencies: [
                "RoadmapDomain",
                "RoadmapImport",
                "RoadmapPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            plugins: ["EmbedSQLPlugin"]
        ),
        // The control loop's delivery: the SMTP client (SwiftNIO, STARTTLS with NIOSSL), the
        // e-mails made from the outbox, and the sender that delivers each message once.
        .target(
            name: "RoadmapMail",
            dependencies: [
                "RoadmapDomain",
                "RoadmapStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The HTTP service. The server side of `openapi.yaml` (the contract) is generated
        // at build time, so the served document and the code cannot drift apart.
        .target(
            name: "RoadmapAPI",
            dependencies: [
                "RoadmapDomain",
                "RoadmapImport",
                "RoadmapStore",
                "RoadmapExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: [
                .plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator"),
                "EmbedSQLPlugin",
            ]
        ),
        // Spreadsheets made by the service: CSV for Russian Excel and one-sheet .xlsx (never
        // formulas), and the tables of an order's export and summary, for the CLI and the pages.
        .target(
            name: "RoadmapExport",
            dependencies: [
                "RoadmapDomain",
                "RoadmapStore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The admin CLI.
        .executableTarget(
            name: "roadmapctl",
            dependencies: [
                "RoadmapDomain",
                "RoadmapImport",
                "RoadmapStore",
                "RoadmapAPI",
                "RoadmapMail",
                "RoadmapExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Build-time tool: embeds sql/*.sql into RoadmapStore so the binary carries its schema.
        .executableTarget(name: "EmbedSQL"),
        .plugin(
            name: "EmbedSQLPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedSQL"]
        ),
        // Gives database tests a real PostgreSQL: DATABASE_URL or a throwaway cluster.
        .target(
            name: "RoadmapTestSupport",
            dependencies: [
                "RoadmapPostgres",
                "RoadmapStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "RoadmapDomainTests", dependencies: ["RoadmapDomain"]),
        .testTarget(
            name: "RoadmapImportTests",
            dependencies: ["RoadmapImport", "RoadmapDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RoadmapPostgresTests",
            dependencies: ["RoadmapPostgres", "RoadmapDomain", "RoadmapStore", "RoadmapTestSupport"]
        ),
        .testTarget(
            name: "RoadmapStoreTests",
            dependencies: ["RoadmapStore", "RoadmapPostgres", "RoadmapDomain", "RoadmapImport", "RoadmapExport", "RoadmapTestSupport"]
        ),
        .testTarget(
            name: "RoadmapAPITests",
            dependencies: [
                "RoadmapAPI", "RoadmapStore", "RoadmapPostgres", "RoadmapDomain", "RoadmapTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "RoadmapMailTests",
            dependencies: ["RoadmapMail", "RoadmapStore", "RoadmapPostgres", "RoadmapDomain", "RoadmapTestSupport",
                           .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "RoadmapctlTests",
            dependencies: ["RoadmapStore", "RoadmapPostgres", "RoadmapImport", "RoadmapTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
