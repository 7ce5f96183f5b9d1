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

/// `Templates/i18n/*.toml`: flat tables are read quickly, others by the full TOML reader, alike.
@Suite struct ThemeStringsTests {
    @Test func flatAndFullReadsAgree() throws {
        let flat = "# strings\nhome = \"首页\"\ncolon = \"：\"\ncount = 3\n"
        let full = "home = \"\\u9996\\u9875\"   # escaped\ncolon = '：'\ncount = 3\n"
        let a = try Theme.strings(flat, origin: "Templates/i18n/a.toml").get()
        let b = try Theme.strings(full, origin: "Templates/i18n/b.toml").get()
        #expect(a == ["home": "首页", "colon": "："])
        #expect(a == b)
    }

    @Test func invalidTablesAreLocatedErrors() {
        guard case let .failure(error) = Theme.strings("home = \"x\nnext = 1\n", origin: "Templates/i18n/x.toml") else {
            Issue.record("no error")
            return
        }
        #expect(error.location?.path == "Templates/i18n/x.toml")
        #expect(error.location?.line == 1)
    }

    @Test func aChangedTextIsReadAgain() throws {
        #expect(try Theme.strings("home = \"A\"\n", origin: "Templates/i18n/c.toml").get() == ["home": "A"])
        #expect(try Theme.strings("home = \"B\"\n", origin: "Templates/i18n/c.toml").get() == ["home": "B"])
    }
}
