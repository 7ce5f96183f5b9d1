import Foundation
import PortalPipeline
import Testing

/// Bad input never crashes the build, and large input stays bounded.
@Suite struct RobustnessTests {
    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 42)
        let files: [String: String] = [:]
        let root = Fixtures.makeSite(files)
        for index in 0..<40 {
            let length = Int(generator.next() % 4096)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            // Some files start like front matter so the parsers see the bytes too.
            if index % 3 == 0 { bytes = Array("---\ntitle: x\n".utf8) + bytes }
            if index % 3 == 1 { bytes = Array("+++\ntitle = 'x'\n".utf8) + bytes }
            Fixtures.write(bytes, to: root + "/content/posts/random-\(index).md")
        }
        let result = Fixtures.build(root)
        // Every failing file is named; nothing is written for a failed build.
        for diagnostic in result.diagnostics where diagnostic.isError {
            #expect(diagnostic.location?.path.hasPrefix("content/posts/random-") == true, "\(diagnostic)")
        }
    }

    @Test func tenMegabytePostBuildsInBoundedTime() {
        var body = ""
        let paragraph = "社区会议讨论了服务治理与配置中心的设计，并达成初步共识。The maintainers reviewed the release plan.\n\n"
        while body.utf8.count < 10_000_000 { body += paragraph }
        let root = Fixtures.makeSite(["content/posts/huge.md": "---\ntitle: 大文件\ndate: 2024-01-01\n---\n" + body])
        let started = Date()
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics.prefix(3))")
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(Fixtures.text(result, "zh-hans/posts/huge/index.html")?.contains("大文件") == true)
    }

    @Test func hundredThousandFenceLinesBuildInBoundedTime() {
        let text = String(repeating: "---\n", count: 100_000)
        let root = Fixtures.makeSite([
            "content/posts/fences.md": text,
            "content/posts/fences-toml.md": String(repeating: "+++\n", count: 100_000),
        ])
        let started = Date()
        _ = Fixtures.build(root)
        #expect(Date().timeIntervalSince(started) < 60)
    }
}

/// A small deterministic random source for reproducible fuzz input.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
