/// A theme's templates compiled into one flat list of steps that refer to each other by
/// number: text is a range of one byte buffer, a name is a row of plain numbers, a
/// section's body is the steps that follow it, and a partial is the number of its
/// template. Rendering walks these without copying a node or counting references to
/// one, which the tree of `TemplateNode`s it is made from would make it do for every
/// node of every page.
package final class TemplateProgram: @unchecked Sendable {
    package enum Kind: UInt8 {
        /// `a..<b`: a range of `bytes`.
        case text
        /// `a`: a name (`{{name}}`).
        case escaped
        /// `a`: a name (`{{{name}}}`, `{{&name}}`).
        case raw
        /// `a`: a name; the body is the steps up to `b`.
        case section
        /// `a`: a name; the body is the steps up to `b`.
        case inverted
        /// `a`: the template (-1 when there is none), `b`: its indentation, `c` and `d`:
        /// where its block overrides start in `overrides` and how many there are (their
        /// bodies follow this step).
        case partial
        /// `a`: the block's name, `c`: its indentation; its default is the steps up to `b`.
        case block
    }

    package struct Step {
        var kind: Kind
        var a: Int32
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
    }

    /// A name as numbers: its scope, where its path lies in `segments` and its
    /// transforms in `transforms`.
    package struct Name {
        enum Scope: UInt8 { case current, local, stack, position }
        var scope: Scope
        var pathStart: Int32
        var pathCount: Int32
        var transformStart: Int32
        var transformCount: Int32
    }

    /// A block that a parent tag overrides: its name and its body's steps.
    package struct Override {
        var block: Int32
        var start: Int32
        var end: Int32
    }

    // Immutable after `init`; freed with the program. Buffers rather than arrays, so
    // that reading a step never touches a reference count.
    let steps: UnsafeMutableBufferPointer<Step>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<Name>
    let segments: [String]
    let transforms: [TemplateTransform]
    let indentations: [String]
    let overrides: [Override]
    /// Each template's steps, by template number.
    let ranges: [(start: Int32, end: Int32)]
    /// Template name -> template number.
    let numbers: [String: Int32]

    package convenience init(_ templates: [String: [TemplateNode]]) {
        var compiler = Compiler(names: templates.keys.sorted())
        for name in compiler.templateNames {
            let start = Int32(compiler.steps.count)
            compiler.compile(templates[name] ?? [])
            compiler.ranges.append((start, Int32(compiler.steps.count)))
        }
        self.init(compiler)
    }

    private init(_ compiler: Compiler) {
        steps = .allocate(capacity: compiler.steps.count)
        _ = steps.initialize(from: compiler.steps)
        bytes = .allocate(capacity: compiler.bytes.count)
        _ = bytes.initialize(from: compiler.bytes)
        names = .allocate(capacity: compiler.names.count)
        _ = names.initialize(from: compiler.names)
        segments = compiler.segments
        transforms = compiler.transforms
        indentations = compiler.indentations
        overrides = compiler.overrides
        ranges = compiler.ranges
        numbers = compiler.numbers
    }

    deinit {
        steps.deallocate()
        bytes.deallocate()
        names.deallocate()
    }

    /// The steps of the template `name`, when there is one.
    package func range(of name: String) -> (start: Int32, end: Int32)? {
        numbers[name].map { ranges[Int($0)] }
    }

    private struct Compiler {
        let templateNames: [String]
        var numbers: [String: Int32] = [:]
        var steps: [Step] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var nameNumbers: [TemplateName: Int32] = [:]
        var segments: [String] = []
        var transforms: [TemplateTransform] = []
        var indentations: [String] = [""]
        var indentationNumbers: [String: Int32] = ["": 0]
        var blocks: [String: Int32] = [:]
        var overrides: [Override] = []
        var ranges: [(start: Int32, end: Int32)] = []

        init(names: [String]) {
            templateNames = names
            for (number, name) in names.enumerated() { numbers[name] = Int32(number) }
        }

        mutating func compile(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case let .text(text):
                    let start = Int32(bytes.count)
                    bytes.append(contentsOf: text)
                    steps.append(Step(kind: .text, a: start, b: Int32(bytes.count)))
                case let .variable(name, escaped):
                    steps.append(Step(kind: escaped ? .escaped : .raw, a: number(of: name)))
                case let .section(name, children, inverted):
                    let at = steps.count
                    steps.append(Step(kind: inverted ? .inverted : .section, a: number(of: name)))
                    compile(children)
                    steps[at].b = Int32(steps.count)
                case let .partial(name, indentation, blockOverrides):
                    let at = steps.count
                    let first = Int32(overrides.count)
                    steps.append(Step(kind: .partial, a: numbers[name] ?? -1, b: number(ofIndentation: indentation), c: first))
                    // Reserved first: an override's body may hold parent tags of its own.
                    let given = (blockOverrides ?? [:]).sorted { $0.key < $1.key }
                    overrides += given.map { Override(block: block($0.key), start: 0, end: 0) }
                    for (offset, entry) in given.enumerated() {
                        let start = Int32(steps.count)
                        compile(entry.value)
                        overrides[Int(first) + offset].start = start
                        overrides[Int(first) + offset].end = Int32(steps.count)
                    }
                    steps[at].d = Int32(given.count)
                case let .block(name, defaults, indentation):
                    let at = steps.count
                    steps.append(Step(kind: .block, a: block(name), c: number(ofIndentation: indentation)))
                    compile(defaults)
                    steps[at].b = Int32(steps.count)
                }
            }
        }

        private mutating func number(of name: TemplateName) -> Int32 {
            if let known = nameNumbers[name] { return known }
            let path: [String]
            let scope: Name.Scope
            switch name.scope {
            case .current: (scope, path) = (.current, [])
            case let .local(parts): (scope, path) = (.local, parts)
            case let .stack(parts): (scope, path) = (.stack, parts)
            case .position: (scope, path) = (.position, [])
            }
            let number = Int32(names.count)
            names.append(Name(scope: scope, pathStart: Int32(segments.count), pathCount: Int32(path.count),
                              transformStart: Int32(transforms.count), transformCount: Int32(name.transforms.count)))
            segments += path
            transforms += name.transforms
            nameNumbers[name] = number
            return number
        }

        private mutating func number(ofIndentation indentation: String) -> Int32 {
            if let known = indentationNumbers[indentation] { return known }
            let number = Int32(indentations.count)
            indentations.append(indentation)
            indentationNumbers[indentation] = number
            return number
        }

        private mutating func block(_ name: String) -> Int32 {
            if let known = blocks[name] { return known }
            let number = Int32(blocks.count)
            blocks[name] = number
            return number
        }
    }
}
