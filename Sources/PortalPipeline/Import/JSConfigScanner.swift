/// Reads the literal parts of a JavaScript or TypeScript configuration file (such as
/// `docusaurus.config.js`) without running it: object and array literals, strings,
/// numbers and booleans, and constants declared with such values at the top level.
/// Anything computed (calls, functions, template strings with `${}`) is kept as its
/// source text in `ImportValue.other`.
package struct JSConfigScanner {
    package struct Token: Equatable {
        package enum Kind: Equatable {
            case identifier(String)
            case string(String)
            /// A template literal with `${…}` in it: not a constant.
            case template
            case number(String)
            case punctuator(String)
            case regex
        }

        package var kind: Kind
        /// Offsets into the scalars of the text.
        package var start: Int
        package var end: Int
        /// A line break comes before this token (for automatic semicolons).
        package var newlineBefore: Bool
    }

    let scalars: [Unicode.Scalar]
    package private(set) var tokens: [Token] = []
    /// Top-level `const|let|var NAME = …`: where each value starts.
    var declarations: [String: Int] = [:]

    package init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        tokens = Self.tokenize(scalars)
        declarations = findDeclarations()
    }

    // MARK: The configuration object

    /// The object the file exports (`module.exports = {…}`, `export default {…}`,
    /// `export default config` with `const config = {…}`, or the object a function so
    /// exported returns); failing those, the first object literal with a `presets`,
    /// `url` or `title` key.
    package func exportedObject() -> ImportTable? {
        for index in tokens.indices {
            var valueStart: Int?
            if isIdentifier(index, "module"), isPunctuator(index + 1, "."), isIdentifier(index + 2, "exports"),
               isPunctuator(index + 3, "=") {
                valueStart = index + 4
            } else if isIdentifier(index, "export"), isIdentifier(index + 1, "default") {
                valueStart = index + 2
            }
            guard let start = valueStart, let table = object(at: start, depth: 0) else { continue }
            return table
        }
        for index in tokens.indices where isPunctuator(index, "{") {
            var reader = Reader(scanner: self, index: index, depth: 0)
            if let table = reader.value().table,
               table["presets"] != nil || (table["url"] != nil && table["title"] != nil) {
                return table
            }
        }
        return nil
    }

    /// The object a value starting at token `index` stands for: a literal, a declared
    /// constant, or what a function there returns.
    func object(at index: Int, depth: Int) -> ImportTable? {
        guard index < tokens.count, depth < 8 else { return nil }
        var reader = Reader(scanner: self, index: index, depth: depth)
        if case let .table(table) = reader.value() { return table }
        // `async function createConfig() { … return {…} }` or `() => ({…})`.
        var position = index
        var nesting = 0
        while position < tokens.count {
            if isPunctuator(position, "{") || isPunctuator(position, "(") || isPunctuator(position, "[") { nesting += 1 }
            if isPunctuator(position, "}") || isPunctuator(position, ")") || isPunctuator(position, "]") {
                nesting -= 1
                if nesting < 0 { return nil }
            }
            if isIdentifier(position, "return") || isPunctuator(position, "=>") {
                var next = position + 1
                while isPunctuator(next, "(") { next += 1 }
                var inner = Reader(scanner: self, index: next, depth: depth + 1)
                if case let .table(table) = inner.value() { return table }
            }
            if nesting == 0 && isPunctuator(position, ";") { return nil }
            position += 1
        }
        return nil
    }

    // MARK: Declarations

    func findDeclarations() -> [String: Int] {
        var found: [String: Int] = [:]
        var nesting = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if case let .punctuator(text) = token.kind {
                if text == "{" || text == "(" || text == "[" { nesting += 1 }
                if text == "}" || text == ")" || text == "]" { nesting = max(0, nesting - 1) }
            }
            if nesting == 0, case let .identifier(keyword) = token.kind, ["const", "let", "var"].contains(keyword),
               case let .identifier(name)? = kind(index + 1) {
                var position = index + 2
                if isPunctuator(position, ":") {
                    // A TypeScript type: skip to the `=` at this level.
                    var depth = 0
                    position += 1
                    while position < tokens.count {
                        if isPunctuator(position, "{") || isPunctuator(position, "(") || isPunctuator(position, "[") || isPunctuator(position, "<") { depth += 1 }
                        if isPunctuator(position, "}") || isPunctuator(position, ")") || isPunctuator(position, "]") || isPunctuator(position, ">") { depth -= 1 }
                        if depth == 0 && isPunctuator(position, "=") { break }
                        if depth < 0 || isPunctuator(position, ";") { break }
                        position += 1
                    }
                }
                if isPunctuator(position, "="), found[name] == nil {
                    found[name] = position + 1
                }
            }
            index += 1
        }
        return found
    }

    // MARK: Token tests

    func kind(_ index: Int) -> Token.Kind? {
        index >= 0 && index < tokens.count ? tokens[index].kind : nil
    }

    func isPunctuator(_ index: Int, _ text: String) -> Bool {
        kind(index) == .punctuator(text)
    }

    func isIdentifier(_ index: Int, _ text: String) -> Bool {
        kind(index) == .identifier(text)
    }

    /// The source text of tokens `first...last`, with runs of white space made one space.
    func text(from first: Int, through last: Int) -> String {
        guard first <= last, first < tokens.count else { return "" }
        let start = tokens[first].start
        let end = tokens[min(last, tokens.count - 1)].end
        var result = ""
        var lastWasSpace = false
        for scalar in scalars[start..<end] {
            let isSpace = scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
            if isSpace {
                if !lastWasSpace { result.unicodeScalars.append(" ") }
            } else {
                result.unicodeScalars.append(scalar)
            }
            lastWasSpace = isSpace
        }
        return result
    }
}

