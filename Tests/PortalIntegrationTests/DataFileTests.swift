import Foundation
import PortalPipeline
import PortalSite
import PortalText
import Testing

/// `data/**/*.{toml,yaml,yml,json}` read by templates as `data.<folders>.<name>`.
@Suite struct DataFileTests {
    static func site(_ files: [String: String]) -> String {
        let root = Fixtures.temporaryDirectory()
        Fixtures.write("""
        title = "T"
        defaultLanguage = "en"
        [languages.en]
        name = "English"
        [languages.zh-Hans]
        name = "中文"
        """, to: root + "/site.toml")
        Fixtures.write("---\ntitle: Hello\ndate: 2026-01-01\n---\nHi.\n", to: root + "/content/posts/hello.md")
        for (path, text) in files { Fixtures.write(text, to: root + "/" + path) }
        return root
    }

    static func page(_ result: BuildResult, _ path: String) -> String {
        result.files.first { $0.path == path }.map { String(decoding: Fixtures.bytes(of: $0), as: UTF8.self) } ?? ""
    }

    @Test func filesReachTemplatesPerLanguage() {
        let root = Self.site([
            "data/community/meetings.toml": "cadence = \"biweekly\"\n[[rooms]]\nname = \"Zoom\"\n[[rooms]]\nname = \"Jitsi\"\n",
            "data/motto.yaml": "text: Light the way\n",
            "data/motto.zh-hans.yml": "text: 照亮前路\n",
            "data/numbers.json": "[1, 2, 3]\n",
            "data/.hidden/secret.toml": "x = 1\n",
            "data/notes.txt": "not data\n",
            "Templates/partials/footer.mustache":
                "<footer>{{data.community.meetings.cadence}}|{{#data.community.meetings.rooms}}{{name}},{{/data.community.meetings.rooms}}|{{data.motto.text}}|{{#data.numbers}}{{.}}{{/data.numbers}}|{{#data.hidden}}x{{/data.hidden}}{{data.notes}}</footer>\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Self.page(result, "en/posts/hello/index.html").contains("<footer>biweekly|Zoom,Jitsi,|Light the way|123|</footer>"))
        #expect(Self.page(result, "zh-hans/index.html").contains("<footer>biweekly|Zoom,Jitsi,|照亮前路|123|</footer>"))
    }

    @Test func parseErrorsAreLocated() {
        let root = Self.site([
            "data/a.toml": "x = 1\ny = [1,\n",
            "data/b.yaml": "list:\n  - one\n  - two\n bad: indent\n",
            "data/c.json": "{\"a\": 1,\n \"b\": }\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(result.failed)
        let errors = result.diagnostics.filter(\.isError).map(\.description)
        #expect(errors.contains { $0.hasPrefix("data/a.toml:3:") || $0.hasPrefix("data/a.toml:2:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("data/b.yaml:4:") && $0.contains("invalid YAML") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("data/c.json:2:") && $0.contains("invalid JSON") }, "\(errors)")
    }
}
