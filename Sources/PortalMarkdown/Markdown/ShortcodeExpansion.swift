import PortalText

/// How a shortcode uses what a pair of its tags encloses.
package enum ShortcodeInnerUse: Sendable, Equatable {
    /// The enclosed text stays in the page as Markdown and the shortcode's HTML goes
    /// around it (callouts, tabs, details): its headings, links and text are the page's.
    case wraps
    /// The enclosed text is handed to the shortcode as written (`highlight`).
    case raw
    /// The shortcode encloses nothing (`figure`, `ref`): its tag stands alone.
    case standalone
}

/// One use of a shortcode, as its template sees it.
package struct ShortcodeCall: Sendable {
    package var name: String
    /// `{{% … %}}` rather than `{{< … >}}`.
    package var markdown: Bool
    package var arguments: [ShortcodeTag.Argument]
    /// What a pair of tags encloses, as written; nil for a tag that stands alone.
    package var inner: String?
    /// Which use this is on the page (from 0), and which use of this name under the same parent.
    package var number: Int
    package var ordinal: Int
    package var parent: Parent?
    package var line: Int
    package var column: Int

    package struct Parent: Sendable {
        package var name: String
        package var arguments: [ShortcodeTag.Argument]
        package var number: Int
    }
}

/// What a shortcode gives back: HTML (split around the enclosed Markdown for a
/// wrapping one), or plain text that goes into the Markdown where the tag was
/// (a URL from `ref` inside a link's target), and any problems.
package struct ShortcodeOutput: Sendable {
    package var html: String
    /// For a wrapping shortcode: the HTML after the enclosed Markdown.
    package var closing: String?
    package var isText = false
    package var problems: [(message: String, isError: Bool)] = []

    package init(html: String, closing: String? = nil, isText: Bool = false) {
        self.html = html
        self.closing = closing
        self.isText = isText
    }
}

/// The site's shortcodes: given to the renderer by the build, which knows the templates.
package protocol ShortcodeExpanding: Sendable {
    /// How `name` uses enclosed text; nil when the site has no such shortcode.
    func innerUse(of name: String) -> ShortcodeInnerUse?
    func expand(_ call: ShortcodeCall) -> ShortcodeOutput
}

/// A body with its shortcodes replaced, before cmark-gfm reads it: each tag that gives
/// HTML becomes a placeholder cmark reads as raw HTML (a comment when the tag stands on
/// lines of its own, which makes it a block; an inline tag otherwise), of the tag's own
/// length where it fits, so lines and columns of everything else stay those of the file.
/// `ShortcodeNodes` then swaps the placeholders for the HTML.
package struct ShortcodePlan: Sendable {
    package var text: [UInt8]
    /// Placeholder number -> HTML.
    package var html: [String]
    /// Placeholder number -> the source text it replaced (put back where cmark read a
    /// placeholder as code or plain text).
    package var written: [String]
    package var problems: [BodyProblem]

    /// Nil when the body has no shortcode tag (the common case: one fast scan).
    package static func make(_ body: String, mdx: Bool, expander: any ShortcodeExpanding) -> ShortcodePlan? {
        var body = body
        return body.withUTF8 { bytes -> ShortcodePlan? in
            guard ShortcodeScanner.mayContainShortcodes(bytes) else { return nil }
            let (tags, scanProblems) = ShortcodeScanner.scan(bytes, mdx: mdx)
            guard !tags.isEmpty || !scanProblems.isEmpty else { return nil }
            var builder = PlanBuilder(bytes: bytes, tags: tags, expander: expander)
            builder.problems = scanProblems
            builder.run()
            return builder.finish()
        }
    }
}

/// A piece of the body to replace.
private struct Replacement {
    var start: Int
    var end: Int
    var html: String
    var isText = false
}

