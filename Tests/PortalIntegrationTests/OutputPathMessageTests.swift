import Foundation
import PortalText
import PortalSources
import PortalPipeline
import Testing

/// Problems of the output paths are told at the source that caused them, and what one
/// page may make is bounded by `[limits]`.
@Suite struct OutputPathMessageTests {
    static let englishSite = """
        title = "T"
        baseURL = "https://example.org/"
        defaultLanguage = "en"

        [languages.en]
        name = "English"
        title = "T"
        """

    static func errors(_ result: BuildResult) -> [Diagnostic] {
        result.diagnostics.filter(\.isError)
    }

    @Test func aSectionNamedLikeAnArchiveNamesTheSectionsFile() {
        // `tags/_index.md` gives the tag list its text; a page beside it makes a section
        // whose list the tag list would overwrite.
        let root = Fixtures.makeSite([
            "content/tags/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA\n",
            "content/tags/_index.md": "---\ntitle: Tags section\n---\n",
        ], siteToml: Self.englishSite)
        let result = Fixtures.build(root)
        let errors = Self.errors(result)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location?.path == "content/tags/a.md")
        #expect(errors.first?.message == "'en/tags/index.html' would be written by both content/tags/a.md (the list of section 'tags') and (the list of tags)")
    }

    @Test func anInvalidAliasNamesItsPageAndLine() {
        let root = Fixtures.makeSite([
            "content/posts/one.md": "---\ntitle: One\ndate: 2024-01-01\naliases:\n  - /a/../../etc/\n  - /x/y\\z/\n  - /\n  - /old/one/\n---\nBody\n",
        ], siteToml: Self.englishSite)
        let result = Fixtures.build(root)
        let errors = Self.errors(result)
        #expect(errors.map(\.location?.line) == [4, 4, 4], "\(errors)")
        #expect(errors.allSatisfy { $0.location?.path == "content/posts/one.md" })
        #expect(errors.map(\.message).sorted() == [
            "alias '/' is the root of the site, which portal writes itself",
            "alias '/a/../../etc/' is not a plain path (it has an empty, '.' or '..' part): write it from the site's root, such as /blog/old-name/",
            "alias '/x/y\\z/' holds a control character or a backslash, which no URL path has",
        ])
        #expect(!result.diagnostics.contains { $0.message.contains("cannot write") })
    }

    @Test func aSectionWithoutAnIndexPageNamesOneOfItsPages() {
        let root = Fixtures.makeSite(["content/authors/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA\n"], siteToml: Self.englishSite)
        let errors = Self.errors(Fixtures.build(root))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location?.path == "content/authors/a.md")
        #expect(errors.first?.message.contains("(the list of section 'authors') and (the list of authors)") == true)
    }

    @Test func aTagNamedIndexHTMLNamesThePageAndLineOfItsTags() {
        for (name, text, line) in [
            ("yaml.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [go, index.html]\n---\nA\n", 4),
            ("toml.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n\ntags = [\"index.html\"]\n+++\nA\n", 5),
            ("block.md", "---\ntitle: A\ndate: 2024-01-01\ntags:\n  - go\n  - index.html\n---\nA\n", 4),
        ] {
            let root = Fixtures.makeSite(["content/posts/\(name)": text], siteToml: Self.englishSite)
            let errors = Self.errors(Fixtures.build(root))
            #expect(errors.count == 1, "\(name): \(errors)")
            #expect(errors.first?.location == SourceLocation(path: "content/posts/\(name)", line: line), "\(name)")
            let message = errors.first?.message ?? ""
            #expect(message.contains("tag 'index.html'"), "\(message)")
            #expect(message.contains("the list of tags") && message.contains("rename the tag"), "\(message)")
            #expect(!message.contains("is a file, and also the folder"), "\(message)")
        }
    }

    @Test func overlongNamesNameTheSourceInsteadOfFileNameTooLong() {
        let long = String(repeating: "名", count: 90) // 270 bytes
        let root = Fixtures.makeSite([
            "content/posts/slug.md": "---\ntitle: A\ndate: 2024-01-01\nslug: \(long)\n---\nA\n",
            "content/posts/tagged.md": "---\ntitle: B\ndate: 2024-01-02\ntags: [\(long)x]\n---\nB\n",
            "content/posts/\(String(repeating: "f", count: 250)).md": "---\ntitle: C\ndate: 2024-01-03\n---\nC\n",
        ], siteToml: Self.englishSite)
        let result = Fixtures.build(root)
        let errors = Self.errors(result)
        let located = Dictionary(errors.compactMap { error in error.location.map { ($0.path, error) } }, uniquingKeysWith: { a, _ in a })
        #expect(located["content/posts/slug.md"]?.message.contains("more than the 255 bytes") == true, "\(errors)")
        #expect(located["content/posts/tagged.md"]?.location?.line == 4, "\(errors)")
        #expect(located["content/posts/tagged.md"]?.message.contains("shorten the tag") == true, "\(errors)")
        // A page's file name of 253 bytes makes a slug of 250: under the bound, no error.
        #expect(located.keys.allSatisfy { !$0.hasPrefix("content/posts/fff") }, "\(errors)")
        #expect(errors.allSatisfy { $0.location != nil }, "\(errors)")
        #expect(errors.allSatisfy { !$0.message.contains("File name too long") })
    }

    @Test func tagsAndAuthorsPerPageAreBounded() {
        let tags = (0..<250).map { "t\($0)" }.joined(separator: ", ")
        let authors = (0..<201).map { "a\($0)" }.joined(separator: ", ")
        let page = "---\ntitle: Many\ndate: 2024-01-01\ntags: [\(tags)]\nauthors: [\(authors)]\n---\nBody.\n"
        let root = Fixtures.makeSite(["content/posts/many.md": page], siteToml: Self.englishSite)
        let errors = Self.errors(Fixtures.build(root))
        #expect(errors.map(\.location) == [SourceLocation(path: "content/posts/many.md", line: 4), SourceLocation(path: "content/posts/many.md", line: 5)], "\(errors)")
        #expect(errors.first?.message == "250 tags on one page, more than the limit of 200: name fewer, or raise it with `[limits] tagsPerPage = 250` in site.toml")
        #expect(errors.last?.message.contains("[limits] authorsPerPage") == true)

        Fixtures.write(Self.englishSite + "\n\n[limits]\ntagsPerPage = 300\nauthorsPerPage = 300\n", to: root + "/site.toml")
        let raised = Fixtures.build(root)
        #expect(!raised.failed, "\(Self.errors(raised))")
    }

    @Test func filesPerPageAreBounded() {
        let tags = (0..<150).map { "t\($0)" }.joined(separator: ", ")
        let root = Fixtures.makeSite(["content/posts/many.md": "---\ntitle: Many\ndate: 2024-01-01\ntags: [\(tags)]\n---\nBody.\n"],
                                     siteToml: Self.englishSite + "\n\n[limits]\nfilesPerPage = 100\n")
        let errors = Self.errors(Fixtures.build(root))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location?.path == "content/posts/many.md")
        #expect(errors.first?.message.contains("more than the limit of 100: raise it with `[limits] filesPerPage = ") == true, "\(errors)")
    }

    @Test func limitsAreCheckedInSiteToml() {
        let (config, diagnostics) = SiteConfigLoader.parse("[limits]\ntagsPerPage = 0\nfilesPerPage = 5\nunknown = 1\n")
        #expect(config == nil)
        #expect(diagnostics.contains { $0.isError && $0.location?.line == 2 })
        #expect(diagnostics.contains { !$0.isError && $0.message.contains("unknown") })
        let fine = SiteConfigLoader.parse("[limits]\nfilesPerPage = 5\n").config
        #expect(fine?.limits.filesPerPage == 5)
        #expect(fine?.limits.tagsPerPage == 200)
    }
}
