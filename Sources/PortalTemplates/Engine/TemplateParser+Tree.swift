extension TemplateParser {
    private struct Open {
        package var token: Token
        package var name: TemplateName?
        package var nodes: [TemplateNode] = []
    }

    /// How deep sections, parents and blocks may nest (rendering recurses that deep).
    package static let maxNesting = 100

    /// Nests the tokens of sections, parents and blocks.
    package mutating func buildTree(_ tokens: [Token]) throws(TemplateSyntaxError) -> [TemplateNode] {
        var stack: [Open] = [Open(token: Token(kind: .text, value: "", line: 1, column: 1))]
        func append(_ node: TemplateNode) { stack[stack.count - 1].nodes.append(node) }

        for token in tokens {
            switch token.kind {
            case .text:
                append(.text(Array(token.value.utf8)))
            case .comment, .delimiters:
                continue
            case .variable, .raw:
                append(.variable(try Self.name(token), escaped: token.kind == .variable))
            case .section, .inverted:
                try Self.checkNesting(stack.count, token)
                stack.append(Open(token: token, name: try Self.name(token)))
            case .parent, .block:
                try Self.checkNesting(stack.count, token)
                try Self.checkPlainName(token)
                if token.kind == .parent { partialReferences.append((token.value, token.line, token.column)) }
                stack.append(Open(token: token))
            case .partial:
                try Self.checkPlainName(token)
                partialReferences.append((token.value, token.line, token.column))
                append(.partial(token.value, indentation: token.indentation, overrides: nil))
            case .close:
                guard stack.count > 1, let open = stack.popLast() else {
                    throw TemplateSyntaxError(message: "{{/\(token.value)}} closes nothing", line: token.line, column: token.column)
                }
                guard open.token.value == token.value else {
                    throw TemplateSyntaxError(
                        message: "{{/\(token.value)}} does not match {{\(Self.sigil(open.token.kind))\(open.token.value)}} opened at line \(open.token.line)",
                        line: token.line, column: token.column)
                }
                switch open.token.kind {
                case .parent:
                    var overrides: [String: [TemplateNode]] = [:]
                    for case let .block(name, nodes, _) in open.nodes { overrides[name] = nodes }
                    append(.partial(open.token.value, indentation: open.token.indentation, overrides: overrides))
                case .block:
                    append(.block(open.token.value, open.nodes, indentation: open.token.indentation))
                default:
                    if let name = open.name { append(.section(name, open.nodes, inverted: open.token.kind == .inverted)) }
                }
            }
        }
        if stack.count > 1, let open = stack.last {
            throw TemplateSyntaxError(message: "{{\(Self.sigil(open.token.kind))\(open.token.value)}} is never closed",
                                      line: open.token.line, column: open.token.column)
        }
        return stack[0].nodes
    }

    private static func checkNesting(_ depth: Int, _ token: Token) throws(TemplateSyntaxError) {
        guard depth <= maxNesting else {
            throw TemplateSyntaxError(message: "sections nest more than \(maxNesting) deep", line: token.line, column: token.column)
        }
    }

    private static func sigil(_ kind: Kind) -> String {
        switch kind {
        case .section: return "#"
        case .inverted: return "^"
        case .parent: return "<"
        case .block: return "$"
        default: return ""
        }
    }

    private static func checkPlainName(_ token: Token) throws(TemplateSyntaxError) {
        if token.value.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) {
            throw TemplateSyntaxError(message: "'\(token.value)' is not a template name", line: token.line, column: token.column)
        }
    }

    /// Parses `a.b`, `.a`, `.`, `first()` and `uppercased(a.b)`.
    package static func name(_ token: Token) throws(TemplateSyntaxError) -> TemplateName {
        var text = Substring(token.value)
        var transforms: [TemplateTransform] = []
        while let paren = text.firstIndex(of: "(") {
            guard text.hasSuffix(")") else {
                throw TemplateSyntaxError(message: "'\(token.value)': a transform needs its closing ')'", line: token.line, column: token.column)
            }
            let function = String(text[..<paren])
            guard let transform = TemplateTransform(rawValue: function) else {
                let known = TemplateTransform.allCases.map(\.rawValue).joined(separator: ", ")
                throw TemplateSyntaxError(message: "unknown transform '\(function)' (known: \(known))", line: token.line, column: token.column)
            }
            transforms.insert(transform, at: 0)
            text = text[text.index(after: paren)..<text.index(before: text.endIndex)]
        }
        if text.contains(where: { $0 == " " || $0 == ")" || $0 == "\t" }) {
            throw TemplateSyntaxError(message: "'\(token.value)' is not a template name", line: token.line, column: token.column)
        }
        let scope: TemplateName.Scope
        if text.isEmpty {
            guard let innermost = transforms.first, [.first, .last, .index, .even, .odd].contains(innermost) else {
                throw TemplateSyntaxError(message: "'\(token.value)' names nothing", line: token.line, column: token.column)
            }
            scope = .position
        } else if text == "." {
            scope = .current
        } else if text.hasPrefix(".") {
            scope = .local(text.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map(String.init))
        } else {
            scope = .stack(text.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
        }
        if case let .local(parts) = scope, parts.contains(where: \.isEmpty) {
            throw TemplateSyntaxError(message: "'\(token.value)' is not a template name", line: token.line, column: token.column)
        }
        if case let .stack(parts) = scope, parts.contains(where: \.isEmpty) {
            throw TemplateSyntaxError(message: "'\(token.value)' is not a template name", line: token.line, column: token.column)
        }
        return TemplateName(scope: scope, transforms: transforms)
    }
}
