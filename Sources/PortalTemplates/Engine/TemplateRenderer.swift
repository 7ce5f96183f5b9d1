import PortalText

/// Renders compiled templates against a `TemplateValue` context, writing UTF-8 bytes into one buffer.
package struct TemplateRenderer {
    /// Where a list iteration stands, for `first()`, `last()`, `index()`, `even()` and `odd()`.
    package struct Position {
        package var index: Int
        package var count: Int
    }

    package let program: TemplateProgram
    package private(set) var output: [UInt8] = []
    private let capacity: Int
    private var stack: [TemplateValue] = []
    /// The blocks that parent tags around the step being rendered override, the
    /// outermost parent's first: the first one of a name wins.
    private var overrides: [TemplateProgram.Override] = []
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

    package init(program: TemplateProgram, capacity: Int = 16_384) {
        self.program = program
        self.capacity = capacity
    }

    /// Compiles `templates` for this renderer alone (a theme compiles its program once).
    package init(templates: [String: [TemplateNode]], capacity: Int = 16_384) {
        self.init(program: TemplateProgram(templates), capacity: capacity)
    }

    /// Renders the template `name` with `context` as the outermost value.
    package mutating func render(_ name: String, context: TemplateValue) -> String {
        String(decoding: renderBytes(name, context: context), as: UTF8.self)
    }

    /// The UTF-8 bytes of the template `name` rendered with `context`.
    package mutating func renderBytes(_ name: String, context: TemplateValue) -> [UInt8] {
        guard let range = program.range(of: name) else { return [] }
        stack = [context]
        overrides = []
        partialDepth = 0
        partialsLeft = Self.partialBudget
        nodesLeft = Self.nodeBudget
        output = []
        output.reserveCapacity(capacity)
        render(range.start, range.end, position: nil, indentation: "")
        return output
    }

    /// Renders the steps `start..<end`.
    private mutating func render(_ start: Int32, _ end: Int32, position: Position?, indentation: String) {
        let steps = UnsafeBufferPointer(program.steps)
        var at = Int(start)
        let end = Int(end)
        while at < end {
            nodesLeft -= 1
            if nodesLeft < 0 { return }
            let step = steps[at]
            switch step.kind {
            case .text:
                let text = UnsafeBufferPointer(rebasing: program.bytes[Int(step.a)..<Int(step.b)])
                if indentation.isEmpty { output.append(contentsOf: text) } else { appendIndented(text, indentation) }
                at += 1
            case .escaped, .raw:
                at += 1
                guard let value = lookup(step.a, position) else { continue }
                if !indentation.isEmpty { indentIfAtLineStart(indentation) }
                if case let .html(bytes) = value, step.kind == .raw {
                    output.append(contentsOf: bytes)
                } else if step.kind == .escaped {
                    HTMLEscaping.append(value.text, to: &output)
                } else {
                    output.append(contentsOf: value.text.utf8)
                }
            case .inverted:
                if !(lookup(step.a, position) ?? .null).isTruthy {
                    render(Int32(at + 1), step.b, position: position, indentation: indentation)
                }
                at = Int(step.b)
            case .section:
                let value = lookup(step.a, position) ?? .null
                switch value {
                case .null, .bool(false): break
                case .bool(true): render(Int32(at + 1), step.b, position: position, indentation: indentation)
                case let .list(items):
                    for (index, item) in items.enumerated() {
                        stack.append(item)
                        render(Int32(at + 1), step.b, position: Position(index: index, count: items.count), indentation: indentation)
                        stack.removeLast()
                    }
                default:
                    stack.append(value)
                    render(Int32(at + 1), step.b, position: nil, indentation: indentation)
                    stack.removeLast()
                }
                at = Int(step.b)
            case .partial:
                let count = Int(step.d)
                let first = Int(step.c)
                // The overrides' bodies follow the step.
                at = count > 0 ? Int(program.overrides[first + count - 1].end) : at + 1
                guard step.a >= 0, partialDepth < Self.maxPartialDepth, partialsLeft > 0 else { continue }
                partialsLeft -= 1
                let range = program.ranges[Int(step.a)]
                let kept = overrides.count
                // The outermost template's blocks win over those of templates it extends.
                if count > 0 { overrides += program.overrides[first..<(first + count)] }
                partialDepth += 1
                let inner = step.b == 0 ? indentation : indentation + program.indentations[Int(step.b)]
                render(range.start, range.end, position: nil, indentation: inner)
                partialDepth -= 1
                overrides.removeSubrange(kept...)
            case .block:
                // A block's text comes from the page's layout.
                let inner = step.c == 0 ? indentation : indentation + program.indentations[Int(step.c)]
                if let chosen = overrides.first(where: { $0.block == step.a }) {
                    render(chosen.start, chosen.end, position: nil, indentation: inner)
                } else {
                    render(Int32(at + 1), step.b, position: nil, indentation: inner)
                }
                at = Int(step.b)
            }
        }
    }

    private func lookup(_ number: Int32, _ position: Position?) -> TemplateValue? {
        let name = program.names[Int(number)]
        var value: TemplateValue?
        var firstTransform = Int(name.transformStart)
        let transformEnd = firstTransform + Int(name.transformCount)
        let pathStart = Int(name.pathStart), pathEnd = pathStart + Int(name.pathCount)
        switch name.scope {
        case .current:
            value = stack.last
        case .local:
            if let top = stack.last { value = follow(pathStart, pathEnd, in: top) }
        case .stack:
            guard pathStart < pathEnd else { return nil }
            let head = program.segments[pathStart]
            // Innermost context first, read in place.
            stack.withUnsafeBufferPointer { stack in
                var index = stack.count - 1
                while index >= 0 {
                    if let found = stack[index][head] {
                        value = pathEnd - pathStart == 1 ? found : follow(pathStart + 1, pathEnd, in: found)
                        return
                    }
                    index -= 1
                }
            }
        case .position:
            guard let position, firstTransform < transformEnd else { return nil }
            switch program.transforms[firstTransform] {
            case .first: value = .bool(position.index == 0)
            case .last: value = .bool(position.index == position.count - 1)
            case .index: value = .int(position.index)
            case .even: value = .bool(position.index % 2 == 0)
            case .odd: value = .bool(position.index % 2 == 1)
            default: return nil
            }
            firstTransform += 1
        }
        var index = firstTransform
        while index < transformEnd {
            guard let current = value else { return nil }
            value = current.applying(program.transforms[index])
            index += 1
        }
        return value
    }

    /// The value at the path `segments[start..<end]` below `value`.
    private func follow(_ start: Int, _ end: Int, in value: TemplateValue) -> TemplateValue? {
        var current = value
        var index = start
        while index < end {
            guard let next = current[program.segments[index]] else { return nil }
            current = next
            index += 1
        }
        return current
    }

    private mutating func indentIfAtLineStart(_ indentation: String) {
        if output.isEmpty || output.last == 0x0A { output.append(contentsOf: indentation.utf8) }
    }

    /// Text of a partial that stood indented: every line it starts gets the indentation.
    private mutating func appendIndented(_ text: UnsafeBufferPointer<UInt8>, _ indentation: String) {
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
