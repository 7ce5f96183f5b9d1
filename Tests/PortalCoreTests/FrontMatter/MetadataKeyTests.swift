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

@Suite struct MetadataKeyTests {
    typealias F = FrontMatterFixture

    @Test func keysCompareCaseInsensitively() throws {
        let metadata = try #require(F.metadata("---\nTitle: Upper\nDescription: Summary text\nlinktitle: Short\nDRAFT: true\n---\n"))
        #expect(metadata.title == "Upper")
        #expect(metadata.summary == "Summary text")
        #expect(metadata.linkTitle == "Short")
        #expect(metadata.draft == true)
        #expect(metadata.params.isEmpty)
    }

    @Test func dateKeysInOrder() throws {
        let both = try #require(F.metadata("---\npubDate: 2020-01-01\ndate: 2021-06-01\n---\n"))
        #expect(both.date == F.instant("2021-06-01T00:00:00+08:00"))
        let publish = try #require(F.metadata("---\npublishDate: 2020-01-02\npubDate: 2020-01-01\n---\n"))
        #expect(publish.date == F.instant("2020-01-02T00:00:00+08:00"))
        let pub = try #require(F.metadata("---\npubDate: 2020-01-03\n---\n"))
        #expect(pub.date == F.instant("2020-01-03T00:00:00+08:00"))
    }

    @Test func emptyDateFallsThroughToTheNextKey() throws {
        let metadata = try #require(F.metadata("---\ndate: \"\"\npublishDate: 2020-01-02\nlastmod: \"\"\n---\n"))
        #expect(metadata.date == F.instant("2020-01-02T00:00:00+08:00"))
        #expect(metadata.lastmod == nil)
    }

    @Test func lastmodKeys() throws {
        let direct = try #require(F.metadata("---\nlastmod: 2022-01-02\nupdated: 2022-01-03\n---\n"))
        #expect(direct.lastmod == F.instant("2022-01-02T00:00:00+08:00"))
        let nested = try #require(F.metadata("---\nlast_update:\n  date: 2022-03-04\n  author: someone\nupdated: 2022-01-03\n---\n"))
        #expect(nested.lastmod == F.instant("2022-03-04T00:00:00+08:00"))
        #expect(nested.params.isEmpty)
        let updated = try #require(F.metadata("---\nupdated: 2022-01-03T10:00:00Z\n---\n"))
        #expect(updated.lastmod == F.instant("2022-01-03T10:00:00Z"))
        let toml = try #require(F.metadata("+++\n[last_update]\ndate = 2022-03-05\n+++\n"))
        #expect(toml.lastmod == F.instant("2022-03-05T00:00:00+08:00"))
    }

    @Test func draftAndUnlisted() throws {
        #expect(F.metadata("---\ndraft: true\n---\n")?.draft == true)
        #expect(F.metadata("---\ndraft: no\n---\n")?.draft == false)
        #expect(F.metadata("---\ndraft: yes\n---\n")?.draft == true)
        // Docusaurus `unlisted` is no draft: the page is built, only listed nowhere.
        #expect(F.metadata("---\nunlisted: true\n---\n")?.draft == false)
        #expect(F.metadata("---\nunlisted: true\n---\n")?.unlisted == true)
        #expect(F.metadata("+++\ndraft = true\n+++\n")?.draft == true)
        #expect(F.metadata("---\ntitle: t\n---\n")?.draft == false)
    }

    @Test func draftThatIsNotABooleanWarns() throws {
        let result = F.parse("---\ndraft: maybe\n---\n")
        #expect(result.document?.metadata.draft == false)
        #expect(result.diagnostics.map(\.description) == ["content/posts/a.md:2:8: warning: ignoring `draft`: expected true or false"])
    }

    @Test func tagsAreTrimmedDedupedAndKeywordsAreNotTags() throws {
        let metadata = try #require(F.metadata("---\ntags: [\" Kubernetes \", \"\", Rust, kubernetes, RUST, 社区]\nkeywords: [a, b]\n---\n"))
        #expect(metadata.tags == ["Kubernetes", "Rust", "社区"])
        #expect(metadata.params.map(\.key) == ["keywords"])
        #expect(metadata.params.first?.value == .array([.string("a"), .string("b")]))
    }

