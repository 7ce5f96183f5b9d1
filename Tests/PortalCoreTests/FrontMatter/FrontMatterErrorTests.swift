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

/// Parser errors point at the line of the file, not of the front matter.
@Suite struct FrontMatterErrorTests {
    typealias F = FrontMatterFixture

    @Test func invalidTOMLIsLocatedInTheFile() {
        #expect(F.error("+++\ntitle = T\n+++\n")
            == "content/posts/a.md:2:9: error: invalid TOML front matter: expected a value, found 'T' (strings need quotes)")
    }

    @Test func invalidTOMLAfterBlankLinesCountsThem() {
        let message = F.error("\n\n+++\ndraft = false\ntitle = \"T\"\ntitle = \"U\"\n+++\n")
        #expect(message == "content/posts/a.md:6:1: error: invalid TOML front matter: duplicate key 'title' (first defined on line 5)")
    }

    @Test func invalidYAMLIsLocatedInTheFile() {
        #expect(F.error("---\ntitle: T\n  bad: indent\n---\n")
            == "content/posts/a.md:3:6: error: invalid YAML front matter: mapping values are not allowed in this context")
        #expect(F.error("\n---\ntitle: [a, b\n---\n")
            == "content/posts/a.md:4:1: error: invalid YAML front matter: did not find expected ',' or ']' (while parsing a flow sequence at line 3)")
    }

    /// A top-level key written twice is a warning at the second one, and its last value counts.
    @Test func repeatedYAMLKeyWarnsAndTheLastValueWins() {
        let parsed = F.parse("---\ntitle: a\ndate: 2024-01-02\ntitle: b\n---\n")
        #expect(parsed.document?.metadata.title == "b")
        #expect(parsed.diagnostics.map(\.description)
            == ["content/posts/a.md:4:1: warning: 'title' is repeated in the front matter (first at line 2): the last value is used"])
        // The first value's block list goes with it.
        let lists = F.parse("---\ntags:\n- a\n- b\ntitle: T\ntags: [c]\n---\n")
        #expect(lists.document?.metadata.tags == ["c"])
        #expect(lists.diagnostics.map(\.description)
            == ["content/posts/a.md:6:1: warning: 'tags' is repeated in the front matter (first at line 2): the last value is used"])
        let three = F.parse("---\nslug: x\nslug: y\nslug: z\n---\n")
        #expect(three.document?.metadata.slug == "z")
        #expect(three.diagnostics.map(\.location?.line) == [3, 4])
    }

    @Test func repeatedYAMLKeyInsideAMappingStaysAnError() {
        #expect(F.error("---\nparams:\n  a: 1\n  a: 2\n---\n") == "content/posts/a.md:3:3: error: invalid YAML front matter: duplicate key 'a'")
    }

    @Test func undefinedAlias() {
        #expect(F.error("---\ntitle: *nope\n---\n") == "content/posts/a.md:2:8: error: invalid YAML front matter: found undefined alias")
    }

    @Test func controlCharacterInYAML() {
        #expect(F.error("---\ntitle: \"\u{7}\"\n---\n") == "content/posts/a.md:2:9: error: invalid YAML front matter: control characters are not allowed")
    }

    @Test func yamlThatIsNotAMappingIsAnError() {
        #expect(F.error("---\n- a\n- b\n---\n") == "content/posts/a.md:2:1: error: invalid YAML front matter: expected keys and values, found a list")
        #expect(F.error("---\njust text\n---\n") == "content/posts/a.md:2:1: error: invalid YAML front matter: expected keys and values, found a single value")
    }

    @Test func errorsComeWithoutADocument() {
        let result = F.parse("---\ndate: 2022-13-45\n---\n")
        #expect(result.document == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.isError == true)
    }

    @Test func warningsComeWithADocument() {
        let result = F.parse("---\ntitle: T\nweight: x\n---\n")
        #expect(result.document != nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .warning)
    }
}

/// Contributors' pull requests are built: hostile YAML must fail fast.
@Suite struct YAMLSafetyTests {
    typealias F = FrontMatterFixture

    static let billionLaughs = """
    ---
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    ---
    """

    @Test func billionLaughsFailsFast() {
        let start = ContinuousClock.now
        let message = F.error(Self.billionLaughs)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(message == "content/posts/a.md:2:1: error: invalid YAML front matter: 72 aliases (at most 16 are allowed)")
    }

    @Test func expansionIsBoundedEvenWithFewAliases() {
        let base = Array(repeating: "x", count: 2_500).joined(separator: ",")
        let text = "---\na: &a [\(base)]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n---\n"
        let start = ContinuousClock.now
        let message = F.error(text)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(message?.hasPrefix("content/posts/a.md:3:") == true, "\(message ?? "")")
        #expect(message?.contains("too large once aliases are expanded") == true)
    }

    @Test func deepNestingIsBounded() {
        let depth = 100
        let text = "---\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n"
        #expect(F.error(text)?.contains("too large once aliases are expanded") == true)
    }

    @Test func aFewAliasesAreFine() throws {
        let text = "---\nbase: &who [alice, bob]\nauthors: *who\ntags: [&t go, *t]\n---\n"
        let metadata = try #require(F.metadata(text))
        #expect(metadata.authors.map(\.id) == ["alice", "bob"])
        #expect(metadata.tags == ["go"])
    }

    @Test func emphasisInTextIsNotCountedAsAlias() {
        let description = Array(repeating: "*word*", count: 40).joined(separator: " ")
        #expect(YAMLFrontMatterReader.aliasCount(in: "description: \(description)\n") == 0)
        #expect(F.metadata("---\ndescription: see \(description)\n---\n")?.summary == "see " + description)
    }
}