private struct PlanBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let tags: [ShortcodeTag]
    let expander: any ShortcodeExpanding
    var problems: [BodyProblem] = []
    var replacements: [Replacement] = []

    /// A shortcode use: its opening tag and, for a pair, its closing tag.
    struct Use {
        var open: Int
        var close: Int?
        var use: ShortcodeInnerUse?
    }

    init(bytes: UnsafeBufferPointer<UInt8>, tags: [ShortcodeTag], expander: any ShortcodeExpanding) {
        self.bytes = bytes
        self.tags = tags
        self.expander = expander
    }

    mutating func run() {
        var uses: [Use] = []
        var stack: [Int] = []   // indices into `uses`
        var strayClosings: [Int] = []
        var k = 0
        while k < tags.count {
            let tag = tags[k]
            switch tag.form {
            case .escaped:
                replacements.append(Replacement(start: tag.start, end: tag.end, html: HTMLEscaping.escape(tag.literal)))
            case .selfClosing:
                uses.append(Use(open: k, close: nil, use: expander.innerUse(of: tag.name)))
            case .opening:
                let use = expander.innerUse(of: tag.name)
                if use == .raw, let close = tags[(k + 1)...].firstIndex(where: { $0.form == .closing && $0.name == tag.name }) {
                    // What it encloses is text: tags inside are part of it.
                    uses.append(Use(open: k, close: close, use: use))
                    k = close + 1
                    continue
                }
                uses.append(Use(open: k, close: nil, use: use))
                if use != .standalone { stack.append(uses.count - 1) }
            case .closing:
                if let depth = stack.lastIndex(where: { tags[uses[$0].open].name == tag.name }) {
                    for unclosed in stack[(depth + 1)...] { reportUnclosed(uses[unclosed]) }
                    uses[stack[depth]].close = k
                    stack.removeSubrange(depth...)
                } else {
                    strayClosings.append(k)
                }
            }
            k += 1
        }
        for unclosed in stack { reportUnclosed(uses[unclosed]) }
        for stray in strayClosings {
            let tag = tags[stray]
            problems.append(.init(line: tag.line, column: tag.column,
                                  message: "closing tag '\(tag.written)' has no opening tag before it; it is left out"))
            replacements.append(Replacement(start: tag.start, end: tag.end, html: ""))
        }
        expand(uses)
    }

    private mutating func reportUnclosed(_ use: Use) {
        let tag = tags[use.open]
        guard use.use == .wraps || use.use == .raw else { return }
        var closing = tag
        closing.form = .closing
        problems.append(.init(line: tag.line, column: tag.column,
                              message: "shortcode '\(tag.written)' is never closed (no '\(closing.written)' after it): it is shown empty and the text after it is kept"))
    }

    /// Expands every use in document order, each knowing the pair it sits in.
    private mutating func expand(_ uses: [Use]) {
        var open: [(use: Int, close: Int)] = []   // enclosing pairs: use index, closing tag index
        var ordinals: [String: Int] = [:]          // "parent number/name" -> next ordinal
        let sorted = uses.indices.sorted { uses[$0].open < uses[$1].open }
        var numbers = [Int](repeating: 0, count: uses.count)
        for (number, index) in sorted.enumerated() { numbers[index] = number }
        for (number, index) in sorted.enumerated() {
            let use = uses[index]
            let tag = tags[use.open]
            while let last = open.last, last.close < use.open { open.removeLast() }
            let parentUse = open.last.map { uses[$0.use] }
            let parentNumber = open.last.map { numbers[$0.use] }
            let key = "\(parentNumber ?? -1)/\(tag.name)"
            let ordinal = ordinals[key, default: 0]
            ordinals[key] = ordinal + 1
            var inner: String?
            if let close = use.close {
                inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[tag.end..<tags[close].start]), as: UTF8.self)
                if use.use != .raw { open.append((index, close)) }
            }
            let parent = parentUse.map { parentUse -> ShortcodeCall.Parent in
                let parentTag = tags[parentUse.open]
                return .init(name: parentTag.name, arguments: parentTag.arguments, number: parentNumber ?? 0)
            }
            guard let kind = use.use else {
                problems.append(.init(line: tag.line, column: tag.column,
                    message: "unknown shortcode '\(tag.name)' (no Templates/shortcodes/\(tag.name).mustache): its tags are left out\(use.close == nil ? "" : " and what it encloses is kept")"))
                replacements.append(Replacement(start: tag.start, end: tag.end, html: ""))
                if let close = use.close { replacements.append(Replacement(start: tags[close].start, end: tags[close].end, html: "")) }
                continue
            }
            let call = ShortcodeCall(name: tag.name, markdown: tag.markdown, arguments: tag.arguments, inner: inner,
                                     number: number, ordinal: ordinal, parent: parent, line: tag.line, column: tag.column)
            let output = expander.expand(call)
            for problem in output.problems {
                problems.append(.init(line: tag.line, column: tag.column, message: problem.message, isError: problem.isError))
            }
            if kind == .raw, let close = use.close {
                replacements.append(Replacement(start: tag.start, end: tags[close].end, html: output.html))
            } else {
                replacements.append(Replacement(start: tag.start, end: tag.end, html: output.html, isText: output.isText))
                if let close = use.close {
                    replacements.append(Replacement(start: tags[close].start, end: tags[close].end, html: output.closing ?? ""))
                }
            }
        }
    }

    // MARK: The text cmark reads

    func finish() -> ShortcodePlan {
        let sorted = replacements.sorted { $0.start < $1.start }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 64)
        var html: [String] = []
        var written: [String] = []
        var position = 0
        for (index, replacement) in sorted.enumerated() where replacement.start >= position {
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<replacement.start]))
            let original = UnsafeBufferPointer(rebasing: bytes[replacement.start..<replacement.end])
            if replacement.isText {
                text.append(contentsOf: Self.markdownText(replacement.html))
            } else {
                let number = html.count
                html.append(replacement.html)
                written.append(String(decoding: original, as: UTF8.self))
                let block = standsAlone(index, in: sorted)
                text.append(contentsOf: Self.placeholder(number, block: block, replacing: original))
            }
            position = replacement.end
        }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
        return ShortcodePlan(text: text, html: html, written: written, problems: problems)
    }

    /// Whether the replacement is on lines that hold nothing but replaced tags, blanks,
    /// and before it block quote marks or a list marker.
    private func standsAlone(_ index: Int, in sorted: [Replacement]) -> Bool {
        // Back to the line's start, over other tags on the same line.
        var i = index
        var cursor = sorted[index].start
        while true {
            var p = cursor
            while p > 0, bytes[p - 1] != 0x0A {
                if i > 0, sorted[i - 1].end == p, !sorted[i - 1].isText { break }
                p -= 1
            }
            let lineStartReached = p == 0 || bytes[p - 1] == 0x0A
            let gap = UnsafeBufferPointer(rebasing: bytes[p..<cursor])
            if lineStartReached {
                guard Self.isContainerPrefix(gap) else { return false }
                break
            }
            guard gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return false }
            i -= 1
            cursor = sorted[i].start
        }
        // On to the line's end, over other tags.
        i = index
        cursor = sorted[index].end
        while true {
            var p = cursor
            while p < bytes.count, bytes[p] != 0x0A {
                if i + 1 < sorted.count, sorted[i + 1].start == p, !sorted[i + 1].isText { break }
                p += 1
            }
            let gap = UnsafeBufferPointer(rebasing: bytes[cursor..<p])
            guard gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return false }
            if p >= bytes.count || bytes[p] == 0x0A { return true }
            i += 1
            cursor = sorted[i].end
        }
    }

    /// Spaces, `>` marks and at most one list marker: what may stand before a block.
    private static func isContainerPrefix(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = 0
        var markerSeen = false
        while p < gap.count {
            let b = gap[p]
            if b == 0x20 || b == 0x09 || b == 0x3E {
                p += 1
            } else if !markerSeen, b == 0x2D || b == 0x2A || b == 0x2B, p + 1 < gap.count, gap[p + 1] == 0x20 {
                markerSeen = true
                p += 2
            } else if !markerSeen, b >= 0x30, b <= 0x39 {
                var q = p
                while q < gap.count, gap[q] >= 0x30, gap[q] <= 0x39 { q += 1 }
                guard q + 1 < gap.count, gap[q] == 0x2E || gap[q] == 0x29, gap[q + 1] == 0x20 else { return false }
                markerSeen = true
                p = q + 2
            } else {
                return false
            }
        }
        return true
    }

    /// `<!--sc:N-->` (a block) or `<sc-N>` (inline), padded with spaces to the length of
    /// what it replaces, with the replaced text's line breaks where they were.
    static func placeholder(_ number: Int, block: Bool, replacing original: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let head = Array((block ? "<!--sc:\(number)" : "<sc-\(number)").utf8)
        let tail = Array((block ? "-->" : ">").utf8)
        let fits = head.count + tail.count <= original.count
            && !original[0..<head.count].contains(0x0A) && !original[(original.count - tail.count)...].contains(0x0A)
        var out = head
        if fits {
            for b in original[head.count..<(original.count - tail.count)] { out.append(b == 0x0A ? 0x0A : 0x20) }
        } else {
            for b in original where b == 0x0A { out.append(0x0A) }
        }
        out += tail
        return out
    }

    /// Text a shortcode gave, as Markdown that reads back as that text: characters
    /// Markdown would act on are escaped (its HTML entities are read back by cmark).
    static func markdownText(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case 0x0A, 0x0D: out.append(0x20)
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x21, 0x7C, 0x7E, 0x28, 0x29:
                out.append(0x5C)
                out.append(b)
            default: out.append(b)
            }
        }
        return out
    }
}
