import Testing
@testable import PortalMarkdown

/// How shortcode tags are read: Hugo's syntax, code left alone, positions in the file.
@Suite struct ShortcodeScannerTests {
    func scan(_ text: String, mdx: Bool = false) -> (tags: [ShortcodeTag], problems: [BodyProblem]) {
        var text = text
        return text.withUTF8 { ShortcodeScanner.scan($0, mdx: mdx) }
    }

    @Test func positionalNamedQuotedAndBacktickArguments() {
        let (tags, problems) = scan(#"{{< figure src="a b.png" title=`x "y"` 3 caption="say \"hi\"" >}}"#)
        #expect(problems.isEmpty)
        #expect(tags.count == 1)
        let tag = tags[0]
        #expect(tag.form == .opening)
        #expect(tag.name == "figure")
        #expect(!tag.markdown)
        #expect(tag.arguments.named("src") == "a b.png")
        #expect(tag.arguments.named("title") == #"x "y""#)
        #expect(tag.arguments.named("caption") == #"say "hi""#)
        #expect(tag.arguments.positional == ["3"])
    }

    @Test func formsAndDelimiters() {
        let (tags, problems) = scan("{{% alert %}}x{{% /alert %}} {{< br />}} {{<ref \"a.md\">}} {{< blocks/cover >}}")
        #expect(problems.isEmpty)
        #expect(tags.map(\.form) == [.opening, .closing, .selfClosing, .opening, .opening])
        #expect(tags.map(\.name) == ["alert", "alert", "br", "ref", "blocks/cover"])
        #expect(tags[0].markdown && tags[1].markdown && !tags[2].markdown)
        #expect(tags[3].arguments.positional == ["a.md"])
    }

    @Test func escapedTagIsShownWithoutCommentMarks() {
        let (tags, _) = scan("Write {{</* notice tip */>}} or {{%/* alert */%}}.")
        #expect(tags.map(\.form) == [.escaped, .escaped])
        #expect(tags[0].literal == "{{< notice tip >}}")
        #expect(tags[1].literal == "{{% alert %}}")
    }

    @Test func codeAndCommentsAreLeftAlone() {
        let text = """
            `{{< inline >}}` and ``{{< double `x` >}}``
            ```go
            {{< fenced >}}
            ```
            - ~~~
              {{< in-list-fence >}}
              ~~~
            <!-- {{< commented >}} -->
            \\{{< escaped-brace >}}
            {{< real >}}
            """
        let names = scan(text).tags.map(\.name)
        // A backslash before the first brace keeps the tag as text, as Markdown escapes do.
        #expect(names == ["real"])
        #expect(scan("{/* {{<figure src=x>}} */}\n{{< y >}}", mdx: true).tags.map(\.name) == ["y"])
    }

    @Test func unmatchedBacktickDoesNotHideLaterTags() {
        let tags = scan("a ` b\n\n{{< after >}}").tags
        #expect(tags.map(\.name) == ["after"])
    }

    @Test func lineAndCharacterColumnInTheBody() {
        let (tags, _) = scan("第一行\n中文 {{< x >}}\n\n  {{% y %}}")
        #expect(tags.map(\.line) == [2, 4])
        #expect(tags.map(\.column) == [4, 3])
    }

    @Test func malformedTagsAreReportedAndShownAsWritten() {
        let unterminated = scan("text {{< figure src=\"a.png\"\n\nmore")
        #expect(unterminated.tags.isEmpty)
        #expect(unterminated.problems.count == 1)
        #expect(unterminated.problems[0].line == 1 && unterminated.problems[0].column == 6)
        #expect(unterminated.problems[0].message.contains("does not end with '>}}'"))

        let openQuote = scan("{{< x title=\"never closed >}}")
        #expect(openQuote.tags.isEmpty)
        #expect(openQuote.problems.first?.message.contains("never closed") == true)

        let noName = scan("{{< >}} and {{% %}}")
        #expect(noName.tags.isEmpty)
        #expect(noName.problems.count == 2)

        let nextTagFirst = scan("{{< a {{< b >}}")
        #expect(nextTagFirst.tags.map(\.name) == ["b"])
        #expect(nextTagFirst.problems.count == 1)
    }

    @Test func quickCheckFindsOnlyShortcodeOpeners() {
        func may(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { ShortcodeScanner.mayContainShortcodes($0) }
        }
        #expect(!may("plain {{ go template }} and { braces }"))
        #expect(may("x {{< y >}}"))
        #expect(may("{{%y%}}"))
        #expect(!may("{{"))
    }

    @Test func arbitraryBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{{<%/*>}}\"`= \n-abc`~:".utf8)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let text = String(decoding: bytes, as: UTF8.self)
            let (tags, _) = scan(text)
            for tag in tags {
                #expect(tag.start < tag.end && tag.end <= text.utf8.count)
            }
        }
    }
}