// MARK: - Values

extension JSConfigScanner {
    /// Reads one value from `index` onwards.
    struct Reader {
        let scanner: JSConfigScanner
        var index: Int
        /// How many declared constants are being resolved (a guard against cycles).
        let depth: Int
        /// Objects and arrays this reader is inside of.
        var nesting = 0
        /// Where the reader started: a statement cannot end before its first token.
        let start: Int

        init(scanner: JSConfigScanner, index: Int, depth: Int) {
            self.scanner = scanner
            self.index = index
            self.depth = depth
            self.start = index
        }

        var tokens: [Token] { scanner.tokens }

        mutating func value() -> ImportValue {
            let first = index
            guard var result = primary() else {
                skipExpression()
                return .other(scanner.text(from: first, through: max(first, index - 1)))
            }
            while true {
                if atEnd { return result }
                if scanner.isPunctuator(index, "+"), case let .string(left) = result {
                    let save = index
                    index += 1
                    if let right = primary(), case let .string(tail) = right {
                        result = .string(left + tail)
                        continue
                    }
                    index = save
                }
                if scanner.isIdentifier(index, "as") || scanner.isIdentifier(index, "satisfies") {
                    skipExpression()
                    return result
                }
                break
            }
            if atEnd { return result }
            skipExpression()
            return .other(scanner.text(from: first, through: max(first, index - 1)))
        }

        /// At a token that ends a value: `,` `;` a closing bracket, the end, or a new
        /// statement on a new line.
        var atEnd: Bool {
            guard index < tokens.count else { return true }
            let token = tokens[index]
            if case let .punctuator(text) = token.kind, [",", ";", "}", "]", ")"].contains(text) { return true }
            // Outside brackets a statement may end at a line break without a semicolon.
            if nesting == 0, index > start, token.newlineBefore, case let .identifier(word) = token.kind,
               ["const", "let", "var", "export", "module", "function", "import", "async", "class"].contains(word) {
                return true
            }
            return false
        }

