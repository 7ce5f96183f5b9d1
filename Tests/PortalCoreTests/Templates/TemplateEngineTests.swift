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

@Suite struct TemplateEngineTests {
    func render(_ templates: [String: String], _ name: String = "main", _ context: TemplateValue) throws -> String {
        var compiled: [String: [TemplateNode]] = [:]
        for (key, text) in templates {
            var parser = TemplateParser()
            compiled[key] = try parser.parse(text)
        }
        var renderer = TemplateRenderer(templates: compiled)
        return renderer.render(name, context: context)
    }

    func render(_ text: String, _ context: TemplateValue) throws -> String {
        try render(["main": text], "main", context)
    }

    func syntaxError(_ text: String) -> TemplateSyntaxError? {
        var parser = TemplateParser()
        do { _ = try parser.parse(text); return nil } catch { return error }
    }

    /// A partial may render itself for nested data (a table of contents); one that
    /// does so without end stops, and so does one that does so twice over, instead of
    /// running out of stack or time. Sections nested too deep are a syntax error.
    @Test func runawayPartialsAndDeepNestingStop() throws {
        let tree: TemplateValue = ["items": .list([["name": "a", "items": .list([["name": "b", "items": .list([])]])]])]
        #expect(try render(["main": "{{> item}}", "item": "{{#items}}({{name}}{{> item}}){{/items}}"], "main", tree) == "(a(b))")
        let once = try render(["main": "{{> loop}}", "loop": "x{{> loop}}"], "main", [:])
        #expect(once == String(repeating: "x", count: TemplateRenderer.maxPartialDepth))
        let twice = try render(["main": "{{> loop}}", "loop": "{{> loop}}{{> loop}}"], "main", [:])
        #expect(twice.isEmpty)
        // A large template that includes itself twice stops at the page's node budget,
        // in well under a second, with the start of its output written.
        let body = String(repeating: "<p>{{title}}</p>", count: 200)
        let started = Date()
        let wide = try render(["main": "{{> big}}", "big": body + "{{> big}}{{> big}}"], "main", ["title": "t"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(wide.hasPrefix("<p>t</p><p>t</p>"))
        #expect(wide.utf8.count <= TemplateRenderer.nodeBudget * 8)
        // A long list stays whole: its nodes are far below the budget.
        let items: TemplateValue = ["items": .list((0..<20_000).map { _ in ["n": "x"] })]
        #expect(try render(["main": "{{#items}}{{> item}}{{/items}}", "item": "<li>{{n}}</li>"], "main", items).utf8.count == 20_000 * 10)
        let deep = String(repeating: "{{#a}}", count: TemplateParser.maxNesting + 1) + String(repeating: "{{/a}}", count: TemplateParser.maxNesting + 1)
        #expect(syntaxError(deep)?.message == "sections nest more than \(TemplateParser.maxNesting) deep")
        let fine = String(repeating: "{{#a}}", count: TemplateParser.maxNesting) + String(repeating: "{{/a}}", count: TemplateParser.maxNesting)
        #expect(syntaxError(fine) == nil)
    }

    @Test func variablesAreEscapedUnlessRaw() throws {
        let context: TemplateValue = ["a": "<b title=\"x\">Tom & Jerry's</b>", "n": 3, "yes": true]
        #expect(try render("{{a}}|{{{a}}}|{{&a}}|{{n}}|{{yes}}|{{missing}}", context)
            == "&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;|<b title=\"x\">Tom & Jerry's</b>|<b title=\"x\">Tom & Jerry's</b>|3|true|")
        #expect(try render("{{a}}", ["a": "中文没有需要转义的字符"]) == "中文没有需要转义的字符")
    }

    @Test func renderedHTMLIsCopiedAsItsBytesOrEscapedLikeText() throws {
        let html = "<p>会议 &amp; notes</p>\n"
        let context: TemplateValue = ["content": .html(Array(html.utf8)), "none": .html([])]
        #expect(try render("{{{content}}}|{{&content}}", context) == html + "|" + html)
        #expect(try render("{{content}}", context) == "&lt;p&gt;会议 &amp;amp; notes&lt;/p&gt;\n")
        #expect(try render("{{empty(none)}} {{empty(content)}} {{uppercased(content)}}", context) == "true false &lt;P&gt;会议 &amp;AMP; NOTES&lt;/P&gt;\n")
        // Like a string, empty HTML still opens its section.
        #expect(try render("{{#none}}[{{{.}}}]{{/none}}{{#content}}x{{/content}}", context) == "[]x")
    }

    @Test func dottedNamesSearchOutwardsOnlyForTheFirstPart() throws {
        let context: TemplateValue = ["site": ["title": "Lantern"], "page": ["title": "Post", "site": ["other": "x"]]]
        #expect(try render("{{#page}}{{title}} {{site.other}}[{{site.title}}]{{/page}}", context) == "Post x[]")
        #expect(try render("{{#page}}{{.title}}/{{.nothing}}/{{.}}{{/page}}", ["page": "text"]) == "//text")
        #expect(try render("{{#page}}[{{.site}}]{{/page}}", ["page": ["title": "t"], "site": "outer"]) == "[]")
    }

    @Test func sectionsFollowTheValueKind() throws {
        let context: TemplateValue = ["list": ["a", "b", "c"], "empty": [], "off": false, "on": true, "zero": 0, "text": ""]
        #expect(try render("{{#list}}{{.}}{{/list}}", context) == "abc")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", context) == "none")
        #expect(try render("{{#off}}x{{/off}}{{^off}}off{{/off}}{{#on}}on{{/on}}", context) == "offon")
        #expect(try render("{{#zero}}[{{.}}]{{/zero}}{{#text}}t{{/text}}{{^missing}}m{{/missing}}", context) == "[0]tm")
    }

    @Test func positionsAndTransforms() throws {
        let context: TemplateValue = ["tags": ["a", "b", "c"], "name": "lantern project", "n": 4]
        #expect(try render("{{#tags}}{{#first()}}<{{/first()}}{{.}}{{^last()}},{{/last()}}{{#last()}}>{{/last()}}{{/tags}}", context) == "<a,b,c>")
        #expect(try render("{{#tags}}{{index()}}{{#even()}}e{{/even()}}{{/tags}}", context) == "0e12e")
        #expect(try render("{{count(tags)}} {{first(tags)}} {{uppercased(name)}} {{capitalized(name)}} {{plusone(n)}} {{uppercased(last(tags))}}", context)
            == "3 a LANTERN PROJECT Lantern Project 5 C")
        // A position belongs to its own list: inside a nested object there is none.
        #expect(try render("{{#tags}}{{#first()}}F{{/first()}}{{/tags}}|{{#name}}{{#first()}}x{{/first()}}{{/name}}", context) == "F|")
    }

