// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["PortalCLI"]),
        .library(name: "PortalCore", targets: ["PortalCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "PortalCore",
            dependencies: [
                "CCmarkGFM",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "PortalCLI",
            dependencies: [
                "PortalCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PortalCoreTests",
            dependencies: ["PortalCore"]
        ),
        .testTarget(
            name: "PortalIntegrationTests",
            dependencies: ["PortalCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
    ]
)