        /// A literal, or nil (with `index` unchanged) for anything else.
        mutating func primary() -> ImportValue? {
            guard index < tokens.count else { return nil }
            switch tokens[index].kind {
            case let .string(text):
                index += 1
                return .string(text)
            case let .number(text):
                index += 1
                return number(text)
            case .punctuator("-"):
                if case let .number(text)? = scanner.kind(index + 1) {
                    index += 2
                    return number("-" + text)
                }
                return nil
            case .punctuator("{"):
                return object()
            case .punctuator("["):
                return array()
            case .identifier("true"):
                index += 1
                return .bool(true)
            case .identifier("false"):
                index += 1
                return .bool(false)
            case .identifier("null"), .identifier("undefined"):
                index += 1
                return .other("null")
            case let .identifier(name):
                // A constant declared at the top level, unless it is used as a call or member.
                guard let start = scanner.declarations[name], depth < 8,
                      !scanner.isPunctuator(index + 1, "("), !scanner.isPunctuator(index + 1, "."),
                      !scanner.isPunctuator(index + 1, "?.") else { return nil }
                var inner = Reader(scanner: scanner, index: start, depth: depth + 1)
                let resolved = inner.value()
                if case .other = resolved { return nil }
                index += 1
                return resolved
            default:
                return nil
            }
        }

        func number(_ text: String) -> ImportValue {
            let plain = text.replacingOccurrences(of: "_", with: "")
            if let int = Int(plain) { return .integer(int) }
            if let double = Double(plain) { return .float(double) }
            return .other(text)
        }

        mutating func object() -> ImportValue {
            index += 1 // {
            nesting += 1
            defer { nesting -= 1 }
            var table = ImportTable()
            while index < tokens.count {
                if scanner.isPunctuator(index, "}") {
                    index += 1
                    return .table(table)
                }
                if scanner.isPunctuator(index, ",") {
                    index += 1
                    continue
                }
                if scanner.isPunctuator(index, "...") {
                    index += 1
                    skipExpression()
                    continue
                }
                var key: String?
                switch tokens[index].kind {
                case let .identifier(name): key = name
                case let .string(text): key = text
                case let .number(text): key = text
                case .punctuator("["):
                    skipBalanced()
                    index -= 1
                default: break
                }
                index += 1
                // `get name()`, `async name()`: the name comes next.
                if let word = key, ["get", "set", "async"].contains(word), case let .identifier(name)? = scanner.kind(index) {
                    key = name
                    index += 1
                }
                if scanner.isPunctuator(index, ":") {
                    index += 1
                    let value = value()
                    if let key { table[key] = value }
                } else if scanner.isPunctuator(index, "(") {
                    // A method: parameters, then the body.
                    let first = index - 1
                    skipBalanced()
                    if scanner.isPunctuator(index, ":") { skipExpressionUntilBrace() }
                    if scanner.isPunctuator(index, "{") { skipBalanced() }
                    if let key { table[key] = .other(scanner.text(from: first, through: index - 1)) }
                } else if let key {
                    // Shorthand `{ title }`: the constant of that name.
                    if let start = scanner.declarations[key], depth < 8 {
                        var inner = Reader(scanner: scanner, index: start, depth: depth + 1)
                        table[key] = inner.value()
                    } else {
                        table[key] = .other(key)
                    }
                }
                if !scanner.isPunctuator(index, ",") && !scanner.isPunctuator(index, "}") {
                    skipExpression()
                }
            }
            return .table(table)
        }

        mutating func array() -> ImportValue {
            index += 1 // [
            nesting += 1
            defer { nesting -= 1 }
            var items: [ImportValue] = []
            while index < tokens.count {
                if scanner.isPunctuator(index, "]") {
                    index += 1
                    return .array(items)
                }
                if scanner.isPunctuator(index, ",") {
                    index += 1
                    continue
                }
                if scanner.isPunctuator(index, "...") {
                    index += 1
                    skipExpression()
                    continue
                }
                items.append(value())
                if !scanner.isPunctuator(index, ",") && !scanner.isPunctuator(index, "]") {
                    skipExpression()
                }
            }
            return .array(items)
        }

        /// Steps over the bracketed group starting at `index`.
        mutating func skipBalanced() {
            var nesting = 0
            while index < tokens.count {
                if case let .punctuator(text) = tokens[index].kind {
                    if text == "{" || text == "(" || text == "[" { nesting += 1 }
                    if text == "}" || text == ")" || text == "]" {
                        nesting -= 1
                        if nesting <= 0 {
                            index += 1
                            return
                        }
                    }
                }
                index += 1
            }
        }

