// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["PortalCLI"]),
        .library(name: "PortalPipeline", targets: ["PortalPipeline"]),
        // The layers the fuzz package (Fuzz/) links, without the server.
        .library(name: "PortalText", targets: ["PortalText"]),
        .library(name: "PortalSources", targets: ["PortalSources"]),
        .library(name: "PortalMarkdown", targets: ["PortalMarkdown"]),
        .library(name: "PortalTemplates", targets: ["PortalTemplates"]),
        .library(name: "PortalSearch", targets: ["PortalSearch"]),
    ],
    // Highlighting (on by default) links KDE's KSyntaxHighlighting, a Qt 5 library with
    // no static build on Debian. The release archive (scripts/release.sh) is built
    // without it and prints code blocks plain: `swift build --disable-default-traits`.
    traits: [
        .trait(name: "Highlighting", description: "Build-time code highlighting with KSyntaxHighlighting (Qt 5)."),
        .default(enabledTraits: ["Highlighting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The server's log level (Hummingbird's own logging API, already in its graph).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Qt 5's compiler flags (from pkg-config) for the highlighter's C++.
        .systemLibrary(
            name: "CQtGui",
            pkgConfig: "Qt5Gui",
            providers: [.apt(["libkf5syntaxhighlighting-dev"])]
        ),
        // Build-time syntax highlighting with KSyntaxHighlighting, behind a C interface.
        .target(
            name: "CSyntaxHighlight",
            dependencies: ["CQtGui"],
            linkerSettings: [.linkedLibrary("KF5SyntaxHighlighting"), .linkedLibrary("Qt5Core")]
        ),
        .target(
            name: "CCmarkParsing",
            dependencies: ["CCmarkGFM"],
            linkerSettings: [.linkedLibrary("dl")]
        ),
        // The pipeline's layers: each target sees only the ones listed before it.
        .target(name: "PortalText"),
        .target(
            name: "PortalSources",
            dependencies: [
                "PortalText",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PortalMarkdown",
            dependencies: [
                "PortalText", "PortalSources", "CCmarkGFM", "CCmarkParsing",
                .target(name: "CSyntaxHighlight", condition: .when(traits: ["Highlighting"])),
            ]
        ),
        .target(name: "PortalSite", dependencies: ["PortalText", "PortalSources", "PortalMarkdown"]),
        .target(name: "PortalSearch", dependencies: ["PortalText"]),
        .target(name: "PortalTemplates", dependencies: ["PortalText"]),
        .target(
            name: "PortalRender",
            dependencies: [
                "PortalText", "PortalSources", "PortalMarkdown", "PortalSite", "PortalTemplates", "PortalSearch",
            ]
        ),
        .target(name: "PortalOutput", dependencies: ["PortalText", "PortalSite"]),
        .target(
            name: "PortalPipeline",
            dependencies: [
                "PortalText", "PortalSources", "PortalMarkdown", "PortalSite", "PortalTemplates",
                "PortalRender", "PortalOutput",
                // `portal import` reads Hugo's YAML configuration files.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PortalServer",
            dependencies: [
                "PortalText", "PortalSite", "PortalPipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "PortalCLI",
            dependencies: [
                "PortalText", "PortalSources", "PortalMarkdown", "PortalSite", "PortalOutput", "PortalPipeline",
                "PortalServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "PortalCoreTests",
            dependencies: [
                "PortalText", "PortalSources", "PortalMarkdown", "PortalSite", "PortalTemplates",
                "PortalRender", "PortalOutput", "PortalPipeline", "PortalSearch",
                // Test only: the differential test of portal's TOML reader.
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .testTarget(
            name: "PortalServerTests",
            dependencies: [
                "PortalServer", "PortalPipeline", "PortalText", "PortalSite", "PortalOutput",
                .product(name: "Logging", package: "swift-log"),
                // Test only: what TOMLKit kept, measured beside portal's TOML reader.
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .testTarget(
            name: "PortalIntegrationTests",
            dependencies: [
                "PortalPipeline", "PortalText", "PortalSources", "PortalSite", "PortalRender", "PortalOutput",
                .product(name: "TOMLKit", package: "TOMLKit"),
                // Test only: reads the corpora's front matter independently of portal.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)

// Release builds, for speed (debug builds, and so `swift test`, compile as before):
// - the optimiser may inline a function of one of portal's targets into another (a
//   page's values are read through many small accessors across them);
// - on Linux the binary carries the Swift runtime and Foundation in itself (the
//   executable links them statically, and every target compiles against their static
//   modules): its calls into them, such as the millions of reference-count changes of
//   a build, are then direct rather than through the dynamic linker's tables.
for target in package.targets where target.name.hasPrefix("Portal") && target.type != .test {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
    ]
}
