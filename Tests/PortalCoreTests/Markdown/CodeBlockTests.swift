import Foundation
import Testing
@testable import PortalMarkdown
@testable import PortalSources

/// Code blocks: fence options in Hugo's and Docusaurus's spellings, build-time
/// highlighting through KSyntaxHighlighting, and the theme's colours.
@Suite struct CodeBlockTests {
    private func render(_ markdown: String, highlight: Bool = true) -> RenderedMarkdown {
        MarkdownRenderer.prepare()
        return MarkdownRenderer(options: MarkdownOptions(highlight: highlight), chinese: ChineseOptions())
            .render(markdown, links: nil)
    }

    // MARK: Fence info

    @Test func hugoAttributes() {
        let fence = FenceInfo(#"go {linenos=table, hl_lines=[2,"4-5"], linenostart=199}"#)
        #expect(fence.language == "go")
        #expect(fence.lineNumbers)
        #expect(fence.firstLineNumber == 199)
        #expect(fence.highlighted == [2, 4, 5])
        #expect(FenceInfo(#"go {hl_lines="2-3 7"}"#).highlighted == [2, 3, 7])
        #expect(FenceInfo("go {linenos=false}").lineNumbers == false)
        #expect(FenceInfo("{linenos=true}").language == "")
    }

    @Test func docusaurusAttributes() {
        let fence = FenceInfo(#"jsx title="src/App.js" {1,4-6} showLineNumbers"#)
        #expect(fence.language == "jsx")
        #expect(fence.title == "src/App.js")
        #expect(fence.highlighted == [1, 4, 5, 6])
        #expect(fence.lineNumbers)
        #expect(FenceInfo("go showLineNumbers=5").firstLineNumber == 5)
        #expect(FenceInfo("title='x.go'").title == "x.go")
        #expect(FenceInfo("title='x.go'").language == "")
        // A stray `=` after the language (seen in real sites) is not part of it.
        #expect(FenceInfo("shell=").language == "shell")
        // Nonsense is ignored, not fatal.
        #expect(FenceInfo("go {9-1,abc,-3} {").highlighted.isEmpty)
    }

    @Test func magicCommentsMarkLinesAndLeave() {
        var lines = ["a", "  // highlight-next-line", "b", "# highlight-start", "c", "d", "<!-- highlight-end -->", "e",
                     "// highlight-next-line is a sentence here"]
        let marked = CodeBlocks.magicComments(&lines)
        #expect(lines == ["a", "b", "c", "d", "e", "// highlight-next-line is a sentence here"])
        #expect(marked == [2, 3, 4])
    }

    // MARK: Highlighting

    @Test func knownLanguagesAreHighlightedWithClasses() {
        let html = render("```go\nfunc main() { return \"x<y\" } // done\n```\n").html
        #expect(html.contains(#"<pre class="hl"><code class="language-go">"#))
        #expect(html.contains(#"<span class="k">func</span>"#))
        #expect(html.contains(#"<span class="s">&quot;x&lt;y&quot;</span>"#))
        #expect(html.contains(#"<span class="c">// done</span>"#))
        #expect(!html.contains("style="))
    }

    @Test func aliasesReachTheirDefinitions() {
        for (fence, token) in [("sh", #"<span class="nb">echo</span>"#), ("shell", #"<span class="nb">echo</span>"#),
                               ("bash", #"<span class="nb">echo</span>"#), ("yml", #"<span class="nf">key</span>"#),
                               ("YAML", #"<span class="nf">key</span>"#)] {
            let source = fence.lowercased().hasPrefix("y") ? "key: 1\n" : "echo hi\n"
            let html = render("```\(fence)\n\(source)```\n").html
            #expect(html.contains(token), "\(fence): \(html)")
        }
    }

    /// Names that are not a definition's or an extension: MySQL's and HCL's dialects.
    @Test func aliasesNameDefinitionsWithSpaces() {
        #expect(render("```mysql\nSELECT 1;\n```\n").html.contains(#"<span class="k">SELECT</span>"#))
        #expect(render("```hcl\nresource \"x\" \"y\" {}\n```\n").html.contains("<pre class=\"hl\">"))
        #expect(CodeBlocks.definitionName("a b") == nil)
    }

    @Test func unknownAndMissingLanguagesStayPlainWithoutWarnings() {
        let unknown = render("```klingon\nQapla' <x>\n```\n")
        #expect(unknown.html == "<pre><code class=\"language-klingon\">Qapla' &lt;x&gt;\n</code></pre>\n")
        #expect(unknown.problems.isEmpty)
        let none = render("```\na & b\n```\n\n    indented <code>\n")
        #expect(none.html == "<pre><code>a &amp; b\n</code></pre>\n<pre><code>indented &lt;code&gt;\n</code></pre>\n")
        for plain in ["text", "txt", "plain", "console"] {
            #expect(!render("```\(plain)\nfor x in y\n```\n").html.contains("<span"), "\(plain)")
        }
        #expect(render("```text\nx\n```\n").usesCode)
    }

    @Test func highlightingCanBeTurnedOff() {
        let html = render("```go\nfunc main() {}\n```\n", highlight: false).html
        #expect(html == "<pre><code class=\"language-go\">func main() {}\n</code></pre>\n")
        // Line options still apply to plain code.
        let numbered = render("```go {linenos=true}\nfunc main() {}\n```\n", highlight: false).html
        #expect(numbered == "<pre><code class=\"language-go numbered\"><span class=\"line\">func main() {}</span>\n</code></pre>\n")
    }

    @Test func lineNumbersHighlightedLinesAndTitles() {
        let html = render("```go {linenos=true, linenostart=10, hl_lines=[2]}\na := 1\nb := 2\n```\n").html
        #expect(html.hasPrefix(#"<pre class="hl"><code class="language-go numbered" style="counter-reset: line 9">"#))
        #expect(html.contains("<span class=\"line\">a "))
        #expect(html.contains("<span class=\"line hl-line\">b "))
        let titled = render("```yaml title=\"a <b>.yaml\"\nk: v\n```\n").html
        #expect(titled.hasPrefix(#"<figure class="code-block"><figcaption class="code-title">a &lt;b&gt;.yaml</figcaption><pre class="hl">"#))
        #expect(titled.hasSuffix("</code></pre></figure>\n"))
        let magic = render("```js\nlet a = 1\n// highlight-next-line\nlet b = 2\n```\n").html
        #expect(!magic.contains("highlight-next-line"))
        #expect(magic.contains("<span class=\"line hl-line\"><span class=\"k\">let</span> b"))
    }

    @Test func codeInsideListsAndQuotesIsHighlighted() {
        let html = render("1. step\n\n   ```go\n   return\n   ```\n\n> ```go\n> return\n> ```\n").html
        #expect(html.components(separatedBy: #"<span class="k">return</span>"#).count == 3)
    }

    @Test func multiLineStateCarriesAcrossLines() {
        let html = render("```go\n/* one\ntwo */ x\n```\n").html
        #expect(html.contains("<span class=\"c\">/* one</span>\n<span class=\"c\">two */</span> x"))
    }

    /// Many threads highlight at once (each with its own definitions, repeats served from
    /// the shared cache) and agree with a first, single-threaded pass.
    @Test func highlightingIsDeterministicAcrossThreads() {
        let sources = (0..<64).map { "```\(["go", "yaml", "java", "python"][$0 % 4])\nfunc main() { x := \($0 % 12) }\nkey: [\($0 % 12)]\n```\n" }
        let once = sources.map { render($0).html }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var html: [String]
            init(_ count: Int) { html = Array(repeating: "", count: count) }
        }
        let results = Results(sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let html = render(sources[index]).html
            results.lock.lock()
            results.html[index] = html
            results.lock.unlock()
        }
        #expect(results.html == once)
    }

    @Test func hugeAndOddCodeDoesNotCrash() {
        let long = String(repeating: "x := \"\\u{1F600}😀\" // 注释\n", count: 20_000)
        let html = render("```go\n" + long + "```\n").html
        #expect(html.hasPrefix("<pre class=\"hl\">"))
        #expect(render("```go\n\u{0}\r\n\t\n```\n").html.contains("<pre"))
        #expect(render("```go\n```\n").html == "<pre class=\"hl\"><code class=\"language-go\"></code></pre>\n")
    }

    // MARK: Theme

    /// Every token colour of the default theme keeps WCAG AA contrast (4.5:1) on the code
    /// background and on a highlighted line, in the light and the dark scheme.
    @Test func paletteMeetsWCAGAA() throws {
        let css = try String(contentsOfFile: Self.themeCSS, encoding: .utf8)
            .replacingOccurrences(of: #"/\*.*?\*/"#, with: "", options: .regularExpression)
        let dark = css.range(of: "@media (prefers-color-scheme: dark)")!
        for (scheme, block) in [("light", String(css[..<dark.lowerBound])), ("dark", String(css[dark.upperBound...]))] {
            let colours = Self.variables(in: block)
            let backgrounds = [colours["code"], colours["code-line"]].compactMap { $0 }
            #expect(backgrounds.count == 2, "\(scheme): --code and --code-line")
            let tokens = colours.filter { $0.key.hasPrefix("hl-") }
            #expect(tokens.count >= 15, "\(scheme)")
            for (name, colour) in tokens {
                for background in backgrounds {
                    let ratio = Self.contrast(colour, background)
                    #expect(ratio >= 4.5, "\(scheme) --\(name) \(colour) on \(background): \(ratio)")
                }
            }
        }
    }

    static let themeCSS = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates/assets/style.css").path

    /// `--name: #rrggbb` declarations of the first `:root` rule in `css`.
    static func variables(in css: String) -> [String: String] {
        guard let start = css.range(of: ":root {")?.upperBound, let end = css[start...].firstIndex(of: "}") else { return [:] }
        var result: [String: String] = [:]
        for declaration in css[start..<end].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard parts.count == 2, parts[0].hasPrefix("--"), parts[1].hasPrefix("#"), parts[1].count == 7 else { continue }
            result[String(parts[0].dropFirst(2))] = parts[1]
        }
        return result
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
