import PortalText

/// Renders compiled templates against a `TemplateValue` context, writing UTF-8 bytes into one buffer.
package struct TemplateRenderer {
    /// Where a list iteration stands, for `first()`, `last()`, `index()`, `even()` and `odd()`.
    package struct Position {
        package var index: Int
        package var count: Int
    }

    package let templates: [String: [TemplateNode]]
    package private(set) var output: [UInt8] = []
    private let capacity: Int
    private var stack: [TemplateValue] = []
    /// Partials being rendered, one inside the other, and how many more a page may
    /// render. A partial may include itself (a table of contents renders its
    /// children so); one that does so without end stops at `maxPartialDepth`, and
    /// one that does so twice over stops when the page has used `partialBudget`,
    /// rather than run out of stack or time.
    private var partialDepth = 0
    private var partialsLeft = TemplateRenderer.partialBudget
    /// Nodes a page may still visit: partials that include themselves more than once
    /// grow exponentially, and each visit of a large template costs; this bounds the
    /// time of any page (a real page visits a few thousand, a list of 10,000 a few
    /// hundred thousand).
    private var nodesLeft = TemplateRenderer.nodeBudget
    package static let maxPartialDepth = 64
    package static let partialBudget = 200_000
    package static let nodeBudget = 1_000_000

    package init(templates: [String: [TemplateNode]], capacity: Int = 16_384) {
        self.templates = templates
        self.capacity = capacity
    }

    /// Renders the template `name` with `context` as the outermost value.
    package mutating func render(_ name: String, context: TemplateValue) -> String {
        String(decoding: renderBytes(name, context: context), as: UTF8.self)
    }

    /// The UTF-8 bytes of the template `name` rendered with `context`.
    package mutating func renderBytes(_ name: String, context: TemplateValue) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        stack = [context]
        partialDepth = 0
        partialsLeft = Self.partialBudget
        nodesLeft = Self.nodeBudget
        output = []
        output.reserveCapacity(capacity)
        render(nodes, position: nil, indentation: "", inherited: [:])
        return output
    }

    private mutating func render(_ nodes: [TemplateNode], position: Position?, indentation: String,
                                 inherited: [String: [TemplateNode]]) {
        for node in nodes {
            nodesLeft -= 1
            if nodesLeft < 0 { return }
            switch node {
            case let .text(text):
                if indentation.isEmpty { output.append(contentsOf: text) } else { appendIndented(text, indentation) }
            case let .variable(name, escaped):
                guard let value = lookup(name, position) else { continue }
                if !indentation.isEmpty { indentIfAtLineStart(indentation) }
                if case let .html(bytes) = value, !escaped {
                    output.append(contentsOf: bytes)
                } else if escaped {
                    HTMLEscaping.append(value.text, to: &output)
                } else {
                    output.append(contentsOf: value.text.utf8)
                }
            case let .section(name, children, inverted):
                let value = lookup(name, position) ?? .null
                if inverted {
                    if !value.isTruthy { render(children, position: position, indentation: indentation, inherited: inherited) }
                    continue
                }
                switch value {
                case .null, .bool(false): continue
                case .bool(true): render(children, position: position, indentation: indentation, inherited: inherited)
                case let .list(items):
                    for (index, item) in items.enumerated() {
                        stack.append(item)
                        render(children, position: Position(index: index, count: items.count), indentation: indentation, inherited: inherited)
                        stack.removeLast()
                    }
                default:
                    stack.append(value)
                    render(children, position: nil, indentation: indentation, inherited: inherited)
                    stack.removeLast()
                }
            case let .partial(name, partialIndentation, overrides):
                guard let partial = templates[name], partialDepth < Self.maxPartialDepth, partialsLeft > 0 else { continue }
                partialsLeft -= 1
                var merged = inherited
                // The outermost template's blocks win over those of templates it extends.
                if let overrides { for (key, value) in overrides where merged[key] == nil { merged[key] = value } }
                partialDepth += 1
                render(partial, position: nil, indentation: indentation + partialIndentation, inherited: merged)
                partialDepth -= 1
            case let .block(name, defaults, blockIndentation):
                // A block's text comes from the page's layout.
                render(inherited[name] ?? defaults, position: nil, indentation: indentation + blockIndentation, inherited: inherited)
            }
        }
    }

    private mutating func lookup(_ name: TemplateName, _ position: Position?) -> TemplateValue? {
        var value: TemplateValue?
        var firstTransform = 0
        switch name.scope {
        case .current:
            value = stack.last
        case let .local(path):
            if let top = stack.last { value = Self.follow(path, from: 0, in: top) }
        case let .stack(path):
            guard let head = path.first else { return nil }
            // Innermost context first; indices rather than a reversed copy of the stack.
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index][head] {
                    value = path.count == 1 ? found : Self.follow(path, from: 1, in: found)
                    break
                }
                index -= 1
            }
        case .position:
            guard let position, let first = name.transforms.first else { return nil }
            firstTransform = 1
            switch first {
            case .first: value = .bool(position.index == 0)
            case .last: value = .bool(position.index == position.count - 1)
            case .index: value = .int(position.index)
            case .even: value = .bool(position.index % 2 == 0)
            case .odd: value = .bool(position.index % 2 == 1)
            default: return nil
            }
        }
        let transforms = name.transforms
        var index = firstTransform
        while index < transforms.count {
            guard let current = value else { return nil }
            value = current.applying(transforms[index])
            index += 1
        }
        return value
    }

    private static func follow(_ path: [String], from start: Int, in value: TemplateValue) -> TemplateValue? {
        var current = value
        var index = start
        while index < path.count {
            guard let next = current[path[index]] else { return nil }
            current = next
            index += 1
        }
        return current
    }

    private mutating func indentIfAtLineStart(_ indentation: String) {
        if output.isEmpty || output.last == 0x0A { output.append(contentsOf: indentation.utf8) }
    }

    /// Text of a partial that stood indented: every line it starts gets the indentation.
    private mutating func appendIndented(_ text: [UInt8], _ indentation: String) {
        var rest = text[...]
        while !rest.isEmpty {
            indentIfAtLineStart(indentation)
            if let newline = rest.firstIndex(of: 0x0A) {
                let next = rest.index(after: newline)
                output.append(contentsOf: rest[..<next])
                rest = rest[next...]
            } else {
                output.append(contentsOf: rest)
                rest = rest[rest.endIndex...]
            }
        }
    }
}