        /// Steps to the end of the current expression (see `atEnd`), over bracketed groups.
        mutating func skipExpression() {
            while index < tokens.count && !atEnd {
                if case let .punctuator(text) = tokens[index].kind, text == "{" || text == "(" || text == "[" {
                    skipBalanced()
                } else {
                    index += 1
                }
            }
        }

        /// A method's return type: up to its body.
        mutating func skipExpressionUntilBrace() {
            while index < tokens.count, !scanner.isPunctuator(index, "{") { index += 1 }
        }
    }
}

// MARK: - Tokens

extension JSConfigScanner {
    static let punctuators = [
        "...", "===", "!==", "**=", "<<=", ">>=", "??=", "&&=", "||=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=",
        "**", "<<", ">>",
    ]

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "$" || (scalar.properties.isAlphabetic)
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || ("0"..."9").contains(scalar)
    }

    static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var newline = false
        /// Whether a `/` here starts a regular expression rather than a division.
        func regexAllowed() -> Bool {
            guard let last = tokens.last else { return true }
            switch last.kind {
            case .number, .string, .template, .regex: return false
            case let .identifier(word): return ["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw"].contains(word)
            case let .punctuator(text): return text != ")" && text != "]" && text != "}"
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" || c == "\u{2028}" || c == "\u{2029}" {
                newline = true
                i += 1
                continue
            }
            if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" || c == "\u{A0}" || c.properties.isWhitespace {
                i += 1
                continue
            }
            if c == "/" && i + 1 < s.count && s[i + 1] == "/" {
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && i + 1 < s.count && s[i + 1] == "*" {
                i += 2
                while i + 1 < s.count && !(s[i] == "*" && s[i + 1] == "/") {
                    if s[i] == "\n" { newline = true }
                    i += 1
                }
                i = min(s.count, i + 2)
                continue
            }
            let start = i
            var kind: Token.Kind
            if c == "\"" || c == "'" {
                let (text, end) = readString(s, from: i)
                kind = .string(text)
                i = end
            } else if c == "`" {
                let (text, hasSubstitution, end) = readTemplate(s, from: i)
                kind = hasSubstitution ? .template : .string(text)
                i = end
            } else if ("0"..."9").contains(c) || (c == "." && i + 1 < s.count && ("0"..."9").contains(s[i + 1])) {
                while i < s.count && (isIdentifierPart(s[i]) || s[i] == "." ||
                    ((s[i] == "+" || s[i] == "-") && (s[i - 1] == "e" || s[i - 1] == "E") && !(s[start] == "0" && i > start + 1 && (s[start + 1] == "x" || s[start + 1] == "X")))) {
                    i += 1
                }
                kind = .number(String(String.UnicodeScalarView(s[start..<i])))
            } else if isIdentifierStart(c) || c == "\\" {
                while i < s.count && (isIdentifierPart(s[i]) || s[i] == "\\") { i += 1 }
                kind = .identifier(String(String.UnicodeScalarView(s[start..<i])))
            } else if c == "/" && regexAllowed() {
                i = skipRegex(s, from: i)
                kind = .regex
            } else {
                var matched = String(c)
                for candidate in punctuators {
                    let length = candidate.unicodeScalars.count
                    if i + length <= s.count, String(String.UnicodeScalarView(s[i..<(i + length)])) == candidate {
                        matched = candidate
                        break
                    }
                }
                i += matched.unicodeScalars.count
                kind = .punctuator(matched)
            }
            tokens.append(Token(kind: kind, start: start, end: i, newlineBefore: newline))
            newline = false
        }
        return tokens
    }

    /// A quoted string from the quote at `from`: its value and the offset after it.
    static func readString(_ s: [Unicode.Scalar], from: Int) -> (String, Int) {
        let quote = s[from]
        var i = from + 1
        var text = String.UnicodeScalarView()
        while i < s.count && s[i] != quote {
            if s[i] == "\n" { break } // unterminated: stop at the line's end
            if s[i] == "\\" {
                let (scalar, next) = escape(s, at: i)
                if let scalar { text.append(scalar) }
                i = next
                continue
            }
            text.append(s[i])
            i += 1
        }
        return (String(text), min(s.count, i + 1))
    }

    /// A template literal: its text, whether it has `${…}`, and the offset after it.
    static func readTemplate(_ s: [Unicode.Scalar], from: Int) -> (String, Bool, Int) {
        var i = from + 1
        var text = String.UnicodeScalarView()
        var substituted = false
        while i < s.count && s[i] != "`" {
            if s[i] == "\\" {
                let (scalar, next) = escape(s, at: i)
                if let scalar { text.append(scalar) }
                i = next
                continue
            }
            if s[i] == "$" && i + 1 < s.count && s[i + 1] == "{" {
                substituted = true
                i = skipSubstitution(s, from: i + 2)
                continue
            }
            text.append(s[i])
            i += 1
        }
        return (String(text), substituted, min(s.count, i + 1))
    }

    /// From just inside `${` to just after its `}`, over nested braces, strings and templates.
    static func skipSubstitution(_ s: [Unicode.Scalar], from: Int) -> Int {
        var i = from
        var nesting = 1
        while i < s.count {
            switch s[i] {
            case "{": nesting += 1
            case "}":
                nesting -= 1
                if nesting == 0 { return i + 1 }
            case "\"", "'":
                i = readString(s, from: i).1
                continue
            case "`":
                i = readTemplate(s, from: i).2
                continue
            default: break
            }
            i += 1
        }
        return i
    }

    static func skipRegex(_ s: [Unicode.Scalar], from: Int) -> Int {
        var i = from + 1
        var inClass = false
        while i < s.count && s[i] != "\n" {
            if s[i] == "\\" {
                i += 2
                continue
            }
            if s[i] == "[" { inClass = true }
            if s[i] == "]" { inClass = false }
            if s[i] == "/" && !inClass {
                i += 1
                while i < s.count && isIdentifierPart(s[i]) { i += 1 }
                return i
            }
            i += 1
        }
        return i
    }

    /// The scalar an escape at `at` (the backslash) stands for, and the offset after it.
    static func escape(_ s: [Unicode.Scalar], at: Int) -> (Unicode.Scalar?, Int) {
        let i = at + 1
        guard i < s.count else { return (nil, i) }
        switch s[i] {
        case "n": return ("\n", i + 1)
        case "t": return ("\t", i + 1)
        case "r": return ("\r", i + 1)
        case "b": return ("\u{8}", i + 1)
        case "f": return ("\u{C}", i + 1)
        case "v": return ("\u{B}", i + 1)
        case "0" where !(i + 1 < s.count && ("0"..."9").contains(s[i + 1])): return ("\0", i + 1)
        case "\n": return (nil, i + 1)
        case "\r": return (nil, i + 1 < s.count && s[i + 1] == "\n" ? i + 2 : i + 1)
        case "x":
            if let value = hex(s, from: i + 1, count: 2) { return (Unicode.Scalar(value), i + 3) }
            return ("x", i + 1)
        case "u":
            if i + 1 < s.count && s[i + 1] == "{" {
                var end = i + 2
                while end < s.count && s[end] != "}" { end += 1 }
                if let value = hex(s, from: i + 2, count: end - i - 2) { return (Unicode.Scalar(value), end + 1) }
                return ("u", i + 1)
            }
            if let value = hex(s, from: i + 1, count: 4) {
                // A surrogate pair written as two escapes.
                if (0xD800...0xDBFF).contains(value), i + 6 < s.count, s[i + 5] == "\\", s[i + 6] == "u",
                   let low = hex(s, from: i + 7, count: 4), (0xDC00...0xDFFF).contains(low) {
                    let combined = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    return (Unicode.Scalar(combined), i + 11)
                }
                return (Unicode.Scalar(value) ?? "\u{FFFD}", i + 5)
            }
            return ("u", i + 1)
        default:
            return (s[i], i + 1)
        }
    }

    static func hex(_ s: [Unicode.Scalar], from: Int, count: Int) -> UInt32? {
        guard count > 0, count <= 8, from + count <= s.count else { return nil }
        var value: UInt32 = 0
        for scalar in s[from..<(from + count)] {
            guard let digit = UInt32(String(scalar), radix: 16) else { return nil }
            value = value * 16 + digit
        }
        return value
    }
}
