import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct StringUTF8Tests {
    /// Sources are sorted with memcmp; the order must be the bytes' order, prefixes first.
    @Test func byteOrderMatchesTheUTF8Order() {
        let words = ["", "a", "ab", "b", "a/b", "a-b", "中文", "中", "文", "Zh", "zh", "posts/2024-01-02-x.md", "posts/2024-01-02.md", "é", "e\u{301}"]
        for lhs in words {
            for rhs in words {
                #expect(lhs.precedesInByteOrder(rhs) == lhs.utf8.lexicographicallyPrecedes(rhs.utf8), "\(lhs) < \(rhs)")
            }
        }
    }

    @Test func splitsOnBytesKeepingEmptyPartsWhenAsked() {
        #expect("a//b/".splitUTF8("/").map(String.init) == ["a", "b"])
        #expect("a//b/".splitUTF8("/", omittingEmptySubsequences: false).map(String.init) == ["a", "", "b", ""])
        #expect("中文/标签".splitUTF8("/").map(String.init) == ["中文", "标签"])
        #expect("".splitUTF8("/", omittingEmptySubsequences: false).map(String.init) == [""])
    }
}