extension TemplateValue {
    /// Whether a section shows: not null, not false, not an empty list.
    package var isTruthy: Bool {
        switch self {
        case .null: return false
        case let .bool(b): return b
        case let .list(items): return !items.isEmpty
        default: return true
        }
    }

    package func applying(_ transform: TemplateTransform) -> TemplateValue? {
        switch (self, transform) {
        case let (.list(items), .first): return items.first
        case let (.list(items), .last): return items.last
        case let (.list(items), .reversed): return .list(items.reversed())
        case let (.list(items), .count): return .int(items.count)
        case let (.list(items), .empty): return .bool(items.isEmpty)
        case let (.string(s), .empty): return .bool(s.isEmpty)
        case let (.html(bytes), _): return TemplateValue.string(String(decoding: bytes, as: UTF8.self)).applying(transform)
        case let (.string(s), .uppercased): return .string(s.uppercased())
        case let (.string(s), .lowercased): return .string(s.lowercased())
        case let (.string(s), .capitalized): return .string(s.capitalizedWords())
        case let (.string(s), .reversed): return .string(String(s.reversed()))
        case let (.int(i), .equalzero): return .bool(i == 0)
        case let (.int(i), .plusone): return .int(i + 1)
        case let (.int(i), .minusone): return .int(i - 1)
        case let (.int(i), .even): return .bool(i % 2 == 0)
        case let (.int(i), .odd): return .bool(i % 2 != 0)
        default: return nil
        }
    }
}

extension String {
    /// Upper-cases the first letter of each space-separated word (no Foundation locale rules).
    package func capitalizedWords() -> String {
        var result = ""
        var atWordStart = true
        for character in self {
            if character == " " {
                atWordStart = true
                result.append(character)
            } else if atWordStart {
                result += character.uppercased()
                atWordStart = false
            } else {
                result += character.lowercased()
            }
        }
        return result
    }
}
