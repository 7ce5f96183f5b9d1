import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// The quick reader of flat YAML front matter must give exactly the nodes libyaml gives,
/// and leave everything it does not fully understand to libyaml.
@Suite struct SimpleYAMLTests {
    /// A node as text: kind, value, line and column, nested.
    static func describe(_ node: FrontMatterNode) -> String {
        let place = "@\(node.line):\(node.column)"
        switch node.kind {
        case let .scalar(text, plain): return "\(plain ? "plain" : "quoted")(\(text))\(place)"
        case let .value(value): return "value(\(value))\(place)"
        case .null: return "null\(place)"
        case let .list(items): return "[" + items.map(describe).joined(separator: ", ") + "]\(place)"
        case let .table(entries): return "{" + describe(entries) + "}\(place)"
        }
    }

    static func describe(_ entries: [FrontMatterNode.Entry]) -> String {
        entries.map { "\($0.key)=\(describe($0.node))" }.joined(separator: "; ")
    }

    static func composed(_ text: String) -> String? {
        guard case let .success(entries) = YAMLFrontMatterReader.readComposed(text, lineOffset: 1) else { return nil }
        return describe(entries)
    }

    static let simple = [
        "",
        "# only a comment\n",
        "title: \"Sonic in practice: logging conventions\"\ndate: 2021-12-09\nauthors: [liangbo, guoming]\ntags: [\"负载均衡\"]\n",
        "title: 链路追踪 v1.6.0 版本发布说明\nslug: config-mesh-guide-00245\n\ndraft: false\n",
        "date: 2020-05-17T11:45:00+08:00\ntags: [\"网关\", \"CICD\", 新手入门, 'Protobuf']\n",
        "link: https://example.org/a#frag\nweight: 10\nsummary: ~\nlastmod: null\nempty: []\n",
        "title: 'single quoted: with colon'\ndescription: \"中文标题，带标点。\"  \n",
        "tags: [ a , b c ,  \"d, e\" ]\n# comment between\nkeywords: [x]\n",
        "title: a, b [c] {d}\ntitle_2: 100%\nlinkTitle: \"\"\n",
    ]

    @Test func flatFrontMatterReadsAsLibyamlReadsIt() throws {
        for text in Self.simple {
            let quick = try #require(YAMLFrontMatterReader.readSimple(text, lineOffset: 1), "not read quickly: \(text)")
            #expect(Self.describe(quick) == Self.composed(text), "\(text)")
        }
    }

    @Test func everythingElseIsLeftToLibyaml() {
        let others = [
            "title: \"escaped \\\" quote\"\n",            // escapes
            "title: 'it''s'\n",                           // doubled quote
            "title: text # comment\n",                     // comment after a value
            "title: a\ntitle: b\n",                        // repeated key
            "author:\n  name: x\n",                        // nesting
            "tags:\n- a\n- b\n",                           // block list
            "description: >\n  folded\n",                  // block scalar
            "description: first line\n  continued\n",      // multi-line plain scalar
            "title: &a x\nother: *a\n",                    // anchor and alias
            "title: !!str 1\n",                            // tag
            "title: value:\n",                             // trailing colon
            "tags: [a, [b]]\n",                            // nested list
            "tags: [a,]\n",                                // empty item
            "tags: [a: b]\n",                              // a mapping in a list
            "title: x\r\n",                                // carriage return
            "title: a\u{2028}b\n",                         // a line break for YAML 1.1
            "title: \"bell \u{07}\"\n",                    // control character
            "2021: year key\n",                            // key that is not a name
            "  title: indented\n",
            "title:\tx\n",
            "- a\n",
            "---\ntitle: x\n",
        ]
        for text in others {
            #expect(YAMLFrontMatterReader.readSimple(text, lineOffset: 1) == nil, "read quickly: \(text)")
        }
        // A repeated key goes to libyaml too, which reads the last value and says where.
        var repeats: [YAMLFrontMatterReader.RepeatedKey] = []
        if case let .success(entries) = YAMLFrontMatterReader.read("title: a\ntitle: b\n", lineOffset: 1, repeats: &repeats) {
            #expect(entries.map(\.key) == ["title"])
            #expect(repeats == [YAMLFrontMatterReader.RepeatedKey(key: "title", firstLine: 2, line: 3)])
        } else {
            Issue.record("a repeated top-level key was refused")
        }
    }

    @Test func editedFrontMatterIsReadAsLibyamlReadsItOrLeftToIt() {
        // Whatever the quick reader accepts, libyaml accepts too and reads the same.
        var quick = 0
        let short = ["n: 10\nm: -7\n", "d: 2021-12-23\nt: \"x\"\n", "l: [a, 'b', \"c\"]\n"]
        for text in FrontMatterFixture.variants(of: Self.simple + short, each: 1000) {
            guard let entries = YAMLFrontMatterReader.readSimple(text, lineOffset: 1) else { continue }
            #expect(Self.describe(entries) == Self.composed(text), "\(text.debugDescription)")
            quick += 1
        }
        #expect(quick > 100)
    }

    @Test(.enabled(if: SharedFolder.exists || ProcessInfo.processInfo.environment["PORTAL_YAML_CORPUS"] != nil,
                   "needs ../shared beside the repository or PORTAL_YAML_CORPUS naming a corpus"))
    func seedAndBenchmarkFrontMatterReadTheSameBothWays() throws {
        // Real front matter; PORTAL_YAML_CORPUS names another folder to compare.
        for (path, front) in FrontMatterFixture.corpusFrontMatters(fence: "---", variable: "PORTAL_YAML_CORPUS") {
            guard let quick = YAMLFrontMatterReader.readSimple(front, lineOffset: 1) else { continue }
            #expect(Self.describe(quick) == Self.composed(front), "\(path)")
        }
    }
}
