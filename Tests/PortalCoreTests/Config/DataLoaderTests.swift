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

@Suite struct DataLoaderTests {
    @Test func missingFilesAreEmpty() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let authors = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(authors.registry.profiles.isEmpty)
        #expect(authors.diagnostics.isEmpty)
        let tags = DataLoader.loadTagNames(siteRoot: site.root)
        #expect(tags.names.isEmpty)
        #expect(tags.diagnostics.isEmpty)
    }

    @Test func benchmarkAuthorsTOML() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/authors.toml", """
        [zhangwei]
        name = "Zhang Wei"
        [zhangwei.names]
        zh-Hans = "张伟"
        en = "Zhang Wei"

        [lina]
        name = "Li Na"
        [lina.names]
        zh-Hans = "李娜"
        en = "Li Na"

        """)
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(diagnostics.isEmpty)
        let zhang = try #require(registry.profile(for: "zhangwei"))
        #expect(zhang.name == "Zhang Wei")
        #expect(zhang.localizedNames == ["zh-hans": "张伟", "en": "Zhang Wei"])
        #expect(zhang.name(in: "zh-Hans") == "张伟")
        #expect(registry.profile(for: "lina")?.name(in: "zh-Hans") == "李娜")
    }

    @Test func fullTOMLProfile() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/authors.toml", """
        [sczyh30]
        name = "Eric Zhao"
        title = "Maintainer"
        url = "https://github.com/sczyh30"
        avatar = "/img/eric.png"
        bio = "Writes Sentinel."
        nickname = "eric"
        [sczyh30.socials]
        x = "sczyh30"
        github = "sczyh30"
        """)
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(diagnostics.map(\.description) == ["data/authors.toml:7:1: warning: unknown key 'sczyh30.nickname'"])
        let eric = try #require(registry.profile(for: "sczyh30"))
        #expect(eric.title == "Maintainer")
        #expect(eric.url == "https://github.com/sczyh30")
        #expect(eric.imageURL == "/img/eric.png")
        #expect(eric.bio == "Writes Sentinel.")
        #expect(eric.socials == [.init(network: "x", handle: "sczyh30"), .init(network: "github", handle: "sczyh30")])
    }

    @Test func tomlErrorsAreLocatedInTheDataFile() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/authors.toml", "[a]\nname = 1\n[b]\nname = \"B\"\n")
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(diagnostics.map(\.description) == ["data/authors.toml:2:1: error: 'a.name' must be a string, not an integer"])
        #expect(registry.profile(for: "b")?.name == "B")

        try site.write("data/authors.toml", "[a\nname = 1\n")
        let broken = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(broken.diagnostics.count == 1)
        #expect(broken.diagnostics.first?.description.hasPrefix("data/authors.toml:1:") == true)
        #expect(broken.diagnostics.first?.message.hasPrefix("invalid TOML: ") == true)
    }

    @Test func aValueInsideAnInlineTableIsLocatedAtItself() throws {
        // The key scan does not look inside inline tables; the parsed value knows its place.
        let (_, diagnostics) = DataLoader.parseAuthorsTOMLText("[a]\nname = \"A\"\nsocials = { github = \"x\", x = 1 }\n", file: "data/authors.toml")
        #expect(diagnostics.map(\.description) == ["data/authors.toml:3:31: error: 'a.socials.x' must be a string, not an integer"])
    }

    @Test func docusaurusAuthorsYAML() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/authors.yml", """
        sczyh30:
          name: Eric Zhao
          title: OpenSergo maintainer
          url: https://github.com/sczyh30
          image_url: https://github.com/sczyh30.png
          page: true
          socials:
            github: sczyh30
            x: https://x.com/sczyh30
        no:
          name: NO
          imageURL: /img/no.png
          title:
          names:
            zh-Hans: 挪
        """)
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let eric = try #require(registry.profile(for: "sczyh30"))
        #expect(eric.name == "Eric Zhao")
        #expect(eric.title == "OpenSergo maintainer")
        #expect(eric.imageURL == "https://github.com/sczyh30.png")
        #expect(eric.socials.map(\.network) == ["github", "x"])
        #expect(eric.socials.last?.handle == "https://x.com/sczyh30")
        // YAML 1.1 would read `no` and `NO` as false: the text is kept.
        let no = try #require(registry.profile(for: "no"))
        #expect(no.name == "NO")
        #expect(no.title == nil)
        #expect(no.imageURL == "/img/no.png")
        #expect(no.localizedNames == ["zh-hans": "挪"])
    }

    @Test func tomlWinsOverYAML() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/authors.toml", "[a]\nname = \"TOML\"\n")
        try site.write("data/authors.yml", "a:\n  name: YAML\n")
        #expect(DataLoader.loadAuthors(siteRoot: site.root).registry.profile(for: "a")?.name == "TOML")
    }

    @Test func yamlErrorsAreLocated() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/authors.yaml", "a:\n  name: A\n  url: [x\nb: 2\n")
        let (_, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location?.path == "data/authors.yaml")
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML: ") == true)

        try site.write("data/authors.yaml", "a:\n  name: A\n  email: a@x.org\n  twitter: a\nb: 2\n")
        let shape = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(shape.diagnostics.map(\.description) == [
            "data/authors.yaml:4:3: warning: unknown key 'a.twitter'",
            "data/authors.yaml:5:4: error: author 'b' must be a mapping of profile fields",
        ])
        #expect(shape.registry.profile(for: "a")?.name == "A")
    }

    @Test func yamlAliasesStayCheap() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var text = "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*x\(level - 1)", count: 9).joined(separator: ", ")
            text += "x\(level): &x\(level) [\(refs)]\n"
        }
        text += "a:\n  name: A\n"
        try site.write("data/authors.yml", text)
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(registry.profile(for: "a")?.name == "A")
        #expect(diagnostics.filter(\.isError).count == 10)
    }

    @Test(.enabled(if: SharedFolder.hasSeeds, "needs ../shared/seeds beside the repository"))
    func seedAuthorsLoad() throws {
        guard let seed = TemporarySite.seedPath("site") else { return }
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: seed)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(registry.profile(for: "sczyh30")?.name == "Eric Zhao")
    }

    @Test func tagNames() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/tags.toml", """
        [kubernetes]
        zh-Hans = "容器编排"
        en = "Kubernetes"

        [meeting]
        zh-hans = 3
        """)
        let (names, diagnostics) = DataLoader.loadTagNames(siteRoot: site.root)
        #expect(names["kubernetes"] == ["zh-hans": "容器编排", "en": "Kubernetes"])
        #expect(names["meeting"] == [:])
        #expect(diagnostics.map(\.description) == ["data/tags.toml:6:1: error: 'meeting.zh-hans' must be a string, not an integer"])
    }
}