    @Test func standaloneTagLinesLeaveNoTrace() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(text, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // Two tags on a line, or a tag beside text, keep the line.
        #expect(try render("a {{#on}}b{{/on}}\n{{#on}}{{/on}}\nc", ["on": true]) == "a b\n\nc")
        #expect(try render("x\r\n{{#on}}\r\ny\r\n{{/on}}\r\n", ["on": true]) == "x\r\ny\r\n")
        #expect(try render("{{#on}}\nend\n{{/on}}", ["on": true]) == "end\n")
    }

    @Test func standalonePartialsAreIndentedLineByLine() throws {
        let templates = ["main": "<div>\n  {{> item}}\n</div>\n", "item": "<p>\n{{text}}\n</p>\n"]
        #expect(try render(templates, "main", ["text": "one\ntwo"]) == "<div>\n  <p>\n  one\ntwo\n  </p>\n</div>\n")
        #expect(try render(["main": "a {{>item}} b", "item": "[{{text}}]"], "main", ["text": "t"]) == "a [t] b")
    }

    @Test func recursivePartialsRenderTrees() throws {
        let templates = ["main": "{{#nodes}}{{>node}}{{/nodes}}", "node": "({{name}}{{#children}}{{>node}}{{/children}})"]
        let tree: TemplateValue = ["nodes": [["name": "a", "children": [["name": "b", "children": []], ["name": "c", "children": []]]]]]
        #expect(try render(templates, "main", tree) == "(a(b)(c))")
    }

    @Test func parentsAndBlocks() throws {
        let templates = [
            "base": "<title>{{$title}}Site{{/title}}</title>\n<main>{{$content}}{{/content}}</main>\n",
            "middle": "{{<base}}{{$title}}Middle{{/title}}{{$content}}middle content{{/content}}{{/base}}",
            "page": "{{<middle}}\nignored text\n{{$content}}\n{{body}}\n{{/content}}\n{{/middle}}\n",
        ]
        #expect(try render(templates, "page", ["body": "Hello"]) == "<title>Middle</title>\n<main>Hello\n</main>\n")
        #expect(try render(templates, "base", [:]) == "<title>Site</title>\n<main></main>\n")
        // An override that extends another template, a block filled twice (the second
        // text wins), sections around parents, and a parent naming no template.
        let nested = [
            "box": "[{{$inside}}empty{{/inside}}]",
            "main": "{{#items}}{{<base}}{{$title}}{{name}}{{/title}}{{$content}}{{<box}}{{$inside}}<{{name}}>{{/inside}}{{/box}}{{/content}}"
                + "{{$title}}{{name}}!{{/title}}{{/base}}{{/items}}{{<missing}}{{$title}}x{{/title}}{{/missing}}|{{> box}}",
            "base": "{{$title}}T{{/title}}:{{$content}}C{{/content}};",
        ]
        #expect(try render(nested, "main", ["items": [["name": "a"], ["name": "b"]]]) == "a!:[<a>];b!:[<b>];|[empty]")
    }

    @Test func setDelimiters() throws {
        #expect(try render("{{=<% %>=}}<% a %> {{a}} <%={{ }}=%>{{a}}", ["a": "x"]) == "x {{a}} x")
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        #expect(syntaxError("line one\n  {{#open}}\n") == TemplateSyntaxError(message: "{{#open}} is never closed", line: 2, column: 3))
        #expect(syntaxError("{{#a}}\n中文{{/b}}") == TemplateSyntaxError(
            message: "{{/b}} does not match {{#a}} opened at line 1", line: 2, column: 3))
        #expect(syntaxError("x {{/a}}")?.message == "{{/a}} closes nothing")
        #expect(syntaxError("text\n {{ unfinished")?.line == 2)
        #expect(syntaxError("{{shout(name)}}")?.message.hasPrefix("unknown transform 'shout'") == true)
        #expect(syntaxError("{{a b}}")?.message == "'a b' is not a template name")
        #expect(syntaxError("{{}}")?.message == "empty tag")
        #expect(syntaxError("{{! a comment\nover two lines }}ok") == nil)
    }
}
