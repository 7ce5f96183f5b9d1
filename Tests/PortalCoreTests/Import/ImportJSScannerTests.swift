import Foundation
import Testing
@testable import PortalPipeline

@Suite struct ImportJSScannerTests {
    static func exported(_ text: String) -> ImportTable? {
        JSConfigScanner(text).exportedObject()
    }

    @Test func literalsEscapesAndComments() throws {
        let table = try #require(Self.exported(#"""
            /* block comment with module.exports = { wrong: 1 } */
            module.exports = {
              single: 'it\'s',
              double: "tab\there \u00e9 \u{1F600} \uD83D\uDE00",
              template: `plain ${'$'}`,
              plainTemplate: `no substitution`,
              joined: 'a' + "b" + `c`,
              number: 42, negative: -3, float: 1.5, hex: 0x10,
              yes: true, no: false, nothing: null,
              'quoted-key': 1, 7: 'seven',
              list: ['x', /re[/]gex/g, { inner: 'y' },],
              // line comment: { not: 'read' }
              last: 'end'
            }
            """#))
        #expect(table["single"] == .string("it's"))
        #expect(table["double"] == .string("tab\there é 😀 😀"))
        if case .other = table["template"] {} else { Issue.record("a template with ${} is not a constant") }
        #expect(table["plainTemplate"] == .string("no substitution"))
        #expect(table["joined"] == .string("abc"))
        #expect(table["number"] == .integer(42))
        #expect(table["negative"] == .integer(-3))
        #expect(table["float"] == .float(1.5))
        #expect(table["yes"] == .bool(true))
        #expect(table["no"] == .bool(false))
        #expect(table["quoted-key"] == .integer(1))
        #expect(table["7"] == .string("seven"))
        #expect(table["list"]?.array?.count == 3)
        #expect(table["list"]?.array?.last?.table?["inner"] == .string("y"))
        #expect(table["last"] == .string("end"))
        #expect(table["wrong"] == nil)
        #expect(table["not"] == nil)
    }

    @Test func computedValuesAreKeptAsText() throws {
        let table = try #require(Self.exported("""
            module.exports = {
              sidebar: require.resolve('./sidebars.js'),
              edit: function ({ locale }) { return `x/${locale}`; },
              arrow: ({ docPath }) => { const a = { b: 1 }; return a; },
              method() { return { c: 2 }; },
              year: new Date().getFullYear(),
              after: 'kept',
            };
            """))
        #expect(table["sidebar"] == .other("require.resolve('./sidebars.js')"))
        #expect(table["year"] == .other("new Date().getFullYear()"))
        if case .other = table["edit"] {} else { Issue.record("a function is not a constant") }
        if case .other = table["arrow"] {} else { Issue.record("a function is not a constant") }
        if case .other = table["method"] {} else { Issue.record("a method is not a constant") }
        #expect(table["after"] == .string("kept"))
        #expect(table["c"] == nil && table["b"] == nil)
    }

    @Test func constantsDeclaredAtTheTopAreResolved() throws {
        let table = try #require(Self.exported("""
            const base = '/docs/'
            let title = "Site"
            const locales = ['en', 'zh']
            const i18n = { defaultLocale: 'en', locales }
            function helper() { const base = 'not this one'; }
            const config = {
              title,
              baseUrl: base,
              i18n,
              url: process.env.URL || 'https://example.org',
              ...shared,
              [computed]: 'skipped',
            }
            export default config
            """))
        #expect(table["title"] == .string("Site"))
        #expect(table["baseUrl"] == .string("/docs/"))
        #expect(table.value(at: ["i18n", "locales"]) == .array([.string("en"), .string("zh")]))
        #expect(table["url"] == .other("process.env.URL || 'https://example.org'"))
        #expect(table.keys == ["title", "baseUrl", "i18n", "url"])
    }

    @Test func typeScriptAnnotationsAndExportedFunctions() throws {
        let typed = try #require(Self.exported("""
            const config: Config<{ a: string }> = { title: 'Typed' as const } satisfies Config;
            export default config;
            """))
        #expect(typed["title"] == .string("Typed"))
        let function = try #require(Self.exported("""
            export default async function createConfig() {
              const extra = await load();
              return {
                title: 'From a function',
              };
            }
            """))
        #expect(function["title"] == .string("From a function"))
        let arrow = try #require(Self.exported("module.exports = () => ({ title: 'Arrow' });"))
        #expect(arrow["title"] == .string("Arrow"))
    }

    @Test func cyclesAndBrokenTextEndQuietly() {
        #expect(Self.exported("const a = b; const b = a; module.exports = a;") == nil)
        #expect(Self.exported("module.exports = { title: 'unterminated") != nil)
        #expect(Self.exported("module.exports = {{{{[[[(") != nil)
        #expect(Self.exported("") == nil)
        #expect(Self.exported("`${`${'{'}`}` /* open") == nil)
    }
}
