import Foundation
import Yams

/// Reads `---` front matter with `Yams.compose`, keeping every scalar's text
/// (YAML 1.1 would turn `1.10`, `NO` and `12:30` into numbers and booleans).
package enum YAMLFrontMatterReader {
    /// Aliases allowed in one front matter: Yams shares aliased nodes, but hashes
    /// mapping keys whole, so aliases nested in keys could expand exponentially.
    package static let maxAliases = 16
    /// Nodes visited while converting, aliases counted each time they are used.
    package static let maxNodes = 20_000
    package static let maxDepth = 64

    /// `lineOffset` is added to YAML line numbers to give file lines (the opening fence's line).
    package static func read(_ text: String, lineOffset: Int) -> Result<[FrontMatterNode.Entry], FrontMatterProblem> {
        var repeats: [RepeatedKey] = []
        return read(text, lineOffset: lineOffset, repeats: &repeats)
    }

    /// As `read`, reading the last value of a top-level key written twice; `repeats` says
    /// which keys were (file lines, as `lineOffset` gives them).
    package static func read(_ text: String, lineOffset: Int, repeats: inout [RepeatedKey]) -> Result<[FrontMatterNode.Entry], FrontMatterProblem> {
        let aliases = aliasCount(in: text)
        if aliases > maxAliases {
            return .failure(FrontMatterProblem(
                message: "invalid YAML front matter: \(aliases) aliases (at most \(maxAliases) are allowed)",
                line: lineOffset + 1, column: 1
            ))
        }
        return readComposed(text, lineOffset: lineOffset, repeats: &repeats)
    }

    /// The front matter as libyaml reads it (through `Yams.compose`).
    package static func readComposed(_ text: String, lineOffset: Int) -> Result<[FrontMatterNode.Entry], FrontMatterProblem> {
        var repeats: [RepeatedKey] = []
        return readComposed(text, lineOffset: lineOffset, repeats: &repeats)
    }

    private static func readComposed(_ text: String, lineOffset: Int, repeats: inout [RepeatedKey]) -> Result<[FrontMatterNode.Entry], FrontMatterProblem> {
        let root: Node?
        do {
            // No implicit typing: values keep their text (typed later by key), so the rules
            // would only run their regular expressions on keys for the duplicate check, where
            // equal strings resolve to equal tags under any resolver.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            // A key written twice at the top (a copy-paste slip): the last one counts.
            guard repeats.isEmpty, let kept = keepingLastOfRepeatedKeys(text, reported: duplicates) else {
                return .failure(problem(for: .duplicatedKeysInMapping(duplicates: duplicates, context: context), text: text, lineOffset: lineOffset))
            }
            repeats = kept.repeats.map { RepeatedKey(key: $0.key, firstLine: $0.firstLine + lineOffset, line: $0.line + lineOffset) }
            return readComposed(kept.text, lineOffset: lineOffset, repeats: &repeats)
        } catch let error as YamlError {
            return .failure(problem(for: error, text: text, lineOffset: lineOffset))
        } catch {
            return .failure(FrontMatterProblem(message: "invalid YAML front matter: \(error)", line: lineOffset + 1, column: 1))
        }
        guard let root else { return .success([]) }
        var converter = Converter(lineOffset: lineOffset)
        guard case .mapping = root else {
            let mark = root.mark
            let what = root.sequence != nil ? "a list" : "a single value"
            return .failure(FrontMatterProblem(
                message: "invalid YAML front matter: expected keys and values, found \(what)",
                line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1
            ))
        }
        do {
            let node = try converter.convert(root, depth: 0)
            guard case let .table(entries) = node.kind else { return .success([]) }
            return .success(entries)
        } catch let problem as FrontMatterProblem {
            return .failure(problem)
        } catch {
            return .failure(FrontMatterProblem(message: "invalid YAML front matter: \(error)", line: lineOffset + 1, column: 1))
        }
    }

    /// A whole YAML (or JSON) document of any shape, for a data file: at most `maxNodes`
    /// values, aliases counted each time they are used. Nil for an empty document.
    package static func readValue(_ text: String, maxNodes: Int) -> Result<FrontMatterNode?, FrontMatterProblem> {
        let aliases = aliasCount(in: text)
        if aliases > maxAliases {
            return .failure(FrontMatterProblem(message: "invalid YAML: \(aliases) aliases (at most \(maxAliases) are allowed)", line: 1, column: 1))
        }
        func plain(_ problem: FrontMatterProblem) -> FrontMatterProblem {
            var problem = problem
            problem.message = problem.message.replacingOccurrences(of: "invalid YAML front matter", with: "invalid YAML")
            return problem
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(plain(problem(for: error, text: text, lineOffset: 0)))
        } catch {
            return .failure(FrontMatterProblem(message: "invalid YAML: \(error)", line: 1, column: 1))
        }
        guard let root else { return .success(nil) }
        var converter = Converter(lineOffset: 0, maxNodes: maxNodes)
        do {
            return .success(try converter.convert(root, depth: 0))
        } catch let problem as FrontMatterProblem {
            return .failure(plain(problem))
        } catch {
            return .failure(FrontMatterProblem(message: "invalid YAML: \(error)", line: 1, column: 1))
        }
    }

    private struct Converter {
        package let lineOffset: Int
        package var maxNodes = YAMLFrontMatterReader.maxNodes
        package var visited = 0
        /// The top-level key being read: aliased nodes carry the mark of their anchor,
        /// so a limit is reported at the key whose value grew too large.
        package var topLevelKey: Mark?

        package mutating func convert(_ yaml: Node, depth: Int) throws -> FrontMatterNode {
            visited += 1
            let line = (yaml.mark?.line ?? 1) + lineOffset
            let column = yaml.mark?.column ?? 1
            guard visited <= maxNodes, depth <= YAMLFrontMatterReader.maxDepth else {
                let place = topLevelKey.map { (line: $0.line + lineOffset, column: $0.column) } ?? (line: line, column: column)
                throw FrontMatterProblem(
                    message: "invalid YAML front matter: too large once aliases are expanded "
                        + "(more than \(maxNodes) values or \(YAMLFrontMatterReader.maxDepth) levels)",
                    line: place.line, column: place.column
                )
            }
            switch yaml {
            case let .scalar(scalar):
                let tag = scalar.tag.description
                let forcedString = tag == Tag.Name.str.rawValue || tag == "!"
                let plain = scalar.style == .plain && !forcedString
                if plain, YAMLFrontMatterReader.isNull(scalar.string) || tag == Tag.Name.null.rawValue {
                    return FrontMatterNode(.null, line: line, column: column)
                }
                return FrontMatterNode(.scalar(scalar.string, plain: plain), line: line, column: column)
            case let .sequence(sequence):
                var items: [FrontMatterNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence { items.append(try convert(item, depth: depth + 1)) }
                return FrontMatterNode(.list(items), line: line, column: column)
            case let .mapping(mapping):
                var entries: [FrontMatterNode.Entry] = []
                entries.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    // Keys are text; a list or map used as a key has no field to fill.
                    guard case let .scalar(keyScalar) = key else { continue }
                    if depth == 0 { topLevelKey = key.mark }
                    entries.append(FrontMatterNode.Entry(key: keyScalar.string, node: try convert(value, depth: depth + 1),
                                                         keyLine: key.mark.map { $0.line + lineOffset }))
                }
                return FrontMatterNode(.table(entries), line: line, column: column)
            case .alias:
                return FrontMatterNode(.null, line: line, column: column)
            }
        }
    }

    /// The plain scalars YAML reads as null.
    package static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// Counts `*name` tokens whose name is declared as an anchor `&name` (a cheap
    /// pre-scan: `*emphasis*` in text is not counted unless an anchor has that name).
    package static func aliasCount(in text: String) -> Int {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "&")), bytes.contains(UInt8(ascii: "*")) else { return 0 }
        var anchors = Set<ArraySlice<UInt8>>()
        var aliases: [ArraySlice<UInt8>] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*"), isTokenStart(bytes, index) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, !isNameEnd(bytes[end]) { end += 1 }
            if end > index + 1 {
                let name = bytes[(index + 1)..<end]
                if byte == UInt8(ascii: "&") { anchors.insert(name) } else { aliases.append(name) }
            }
            index = end
        }
        return aliases.reduce(0) { $0 + (anchors.contains($1) ? 1 : 0) }
    }

    private static func isTokenStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        switch bytes[index - 1] {
        case 0x20, 0x09, 0x0A, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","):
            return true
        default:
            return false
        }
    }

    package static func problem(for error: YamlError, text: String, lineOffset: Int) -> FrontMatterProblem {
        func located(_ message: String, _ mark: Mark) -> FrontMatterProblem {
            FrontMatterProblem(message: "invalid YAML front matter: \(message)", line: mark.line + lineOffset, column: mark.column)
        }
        func described(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context, !context.text.isEmpty else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line + lineOffset))"
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return located(described(context, problem), mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return located("duplicate key \(keys)", context.mark)
        case let .reader(problem, offset, _, _):
            var line = 1
            var column = 1
            if let offset {
                for character in text.prefix(offset) {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return FrontMatterProblem(message: "invalid YAML front matter: \(problem)", line: line + lineOffset, column: column)
        default:
            return FrontMatterProblem(message: "invalid YAML front matter: \(error)", line: lineOffset + 1, column: 1)
        }
    }
}
