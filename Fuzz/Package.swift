// swift-tools-version:6.0
// libFuzzer targets for portal's parsers. Built only by scripts/fuzz.sh with
// `-sanitize=fuzzer,address`: without the fuzzer runtime these executables do not
// link (their `main` calls libFuzzer's driver). The root package never sees this folder.
import PackageDescription

// Entry points the fuzzers call are `package` declarations, which another package
// reaches only through `@testable import`: debug builds compile the layers with
// testing enabled.
let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

func fuzzer(_ name: String, _ layers: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + layers.map { .product(name: $0, package: "portal") },
        swiftSettings: fuzzSettings
    )
}

let package = Package(
    name: "portal-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "portal", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        fuzzer("FuzzFrontMatter", ["PortalText", "PortalSources"]),
        fuzzer("FuzzMarkdown", ["PortalText", "PortalSources", "PortalMarkdown", "PortalSearch"]),
        fuzzer("FuzzData", ["PortalText", "PortalSources"]),
        fuzzer("FuzzTemplates", ["PortalText", "PortalTemplates"]),
    ]
)