    @Test func tagsFormsAndEmptyValues() throws {
        #expect(F.metadata("---\ntags: []\n---\n")?.tags == [])
        #expect(F.metadata("---\ntags: [\"\"]\n---\n")?.tags == [])
        #expect(F.metadata("---\ntags:\n---\n")?.tags == [])
        #expect(F.metadata("---\ntags: single\n---\n")?.tags == ["single"])
        #expect(F.metadata("---\ntags:\n  - one\n  - 2022\n  - 1.10\n---\n")?.tags == ["one", "2022", "1.10"])
        #expect(F.metadata("+++\ntags = [\"Rust\", \"rust\"]\n+++\n")?.tags == ["Rust"])
    }

    @Test func authorsAsIdsStringsAndInlineObjects() throws {
        #expect(F.metadata("---\nauthors: [wangfang]\n---\n")?.authors == [AuthorReference(id: "wangfang")])
        #expect(F.metadata("---\nauthors: wangfang\n---\n")?.authors == [AuthorReference(id: "wangfang")])
        #expect(F.metadata("---\nauthor: zhangwei\n---\n")?.authors == [AuthorReference(id: "zhangwei")])
        #expect(F.metadata("---\nauthor: [a, b, a]\n---\n")?.authors.map(\.id) == ["a", "b"])
        #expect(F.metadata("---\nauthors: [x]\nauthor: y\n---\n")?.authors.map(\.id) == ["x"])
        let inline = """
        ---
        authors:
          - name: Wang Fang
            title: Release manager
            url: https://github.com/wangfang
            image_url: https://github.com/wangfang.png
          - lisi
        ---
        """
        let authors = try #require(F.metadata(inline)?.authors)
        #expect(authors.count == 2)
        #expect(authors[0].id == "wang-fang")
        #expect(authors[0].inlineProfile == AuthorProfile(name: "Wang Fang", title: "Release manager",
                                                          url: "https://github.com/wangfang",
                                                          imageURL: "https://github.com/wangfang.png"))
        #expect(authors[1] == AuthorReference(id: "lisi"))
        let toml = try #require(F.metadata("+++\nauthors = [{ name = \"Li Si\" }, \"zhangwei\"]\n+++\n"))
        #expect(toml.authors.map(\.id) == ["li-si", "zhangwei"])
        #expect(toml.authors.first?.inlineProfile?.name == "Li Si")
    }

    @Test func authorWithoutNameWarns() {
        let result = F.parse("---\nauthors:\n  - url: https://x.org\n---\n")
        #expect(result.document?.metadata.authors == [])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.location?.line == 3)
    }

    @Test func summaryIsTheFirstNonEmptyOfSummaryDescriptionAbstract() throws {
        #expect(F.metadata("---\nsummary: \"\"\ndescription: D\nabstract: A\n---\n")?.summary == "D")
        #expect(F.metadata("---\nabstract: A\n---\n")?.summary == "A")
        #expect(F.metadata("+++\nsummary = \"S\"\nabstract = \"A\"\n+++\n")?.summary == "S")
        #expect(F.metadata("---\ndescription: >\n  folded\n  text\n---\n")?.summary == "folded text")
        #expect(F.metadata("---\ndescription: >\n---\n")?.summary == nil)
    }

    @Test func slugWeightLinkTitleAliasesTranslationKey() throws {
        let text = """
        ---
        slug: my-page
        weight: 5
        linkTitle: Short
        aliases: /old/path/
        translationKey: meeting-1
        ---
        """
        let metadata = try #require(F.metadata(text))
        #expect(metadata.slug == "my-page")
        #expect(metadata.weight == 5)
        #expect(metadata.linkTitle == "Short")
        #expect(metadata.aliases == ["/old/path/"])
        #expect(metadata.translationKey == "meeting-1")
        #expect(F.metadata("---\naliases: [/a/, \"\", /b/]\n---\n")?.aliases == ["/a/", "/b/"])
        #expect(F.metadata("+++\nweight = 7\naliases = [\"/x/\"]\n+++\n")?.weight == 7)
        #expect(F.metadata("---\nweight: \"12\"\n---\n")?.weight == 12)
        #expect(F.metadata("---\ntranslationKey: 42\n---\n")?.translationKey == "42")
    }

    @Test func weightThatIsNotANumberWarns() {
        let result = F.parse("---\nweight: heavy\n---\n")
        #expect(result.document?.metadata.weight == nil)
        #expect(result.diagnostics.map(\.description) == ["content/posts/a.md:2:9: warning: ignoring `weight`: expected a whole number"])
    }

    @Test func emptyValuesAreAbsent() throws {
        let metadata = try #require(F.metadata("---\ntitle:\nlastmod: \"\"\nslug: ''\nsummary: ~\n---\n"))
        #expect(metadata.title == nil)
        #expect(metadata.lastmod == nil)
        #expect(metadata.slug == nil)
        #expect(metadata.summary == nil)
        #expect(metadata.params.isEmpty)
    }

    @Test func yamlScalarsKeepTheirText() throws {
        let metadata = try #require(F.metadata("---\ntitle: 1.10\nslug: NO\nlinkTitle: 12:30\n---\n"))
        #expect(metadata.title == "1.10")
        #expect(metadata.slug == "NO")
        #expect(metadata.linkTitle == "12:30")
        #expect(F.metadata("---\ntitle: 2022-01-01\n---\n")?.title == "2022-01-01")
        #expect(F.metadata("---\ntitle: \"  spaced  \"\n---\n")?.title == "spaced")
    }

    @Test func yamlParamsInSourceOrder() throws {
        let text = """
        ---
        zeta: 1
        title: T
        Alpha: "quoted"
        version: 1.10
        enabled: true
        answer: no
        time: 12:30
        code: 007
        when: 2022-01-02
        nothing: ~
        list: [a, 2]
        header:
          image: a.png
          caption: ""
        ---
        """
        let params = try #require(F.metadata(text)?.params)
        #expect(params.map(\.key) == ["zeta", "Alpha", "version", "enabled", "answer", "time", "code", "when", "list", "header"])
        let values = Dictionary(uniqueKeysWithValues: params.map { ($0.key, $0.value) })
        #expect(values["zeta"] == .int(1))
        #expect(values["Alpha"] == .string("quoted"))
        #expect(values["version"] == .string("1.10"))
        #expect(values["enabled"] == .bool(true))
        #expect(values["answer"] == .string("no"))
        #expect(values["time"] == .string("12:30"))
        #expect(values["code"] == .string("007"))
        #expect(values["when"] == .date(F.instant("2022-01-02T00:00:00+08:00")!, hasTime: false))
        #expect(values["list"] == .array([.string("a"), .int(2)]))
        #expect(values["header"] == .table([(key: "image", value: .string("a.png")), (key: "caption", value: .string(""))]))
    }

    @Test func tomlParamsAreSortedByKey() throws {
        let text = """
        +++
        zeta = 1
        title = "T"
        alpha = 1.5
        flag = false
        [header]
        image = ""
        caption = "c"
        +++
        """
        let params = try #require(F.metadata(text)?.params)
        #expect(params.map(\.key) == ["alpha", "flag", "header", "zeta"])
        #expect(params[0].value == .double(1.5))
        #expect(params[1].value == .bool(false))
        #expect(params[2].value == .table([(key: "caption", value: .string("c")), (key: "image", value: .string(""))]))
    }

    @Test func wrongTypeForTitleWarnsAtTheValue() {
        let result = F.parse("---\ntitle: [a, b]\n---\n# Heading\n")
        #expect(result.document?.metadata.title == "Heading")
        #expect(result.diagnostics.map(\.description) == ["content/posts/a.md:2:8: warning: ignoring `title`: expected text"])
    }

    /// Field keys match whatever their ASCII case.
    @Test func fieldKeysMatchInAnyCase() {
        #expect(F.metadata("---\nTITLE: Loud\nLinkTitle: Short\n---\n")?.linkTitle == "Short")
        #expect(F.metadata("---\nTITLE: Loud\nLinkTitle: Short\n---\n")?.title == "Loud")
    }
}
