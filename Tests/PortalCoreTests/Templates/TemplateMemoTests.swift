import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// Cards rendered once and reused on other list pages must give exactly what rendering
/// each time gives, and anything that reads the page's own values must not be reused.
@Suite struct TemplateMemoTests {
    static func compile(_ templates: [String: String]) throws -> [String: [TemplateNode]] {
        var compiled: [String: [TemplateNode]] = [:]
        for (key, text) in templates {
            var parser = TemplateParser()
            compiled[key] = try parser.parse(text)
        }
        return compiled
    }

    static func card(_ id: Int, _ title: String, tags: [String] = []) -> TemplateValue {
        guard case var .object(object) = TemplateValue(dictionaryLiteral: ("title", .string(title)), ("tags", .list(tags.map { ["name": .string($0)] })))
        else { return .null }
        object.memoKey = id
        return .object(object)
    }

    /// A list page: stable `t` at the root, the page's own `kind`, and its cards.
    static func page(kind: String, cards: [TemplateValue], extra: [(String, TemplateValue)] = []) -> TemplateValue {
        .object(TemplateObject(pairs: [("t", ["more": "More"]), ("kind", .string(kind)), ("list", .object(TemplateObject(pairs: [("pages", .list(cards))] + extra)))]))
    }

    /// Renders `pages` in order with one memo, and each without; returns both and the memo.
    static func renderBothWays(_ templates: [String: String], _ pages: [TemplateValue]) throws -> (memo: [String], plain: [String], store: TemplateMemo) {
        let compiled = try compile(templates)
        let store = TemplateMemo()
        let memoized = pages.map { context -> String in
            var renderer = TemplateRenderer(templates: compiled, memo: store, scope: 0)
            return renderer.render("main", context: context)
        }
        let plain = pages.map { context -> String in
            var renderer = TemplateRenderer(templates: compiled)
            return renderer.render("main", context: context)
        }
        return (memoized, plain, store)
    }

    @Test func aCardRenderedOnOnePageIsCopiedOnTheNext() throws {
        let templates = ["main": "{{#list}}{{#pages}}<a>{{title}} {{t.more}}{{#tags}}{{#first()}}:{{/first()}}{{name}}{{/tags}}</a>{{/pages}}{{/list}}"]
        let pages = [Self.page(kind: "tag", cards: [Self.card(1, "One", tags: ["x", "y"]), Self.card(2, "Two")]),
                     Self.page(kind: "month", cards: [Self.card(2, "Two"), Self.card(1, "One", tags: ["x", "y"])])]
        let (memo, plain, store) = try Self.renderBothWays(templates, pages)
        #expect(memo == plain)
        #expect(memo[1] == "<a>Two More</a><a>One More:xy</a>")
        guard case let .rendered(bytes, heads)? = store.entries(forItem: 1).first else {
            Issue.record("the card was not kept")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "<a>One More:xy</a>")
        #expect(heads == ["t"])
    }

    @Test func cardsReadingThePageAreRenderedEachTime() throws {
        let cases = [
            "{{#list}}{{#pages}}{{title}} on {{kind}};{{/pages}}{{/list}}",              // a value of the page
            "{{#list}}{{#pages}}{{title}}{{^last()}},{{/last()}}{{/pages}}{{/list}}",      // the card's place in the list
            "{{#list}}{{#pages}}{{title}}{{#missing}}!{{/missing}};{{/pages}}{{/list}}",   // a name found nowhere
            "{{#list}}{{#pages}}{{title}} {{heading}};{{/pages}}{{/list}}",               // a value of the list
        ]
        for template in cases {
            let pages = [Self.page(kind: "tag", cards: [Self.card(1, "One"), Self.card(2, "Two")], extra: [("heading", "A")]),
                         Self.page(kind: "month", cards: [Self.card(1, "One")], extra: [("heading", "B"), ("missing", true)])]
            let (memo, plain, store) = try Self.renderBothWays(["main": template], pages)
            #expect(memo == plain, "\(template)")
            if case .rendered? = store.entries(forItem: 1).first { Issue.record("kept: \(template)") }
        }
    }

    @Test func aStableNameHiddenByAnotherContextIsNotReused() throws {
        let template = "{{#list}}{{#pages}}{{title}} {{t.more}};{{/pages}}{{/list}}"
        let pages = [Self.page(kind: "tag", cards: [Self.card(1, "One")]),
                     Self.page(kind: "tag", cards: [Self.card(1, "One")], extra: [("t", ["more": "Autre"])])]
        let (memo, plain, _) = try Self.renderBothWays(["main": template], pages)
        #expect(memo == plain)
        #expect(memo[1] == "One Autre;")
    }

    @Test func blocksAndIndentedPartialsAreNotReused() throws {
        let templates = [
            "base": "{{#list}}{{#pages}}{{title}}{{$after}}.{{/after}}{{/pages}}{{/list}}",
            "main": "{{<base}}{{$after}}!{{/after}}{{/base}}",
        ]
        let pages = [Self.page(kind: "tag", cards: [Self.card(1, "One")]), Self.page(kind: "tag", cards: [Self.card(1, "One")])]
        let (memo, plain, store) = try Self.renderBothWays(templates, pages)
        #expect(memo == plain)
        #expect(memo[0] == "One!")
        if case .rendered? = store.entries(forItem: 1).first { Issue.record("a card with a block was kept") }

        // Inside an indented partial the card's lines take the indentation: rendered each time.
        let indented = ["main": "<ul>\n  {{> items}}\n</ul>", "items": "{{#list}}{{#pages}}<li>{{title}}</li>\n{{/pages}}{{/list}}"]
        let (memo2, plain2, store2) = try Self.renderBothWays(indented, pages)
        #expect(memo2 == plain2)
        #expect(store2.entries(forItem: 1).isEmpty)
    }
}
