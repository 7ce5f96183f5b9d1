// swift-tools-version:6.0
import Foundation
import PackageDescription

/// On Linux, `portal` carries the Swift runtime and Foundation itself when the toolchain
/// has their static libraries (as `swift build --static-swift-stdlib` would link them):
/// a build then starts without loading Foundation and ICU, 20-40 ms sooner. Where the
/// libraries are missing, it links them dynamically as any Swift program does.
/// Foundation's own static dependencies are named here: the modules portal compiles
/// against do not name them.
let staticRuntime: [LinkerSetting] = {
    #if os(Linux)
    let needed = ["libswiftCore.a", "libFoundation.a", "libCoreFoundation.a", "lib_FoundationICU.a",
                  "lib_FoundationCShims.a", "lib_FoundationCollections.a"]
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    guard let folder = folders.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/swiftc") }) else { return [] }
    let tools = URL(fileURLWithPath: folder + "/swiftc").resolvingSymlinksInPath().deletingLastPathComponent()
    let libraries = tools.deletingLastPathComponent().appendingPathComponent("lib/swift_static/linux").path
    if needed.allSatisfy({ FileManager.default.fileExists(atPath: libraries + "/" + $0) }) {
        return [.unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims",
                              "-l_FoundationCollections", "-lstdc++"])]
    }
    #endif
    return []
}()

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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "CCmarkParsing",
            dependencies: ["CCmarkGFM"],
            linkerSettings: [.linkedLibrary("dl")]
        ),
        .target(name: "CPortalMemory"),
        .target(
            name: "PortalCore",
            dependencies: [
                "CCmarkGFM",
                "CCmarkParsing",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PortalServer",
            dependencies: [
                "PortalCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "PortalCLI",
            dependencies: [
                "CPortalMemory",
                "PortalCore",
                "PortalServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticRuntime
        ),
        .testTarget(
            name: "PortalCoreTests",
            dependencies: ["PortalCore"]
        ),
        .testTarget(
            name: "PortalServerTests",
            dependencies: ["PortalServer", "PortalCore"]
        ),
        .testTarget(
            name: "PortalIntegrationTests",
            dependencies: [
                "PortalCore",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
